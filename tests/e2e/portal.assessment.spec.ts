/**
 * Journey (issue 4, "Done means"): a new business — the first registrant of a demo business, so
 * its entity administrator — opens the 2569 assessment and fills every part (ก, ข pages 1 and 2,
 * ค, ง) from a complete valid answer set (tests/fixtures/questionnaires/v1-gold-shop.ts), attaches
 * the required documents and the evidence its answers mention (real PDFs, through the upload
 * page), saves a half-filled part ง with บันทึกแบบร่าง, signs out, signs in again, sees its progress
 * on the task list, resumes where it stopped, finishes, checks, fills the declaration, presses
 * ส่งข้อมูล and reads the receipt; afterwards the task list shows the submission and a question
 * page leads to the read-only view. On the way, a date that cannot exist (31/02) is refused with
 * the error summary, whose link leads to the day box, and what was typed stays in the boxes.
 *
 * Both projects: with JavaScript on, conditional questions appear by the auto-save (htmx); with it
 * off, after บันทึกแบบร่าง (support/questionnaire.ts). Each project uses a business of its own
 * (BUSINESSES.assessment), since the first confirmed registrant becomes its administrator.
 */
import type { Page } from '@playwright/test'
import { goldShopAnswersV1 } from '#tests/fixtures/questionnaires/v1-gold-shop.ts'
import { expect, expectNoA11yViolations, test, visit } from './support/fixtures.ts'
import { BUSINESSES, newPerson, projectOf, registerAndConfirmOverHttp } from './support/identity.ts'
import { assessmentUrl, continueButton, documentFileName, expectPageShows, fillQuestionPage, leaveAndAwaitAutosave, saveDraftButton } from './support/questionnaire.ts'

const PARTS = [
  { id: 'part-a', link: /^ก\. / },
  { id: 'part-b', link: /^ข\. / },
  { id: 'part-c', link: /^ค\. / },
  { id: 'part-d', link: /^ง\. / },
] as const

/** Part ง questions filled before the break (the rest after signing in again). */
const BEFORE_BREAK = (id: string) => /^D(0\d|1[0-2])_?/.test(id)
const CONFIRMATION = /^ทำการส่งข้อมูลไปยัง ปปง\. เรียบร้อยแล้ว เมื่อวันที่ (\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/

async function signIn(page: Page, identifier: string, password: string) {
  await page.getByLabel('ชื่อผู้ใช้งานหรืออีเมล').fill(identifier)
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(password)
  await page.getByRole('main').getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).click()
  await expect(page).toHaveURL(/\/portal$/)
  await expectNoA11yViolations(page)
}

async function openTaskList(page: Page) {
  await page.locator('#open-assessment').click()
  await expect(page).toHaveURL(new RegExp(`${assessmentUrl()}$`))
  await expectNoA11yViolations(page)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('รอบการประเมินปี 2569')
}

async function openPart(page: Page, part: (typeof PARTS)[number]) {
  await page.getByRole('link', { name: part.link }).click()
  await expect(page).toHaveURL(new RegExp(`${assessmentUrl(`/${part.id}/1`)}$`))
  await expectNoA11yViolations(page)
}

/** บันทึกและไปต่อ to `next` (a page of the part, or the part's check page). */
async function saveAndContinue(page: Page, next: string) {
  await continueButton(page).click()
  await expect(page).toHaveURL(new RegExp(`${assessmentUrl(next)}$`))
  await expectNoA11yViolations(page)
}

/** On a part's check page: no problem left; back to the task list. */
async function partCompleteBackToTaskList(page: Page) {
  await expect(page.getByText('ส่วนนี้กรอกครบถ้วนแล้ว')).toBeVisible()
  await page.getByRole('link', { name: 'กลับไปหน้ารายการแบบประเมิน' }).click()
  await expect(page).toHaveURL(new RegExp(`${assessmentUrl()}$`))
  await expectNoA11yViolations(page)
}

const partStatus = (page: Page, partId: string) => page.locator(`#task-${partId}-status`)

/** dd/mm/yyyy of `d` in Bangkok (Gregorian year), as the receipt writes it. */
const bangkokDate = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Bangkok', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d)

