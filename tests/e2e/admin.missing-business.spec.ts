/**
 * Journey (issue 7): a registrant whose business is not in the registry searches for it on
 * /auth/register (ไม่พบรายชื่อกิจการ), follows the link to the pre-filled contact form and files a
 * technical ticket; an administrator signs in (password, then setting up the authenticator app),
 * finds the ticket by its reference in /admin/support, adds the business to the registry from the
 * ticket's pre-filled link, and replies; the registrant opens the reply from the mail's signed link,
 * searches again, finds the business, registers, and confirms the address from the mail (as the
 * business's first user, its administrator).
 *
 * Both projects share one app and run in parallel: each uses its own unknown juristic number
 * (MISSING_BUSINESS_IDS), a unique business name and e-mail, and its own demo administrator
 * (`helpdesk` or `registrar`: a staff account can enrol its app only once per app instance, and
 * staff.two-step.spec.ts enrols `admin`).
 */
import type { Page } from '@playwright/test'
import { generate } from 'otplib'
import { expect, expectNoA11yViolations, test, visit } from './support/fixtures.ts'
import { DEMO_PASSWORD, MAIL_SUBJECT, MISSING_BUSINESS_IDS, linkIn, mailText, newPerson, projectOf, waitForMail } from './support/identity.ts'

/** Which demo administrator each project signs in as. */
const ADMIN = { 'js-on': 'helpdesk', 'js-off': 'registrar' } as const
const REPLY = 'เพิ่มกิจการของท่านในทะเบียนแล้ว โปรดลงทะเบียนอีกครั้ง'
/** A real combination the Thai-address check accepts (province → district → subdistrict → postcode). */
const ADDRESS = { line: '99 ถนนช้างคลาน', province: 'เชียงใหม่', district: 'เมืองเชียงใหม่', subdistrict: 'ศรีภูมิ', postcode: '50200' }
const SEARCH_LABEL = 'เลขทะเบียนนิติบุคคล 13 หลัก หรือชื่อกิจการ'

async function searchRegistry(page: Page, juristicId: string) {
  await page.getByLabel(SEARCH_LABEL).fill(juristicId)
  await page.getByRole('button', { name: 'ค้นหา', exact: true }).click()
  await expect(page).toHaveURL(new RegExp(`/auth/register\\?q=${juristicId}$`))
  await expectNoA11yViolations(page)
}

/** First sign-in of a demo administrator: password, then the app set-up that cannot be skipped, then /admin. */
async function signInAdminFirstTime(page: Page, username: string) {
  await visit(page, '/auth/login')
  await page.getByLabel('ชื่อผู้ใช้งานหรืออีเมล').fill(username)
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('main').getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).click()
  await expect(page).toHaveURL(/\/auth\/totp\/setup$/)
  await expectNoA11yViolations(page)
  const secret = ((await page.locator('[data-secret]').textContent()) ?? '').replace(/\s/g, '')
  expect(secret).toMatch(/^[A-Z2-7]{32}$/)
  await page.getByLabel('รหัส 6 หลักที่แอปแสดงอยู่ขณะนี้').fill(await generate({ secret }))
  await page.getByRole('button', { name: 'ยืนยันและเปิดใช้งาน' }).click()
  await expect(page).toHaveURL(/\/account\/two-step\/recovery-codes$/)
  await expectNoA11yViolations(page)
  await page.getByRole('link', { name: 'จดรหัสเรียบร้อยแล้ว ดำเนินการต่อ' }).click()
  await expect(page).toHaveURL(/\/admin$/)
  await expectNoA11yViolations(page)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ผู้ดูแลระบบ')
}

test.describe('a business missing from the registry (ไม่พบรายชื่อกิจการ)', () => {
  test('the registrant files a ticket, an admin adds the business and replies, the registrant then registers', async ({ browser, page }, testInfo) => {
    // About twenty pages, each checked by axe, and two waits for the mail worker (5 s each).
    test.setTimeout(150_000)
    const project = projectOf(testInfo)
    const { juristicId, formatted } = MISSING_BUSINESS_IDS[project]
    const person = newPerson(testInfo, 'missing')
    const tag = person.username.split('.')[1]!
    const bareName = `ทองทดสอบ ${tag}`
    const typedName = `บริษัท ${bareName} จำกัด`

    // ── 1. The registrant: not found → the pre-filled contact form → a reference ────────────
    await visit(page, '/auth/register')
    await searchRegistry(page, juristicId)
    await expect(page.getByText('ไม่พบรายชื่อกิจการ', { exact: true })).toBeVisible()
    await page.getByRole('link', { name: 'แจ้งผู้ดูแลระบบ (ไม่พบรายชื่อกิจการ)' }).click()
    await expect(page).toHaveURL(new RegExp(`/help/contact\\?category=technical&topic=business_not_found&business=${juristicId}$`))
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('แบบฟอร์มติดต่อเจ้าหน้าที่')
    await expect(page.getByText('ไม่พบรายชื่อกิจการของท่านในทะเบียน')).toBeVisible()
    await expect(page.getByRole('radio', { name: 'ปัญหาทางด้านเทคนิค (แจ้งผู้ดูแลระบบ)' })).toBeChecked()
    await expect(page.getByLabel('เลขทะเบียนนิติบุคคล')).toHaveValue(juristicId)
    await page.getByLabel('ชื่อกิจการ', { exact: true }).fill(typedName)
    await page.getByLabel('ประเภทธุรกิจ').selectOption('precious_goods')
    await page.getByLabel('ชื่อ-นามสกุล').fill(`${person.firstName} ${person.lastName}`)
    await page.getByLabel('หมายเลขโทรศัพท์').fill(person.phone)
    await page.getByLabel('อีเมล', { exact: true }).fill(person.email)
    await page.getByLabel('รายละเอียด').fill(`ค้นหาเลขทะเบียนนิติบุคคล ${juristicId} ในหน้าลงทะเบียนแล้วไม่พบรายชื่อกิจการ โปรดเพิ่มกิจการในทะเบียน`)
    await page.getByRole('button', { name: 'ส่งเรื่อง', exact: true }).click()
    await expect(page).toHaveURL(/\/help\/contact\/sent\?ref=/)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ส่งเรื่องเรียบร้อยแล้ว')
    await expect(page.locator('[data-ticket-team]')).toHaveText('ผู้ดูแลระบบ')
    const reference = ((await page.locator('[data-ticket-reference]').textContent()) ?? '').trim()
    expect(reference).not.toBe('')

    // ── 2. The administrator, in a browser of their own ─────────────────────────────────────
    const adminContext = await browser.newContext()
    const admin = await adminContext.newPage()
    // The guard fixture watches `page` only: the admin's page is watched here (axe runs after each load below).
    const adminErrors: string[] = []
    admin.on('console', (m) => void (m.type() === 'error' && adminErrors.push(m.text())))
    admin.on('pageerror', (e) => void adminErrors.push(e.message))
    try {
      await signInAdminFirstTime(admin, ADMIN[project])
      await admin.getByRole('main').getByRole('link', { name: 'เรื่องติดต่อด้านการใช้งานระบบ', exact: true }).click()
      await expect(admin).toHaveURL(/\/admin\/support$/)
      await expectNoA11yViolations(admin)
      await expect(admin.getByRole('heading', { level: 1 })).toHaveText('เรื่องติดต่อด้านการใช้งานระบบ')
      await admin.locator('#tickets').getByRole('link', { name: reference, exact: true }).click()
      await expect(admin).toHaveURL(/\/admin\/support\/[0-9a-f-]{36}$/)
      await expectNoA11yViolations(admin)
      const ticketUrl = admin.url()
      await expect(admin.getByRole('heading', { level: 1 })).toHaveText(`เรื่องเลขที่ ${reference}`)
      const details = admin.locator('#ticket-details')
      await expect(details).toContainText('ไม่พบรายชื่อกิจการ')
      // (Names are stored NFKC-normalised, which splits the SARA AM of จำกัด: compare the bare name.)
      await expect(details).toContainText(bareName)
      await expect(details).toContainText(juristicId)
      await expect(details).toContainText(person.email)

      // Add the business from the ticket: the form comes pre-filled with its name, number and type.
      await admin.getByRole('link', { name: 'เพิ่มกิจการนี้ในทะเบียน' }).click()
      await expect(admin).toHaveURL(/\/admin\/businesses\/new\?/)
      await expectNoA11yViolations(admin)
      await expect(admin.getByRole('heading', { level: 1 })).toHaveText('เพิ่มผู้มีหน้าที่รายงาน')
      await expect(admin.getByLabel('เลขทะเบียนนิติบุคคล')).toHaveValue(juristicId)
      await expect(admin.getByLabel('ชื่อกิจการภาษาไทย')).toHaveValue(bareName)
      await expect(admin.getByLabel('ประเภทธุรกิจหลัก')).toHaveValue('precious_goods')
      await admin.getByLabel('รูปแบบนิติบุคคล').selectOption({ label: 'บริษัทจำกัด' })
      await admin.getByLabel('เลขที่ หมู่ที่ อาคาร ซอย ถนน').fill(ADDRESS.line)
      await admin.getByLabel('จังหวัด').selectOption(ADDRESS.province)
      await admin.getByLabel('อำเภอ/เขต').fill(ADDRESS.district)
      await admin.getByLabel('ตำบล/แขวง').fill(ADDRESS.subdistrict)
      await admin.getByLabel('รหัสไปรษณีย์').fill(ADDRESS.postcode)
      await admin.getByRole('button', { name: 'เพิ่มในทะเบียน', exact: true }).click()
      await expect(admin).toHaveURL(/\/admin\/businesses\/[0-9a-f-]{36}$/)
      await expectNoA11yViolations(admin)
      await expect(admin.getByText('เพิ่มกิจการในทะเบียนแล้ว')).toBeVisible()
      await expect(admin.getByRole('heading', { level: 1 })).toContainText(bareName)
      await expect(admin.locator('dl.summary-list')).toContainText(formatted)

      // Back to the ticket: reply.
      await visit(admin, ticketUrl)
      await admin.getByLabel('คำตอบถึงผู้ติดต่อ').fill(REPLY)
      await admin.getByRole('button', { name: 'ส่งคำตอบ', exact: true }).click()
      await expect(admin).toHaveURL(ticketUrl)
      await expectNoA11yViolations(admin)
      await expect(admin.getByText('ส่งคำตอบแล้ว ระบบได้แจ้งผู้ติดต่อทางอีเมล')).toBeVisible()
      await expect(admin.getByText('ตอบแล้ว', { exact: true })).toBeVisible()
      await expect(admin.getByRole('main')).toContainText(REPLY)
      expect(adminErrors, 'no console or page errors in the admin browser').toEqual([])
    } finally {
      await adminContext.close()
    }

    // ── 3. The registrant: the reply by mail, then registration ─────────────────────────────
    const replyMail = await waitForMail(page.request, person.email, `เจ้าหน้าที่ตอบเรื่องเลขที่ ${reference} แล้ว`)
    const replyLink = linkIn(await mailText(page.request, replyMail), '/help/ticket-reply/')
    await visit(page, replyLink)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`เรื่องเลขที่ ${reference}`)
    await expect(page.getByRole('main')).toContainText(REPLY)

    await visit(page, '/auth/register')
    await searchRegistry(page, juristicId)
    const results = page.getByRole('region', { name: 'ผลการค้นหา' })
    await expect(results).toContainText('พบ 1 กิจการ')
    const card = results.getByRole('listitem')
    await expect(card.getByRole('heading', { level: 3 })).toContainText(bareName)
    await expect(card).toContainText(`เลขทะเบียนนิติบุคคล: ${formatted}`)
    await card.getByRole('link', { name: new RegExp(bareName) }).click()
    await expect(page).toHaveURL(/\/auth\/register\/[0-9a-f-]{36}$/)
    await expectNoA11yViolations(page)
    await expect(page.locator('dl.summary-list')).toContainText(formatted)
    await page.getByLabel('คำนำหน้าชื่อ').selectOption({ label: 'นาย' })
    await page.getByLabel('ชื่อ', { exact: true }).fill(person.firstName)
    await page.getByLabel('นามสกุล').fill(person.lastName)
    await page.getByLabel('ตำแหน่งในกิจการ').fill(person.position)
    await page.getByLabel('โทรศัพท์').fill(person.phone)
    await page.getByLabel('อีเมล', { exact: true }).fill(person.email)
    await page.getByLabel('ชื่อผู้ใช้งาน', { exact: true }).fill(person.username)
    await page.getByLabel('รหัสผ่าน', { exact: true }).fill(person.password)
    await page.getByLabel('ยืนยันรหัสผ่าน').fill(person.password)
    await page.getByRole('checkbox', { name: 'ข้าพเจ้ายอมรับข้อตกลงการใช้งานระบบ AMRAC' }).check()
    await page.getByRole('checkbox', { name: 'ข้าพเจ้ารับทราบประกาศความเป็นส่วนตัว' }).check()
    await page.getByRole('button', { name: 'ลงทะเบียน', exact: true }).click()
    await expect(page).toHaveURL(/\/auth\/register\/sent$/)
    await expectNoA11yViolations(page)

    const text = await mailText(page.request, await waitForMail(page.request, person.email, MAIL_SUBJECT.registration))
    expect(text).toContain(`เรียน ${person.firstName} ${person.lastName}`)
    expect(text).toContain(`เลขทะเบียนนิติบุคคล: ${formatted}`)
    // The first user of the newly added business becomes its administrator.
    await visit(page, linkIn(text, '/auth/confirm-email/'))
    await page.getByRole('button', { name: 'ยืนยันอีเมล', exact: true }).click()
    await expect(page).toHaveURL(/\/auth\/confirm-email$/)
    await expectNoA11yViolations(page)
    await expect(page.getByText('ยืนยันอีเมลเรียบร้อยแล้ว ท่านเป็นผู้ดูแลบัญชีของกิจการนี้ และเข้าสู่ระบบได้ทันที')).toBeVisible()
  })
})