test.describe('the risk assessment (แบบประเมินความเสี่ยง)', () => {
  test('a new business fills every part, attaches documents, resumes after signing in again, submits and sees the receipt', async ({ page, guard }, testInfo) => {
    test.setTimeout(360_000)
    // The refused date answers 422 (the page with the error summary), which the browser logs.
    guard.allowConsoleError(/status of 422/)
    const project = projectOf(testInfo)
    const js = project === 'js-on'
    const business = BUSINESSES.assessment[project]
    // The gold shop's answers under this business's own name (its English name stays as registered).
    const { A03: _nameEn, ...goldShop } = goldShopAnswersV1
    const answers = { ...goldShop, A02: business.nameTh }
    const person = newPerson(testInfo, 'assess', 'ประภาพร')
    expect(await registerAndConfirmOverHttp(page.request, business.juristicId, person), 'the first registrant administers the business').toBe('admin')

    await visit(page, '/auth/login')
    await signIn(page, person.username, person.password)
    await openTaskList(page)
    await expect(page.getByRole('main')).toContainText(business.nameTh)
    for (const part of PARTS) await expect(partStatus(page, part.id)).toHaveText('ยังไม่เริ่ม')
    await expect(page.locator('#task-list-count')).toHaveText('กรอกครบแล้ว 0 จาก 4 ส่วน')

    await test.step('part ก: a date that cannot exist is refused, and what was typed stays', async () => {
      await openPart(page, PARTS[0])
      // Part ก comes pre-filled from the registry.
      await expect(page.locator('#A02')).toHaveValue(business.nameTh)
      await page.locator('#A17-day').fill('31')
      await page.locator('#A17-month').fill('2')
      await page.locator('#A17-year').fill('2566')
      await page.locator('#A08_registered').fill('5000000')
      await saveDraftButton(page).click()
      await expect(page).toHaveTitle(/^ข้อผิดพลาด:/)
      await expectNoA11yViolations(page)
      const summary = page.locator('[data-error-summary]')
      await expect(summary.getByRole('heading')).toHaveText('มีข้อมูลที่ต้องแก้ไข')
      const link = summary.getByRole('link')
      await expect(link).toHaveCount(1)
      await expect(link).toHaveAttribute('href', '#A17-day')
      await expect(page.locator('#A17-day')).toHaveAttribute('aria-invalid', 'true')
      if (js) {
        await link.click()
        await expect(page.locator('#A17-day')).toBeFocused()
      } else {
        await link.click()
        await expect(page).toHaveURL(/#A17-day$/)
      }
      await expect(page.locator('#A17-day')).toHaveValue('31')
      await expect(page.locator('#A17-month')).toHaveValue('2')
      await expect(page.locator('#A17-year')).toHaveValue('2566')
      // The valid answers of the same post were kept too.
      await expect(page.locator('#A08_registered')).toHaveValue('5000000')
    })

    await test.step('part ก: every question, the required documents', async () => {
      await fillQuestionPage(page, { partId: 'part-a', pageId: '1', answers, js })
      await saveAndContinue(page, '/part-a/check')
      await partCompleteBackToTaskList(page)
      await expect(partStatus(page, 'part-a')).toHaveText('เสร็จสมบูรณ์')
    })

    await test.step('part ข: pages 1 and 2 with their rows', async () => {
      await openPart(page, PARTS[1])
      await fillQuestionPage(page, { partId: 'part-b', pageId: '1', answers, js })
      await saveAndContinue(page, '/part-b/2')
      await fillQuestionPage(page, { partId: 'part-b', pageId: '2', answers, js })
      await saveAndContinue(page, '/part-b/check')
      await partCompleteBackToTaskList(page)
      await expect(partStatus(page, 'part-b')).toHaveText('เสร็จสมบูรณ์')
    })

    await test.step('part ค: the controls, with evidence', async () => {
      await openPart(page, PARTS[2])
      await fillQuestionPage(page, { partId: 'part-c', pageId: '1', answers, js })
      await saveAndContinue(page, '/part-c/check')
      await partCompleteBackToTaskList(page)
      await expect(partStatus(page, 'part-c')).toHaveText('เสร็จสมบูรณ์')
    })

    await test.step('part ง: half of it, บันทึกแบบร่าง, sign out', async () => {
      await openPart(page, PARTS[3])
      // The gold module (G…) follows the primary business type answered in part ก.
      await expect(page.locator('#G01_bullion')).toBeVisible()
      await fillQuestionPage(page, { partId: 'part-d', pageId: '1', answers, js, only: BEFORE_BREAK })
      if (js) {
        // Changes save themselves: the last box left, the auto-save answers, a reload shows it all.
        await leaveAndAwaitAutosave(page, 'D12_goldInKind', '0')
        await visit(page, assessmentUrl('/part-d/1'))
        await expectPageShows(page, ['D01_thaiIndividuals', 'D09', 'D12_cash', 'D12_goldInKind'], answers)
      }
      await saveDraftButton(page).click()
      await expect(page).toHaveURL(new RegExp(`${assessmentUrl('/part-d/1')}$`))
      await expectNoA11yViolations(page)
      await expect(page.getByText(/บันทึกแบบร่างแล้วเมื่อ \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/).first()).toBeVisible()

      await page.getByRole('button', { name: 'ออกจากระบบ', exact: true }).click()
      await expect(page).toHaveURL(/\/auth\/login$/)
      await expectNoA11yViolations(page)
      await expect(page.getByText('ท่านออกจากระบบเรียบร้อยแล้ว')).toBeVisible()
    })

    await test.step('sign in again: the progress is kept; resume part ง and finish it', async () => {
      await signIn(page, person.username, person.password)
      await openTaskList(page)
      for (const id of ['part-a', 'part-b', 'part-c']) await expect(partStatus(page, id)).toHaveText('เสร็จสมบูรณ์')
      await expect(partStatus(page, 'part-d')).toHaveText('กำลังดำเนินการ')
      await expect(page.locator('#task-list-count')).toHaveText('กรอกครบแล้ว 3 จาก 4 ส่วน')
      await expect(page.locator('#task-list-last-saved')).toHaveText(/^บันทึกล่าสุด: /)

      await openPart(page, PARTS[3])
      await expectPageShows(page, ['D01_thaiIndividuals', 'D06', 'D08', 'D09', 'D11_faceToFace', 'D12_transfer'], answers)
      await expect(page.locator('#D13_count')).toHaveValue('')
      await fillQuestionPage(page, { partId: 'part-d', pageId: '1', answers, js })
      await saveAndContinue(page, '/part-d/check')
      await partCompleteBackToTaskList(page)
      await expect(partStatus(page, 'part-d')).toHaveText('เสร็จสมบูรณ์')
      await expect(page.locator('#task-list-count')).toHaveText('กรอกครบแล้ว 4 จาก 4 ส่วน')
    })

    let receiptRef = ''
    await test.step('check everything, the declaration, ส่งข้อมูล, the receipt', async () => {
      await page.getByRole('button', { name: 'ตรวจสอบคำตอบและส่งข้อมูล' }).click()
      await expect(page).toHaveURL(new RegExp(`${assessmentUrl('/submit')}$`))
      await expectNoA11yViolations(page)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('ตรวจสอบคำตอบและส่งข้อมูล')
      await expect(page.getByText(/ยังส่งข้อมูลไม่ได้/)).toHaveCount(0)
      // The answers to check include the documents attached (by type).
      await expect(page.getByText('2 ไฟล์: หนังสือรับรองการจดทะเบียนนิติบุคคล, แบบคำขอใช้บริการที่ลงนามแล้ว', { exact: true })).toBeVisible()

      await page.getByLabel('ชื่อ-นามสกุลผู้รับรอง').fill(`${person.firstName} ${person.lastName}`)
      await page.getByLabel('ตำแหน่ง', { exact: true }).fill(person.position)
      await page.getByLabel('ข้าพเจ้ายืนยันคำรับรองข้างต้น').check()
      const before = bangkokDate(new Date())
      await page.getByRole('button', { name: 'ส่งข้อมูล', exact: true }).click()
      await expect(page).toHaveURL(/\/portal\/receipts\/AMRAC-2569-\d{6}$/)
      await expectNoA11yViolations(page)
      const after = bangkokDate(new Date())
      receiptRef = new URL(page.url()).pathname.split('/').pop()!

      await expect(page.getByRole('heading', { level: 1 })).toHaveText('ส่งข้อมูลเรียบร้อยแล้ว')
      const confirmation = page.locator('#submission-confirmation')
      await expect(confirmation).toHaveText(CONFIRMATION)
      const [, dd, mm, yyyy] = CONFIRMATION.exec(((await confirmation.textContent()) ?? '').trim())!
      expect([before, after], 'the confirmation is dated today in Bangkok (Gregorian year)').toContain(`${dd}/${mm}/${yyyy}`)
      await expect(page.locator('#receipt-ref')).toHaveText(receiptRef)
      await expect(page.getByText('ระบบส่งใบรับไปที่อีเมลของท่านแล้ว')).toBeVisible()
    })

    await test.step('after submission: the task list says so, and a question page leads to the read-only view', async () => {
      await visit(page, assessmentUrl())
      await expect(page.getByRole('main')).toContainText('สถานะแบบประเมิน: ส่งแล้ว')
      const banner = page.getByRole('region', { name: CONFIRMATION })
      await expect(banner).toBeVisible()
      await expect(banner.getByRole('link', { name: `เลขที่ใบรับ ${receiptRef}` })).toHaveAttribute('href', `/portal/receipts/${receiptRef}`)
      await expect(page.getByRole('link', { name: /^ก\. / })).toHaveCount(0)

      await visit(page, assessmentUrl('/part-a/1'))
      await expect(page).toHaveURL(new RegExp(`${assessmentUrl('/view')}$`))
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('ข้อมูลที่ส่งแล้ว')
      await expect(page.getByText('แบบประเมินนี้ส่งแล้ว จึงแสดงเพื่ออ่านอย่างเดียว')).toBeVisible()
      await expect(page.locator('#question-form')).toHaveCount(0)
      const documents = page.getByRole('table', { name: 'เอกสารที่แนบกับแบบประเมิน' })
      for (const type of ['DBD_CERTIFICATE', 'SERVICE_REQUEST_SIGNED', 'AML_POLICY', 'ENTERPRISE_RISK_ASSESSMENT']) {
        await expect(documents.getByRole('link', { name: documentFileName(type) })).toBeVisible()
      }
      await expect(page.getByRole('table', { name: 'ฉบับที่ส่งไปยังสำนักงาน ปปง.' }).getByRole('link', { name: receiptRef })).toBeVisible()
    })
  })
})
