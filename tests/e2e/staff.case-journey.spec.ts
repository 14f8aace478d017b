/**
 * Journey (issue 8): a supervision case from the plan to its closure, as the people who do it.
 *
 *   1. the supervisor proposes the 2569 plan, puts the demo gold shop in it as an on-site
 *      inspection for the examiner, approves it (the case opens), assigns the team, notifies the
 *      business and sends an information request;
 *   2. the business (thongdee.admin) sees the request on its portal home and answers it with a PDF;
 *   3. the examiner sees the answer and downloads the file (the supervisor finds the download in
 *      the audit log), prepares, goes on site, records the visit and a finding, holds the exit
 *      meeting and prepares the draft report;
 *   4. the examiner sends the draft report; the business answers it; the supervisor issues the
 *      final report;
 *   5. the examiner adds a remediation action and requires remediation; the business reports it
 *      done with evidence; the examiner accepts the evidence and starts the follow-up; the
 *      supervisor closes the case.
 *
 * Each project runs against an app of its own (tests/e2e/support/case-journey-server.ts, on a free
 * port, fresh database): a cycle has one approved plan, the plan only takes rated businesses, and
 * demo staff enrol their authenticator once per database — so the two projects, and the other
 * specs on the shared app, cannot share one. That app starts with the gold shop's 2569 assessment
 * submitted (so it has a rating). Texts typed carry a random tag, so every run is its own.
 *
 * Three people, three browsers: the supervisor uses the test's `page` (watched by the guard
 * fixture); the examiner's and the business's pages are watched here for console and page errors,
 * and axe checks every page each of them loads.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { randomBytes } from 'node:crypto'
import net from 'node:net'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from '@playwright/test'
import { generate } from 'otplib'
import { PDF_MIN, PNG_1X1 } from '#tests/support/sample-files.ts'
import { expect, expectNoA11yViolations, test as base, visit } from './support/fixtures.ts'
import { BUSINESSES, DEMO_PASSWORD } from './support/identity.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** The project's own app (see above), started once per worker; `baseURL` points at it. */
const test = base.extend<object, { journeyApp: { url: string } }>({
  journeyApp: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const port = await freePort()
      const url = `http://127.0.0.1:${port}`
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/support/case-journey-server.ts'], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), BASE_URL: url, LOG_LEVEL: 'warn', DATABASE_URL: '' },
        stdio: ['ignore', 'inherit', 'inherit'],
      })
      let exited = false
      child.on('exit', () => void (exited = true))
      await expect
        .poll(
          async () => {
            if (exited) throw new Error('the journey app stopped while starting (see its output above)')
            return fetch(`${url}/readyz`).then((r) => r.status, () => 0)
          },
          { timeout: 90_000, intervals: [250, 500], message: `the journey app at ${url} is ready` },
        )
        .toBe(200)
      await use({ url })
      if (!exited) {
        child.kill('SIGTERM')
        await once(child, 'exit')
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ journeyApp }, use) => {
    await use(journeyApp.url)
  },
})

// A missing control fails within seconds, not at the end of the test's five minutes.
test.use({ actionTimeout: 15_000 })

const GOLD_SHOP = BUSINESSES.thongdee
const SUPERVISOR = { username: 'supervisor', name: 'ธนพล กำกับดี' }
const EXAMINER = { username: 'examiner', name: 'อารีย์ ตรวจสอบ' }

/** `yyyy-mm-dd` in Bangkok, `days` from today. */
function bangkokDay(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date(Date.now() + days * 86_400_000))
}

async function expectFlash(page: Page, text: string) {
  await expect(page.getByRole('alert').filter({ hasText: text })).toBeVisible()
}

/** Another person's browser: its own cookies; console and page errors collected for the end of the test. */
async function personPage(browser: Browser, baseURL: string, errors: string[], who: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'th-TH', timezoneId: 'Asia/Bangkok', javaScriptEnabled: test.info().project.use.javaScriptEnabled !== false })
  const page = await context.newPage()
  page.on('console', (m) => void (m.type() === 'error' && errors.push(`${who}: ${m.text()}`)))
  page.on('pageerror', (e) => void errors.push(`${who}: ${e.message}`))
  return page
}

async function submitSignIn(page: Page, username: string) {
  await visit(page, '/auth/login')
  await page.getByLabel('ชื่อผู้ใช้งานหรืออีเมล').fill(username)
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('main').getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).click()
}

/** A demo staff member's first sign-in: password, then setting up the authenticator app, then /staff. */
async function signInStaffFirstTime(page: Page, username: string) {
  await submitSignIn(page, username)
  await expect(page).toHaveURL(/\/auth\/totp\/setup$/)
  await expectNoA11yViolations(page)
  const secret = ((await page.locator('[data-secret]').textContent()) ?? '').replace(/\s/g, '')
  await page.getByLabel('รหัส 6 หลักที่แอปแสดงอยู่ขณะนี้').fill(await generate({ secret }))
  await page.getByRole('button', { name: 'ยืนยันและเปิดใช้งาน' }).click()
  await expect(page).toHaveURL(/\/account\/two-step\/recovery-codes$/)
  await expectNoA11yViolations(page)
  await page.getByRole('link', { name: 'จดรหัสเรียบร้อยแล้ว ดำเนินการต่อ' }).click()
  await expect(page).toHaveURL(/\/staff$/)
  await expectNoA11yViolations(page)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('งานกำกับและตรวจสอบ')
}

/** Presses a lifecycle button on the case page (optionally with a note) and checks the new status. */
async function caseAction(page: Page, action: string, button: string, status: string) {
  const form = page.locator(`#action-${action}`)
  await form.getByRole('button', { name: button, exact: true }).click()
  await expectNoA11yViolations(page)
  await expectFlash(page, 'เปลี่ยนสถานะเรื่องแล้ว')
  await expect(page.locator('#case-status')).toHaveText(status)
}

/** Submits a case-page form by its button and waits for the page that follows, checked by axe. */
async function press(page: Page, scope: ReturnType<Page['locator']>, button: string, flash: string) {
  await scope.getByRole('button', { name: button, exact: true }).click()
  await expectNoA11yViolations(page)
  await expectFlash(page, flash)
}

test.describe('a supervision case, from the plan to its closure (issue 8)', () => {
  test('plan → case → information request → findings → draft and final report → remediation → closed', async ({ page, browser, baseURL }) => {
    // About sixty pages, each checked by axe, across three browsers.
    test.setTimeout(300_000)
    const tag = randomBytes(3).toString('hex')
    const otherErrors: string[] = []
    const examiner = await personPage(browser, baseURL!, otherErrors, 'examiner')
    const business = await personPage(browser, baseURL!, otherErrors, 'business')
    const subject = `ขอสำเนานโยบายการป้องกันการฟอกเงิน ${tag}`
    const answer = `แนบนโยบายฉบับที่คณะกรรมการอนุมัติแล้ว ${tag}`
    const answerFile = `นโยบาย AML ${tag}.pdf`
    const findingTitle = `ไม่ตรวจรายชื่อบุคคลที่ถูกกำหนดก่อนรับซื้อทอง ${tag}`
    const actionText = `ติดตั้งระบบตรวจรายชื่อที่จุดรับซื้อ ${tag}`
    const evidenceFile = `ภาพหน้าจอระบบตรวจรายชื่อ ${tag}.png`
    let caseUrl = ''

    try {
      await test.step('1. the supervisor proposes and approves the plan; the case opens, is assigned, notified, and asks for information', async () => {
        await signInStaffFirstTime(page, SUPERVISOR.username)
        await visit(page, '/staff/plans?cycle=2569')
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('แผนการกำกับ')
        await page.getByLabel(`จำนวนเรื่องที่ ${EXAMINER.name} รับได้`).fill('5')
        await press(page, page.locator('#propose-form'), 'เสนอแผน', 'เสนอแผนแล้ว')
        // The gold shop (rated medium-high) is proposed for an on-site inspection and a desk review:
        // keep the inspection, for the examiner, due next month; take the desk review out.
        const planRow = (type: string) => page.locator(`table[id$="-${type}"] tr[data-business="${GOLD_SHOP.juristicId}"]`)
        await expect(planRow('onsite_inspection')).toHaveCount(1)
        await press(page, planRow('desk_review'), 'นำออกจากแผน', 'นำรายการออกจากแผนแล้ว')
        await expect(planRow('desk_review')).toHaveCount(0)
        const item = planRow('onsite_inspection')
        await item.getByLabel('ผู้ตรวจสอบ', { exact: true }).selectOption({ label: EXAMINER.name })
        await item.getByLabel('เดือนที่ครบกำหนด').fill(bangkokDay(40).slice(0, 7))
        await press(page, item, 'บันทึก', 'แก้ไขรายการในแผนแล้ว')
        await expect(planRow('onsite_inspection')).toContainText(EXAMINER.name)
        await expect(page.locator('#plan-summary')).toContainText('อยู่ในแผน 1 รายการ เกินกำลังคน 0 รายการ')
        const approve = page.locator('#approve-form')
        await approve.getByRole('checkbox').check()
        await press(page, approve, 'อนุมัติแผนและเปิดเรื่อง', 'อนุมัติแผนแล้ว')
        await expect(page.locator('#plan-heading')).toContainText('อนุมัติแล้ว')

        await visit(page, '/staff/cases?view=all')
        const row = page.locator('#cases tbody tr[data-case]').filter({ hasText: GOLD_SHOP.nameTh })
        await expect(row).toHaveCount(1)
        await expect(row).toContainText('อยู่ในแผน')
        await row.getByRole('link').first().click()
        await expectNoA11yViolations(page)
        await expect(page.getByRole('heading', { level: 1 })).toContainText(GOLD_SHOP.nameTh)
        caseUrl = new URL(page.url()).pathname
        expect(caseUrl).toMatch(/^\/staff\/cases\/[0-9a-f-]{36}$/)
        await expect(page.locator('#case-status')).toHaveText('อยู่ในแผน')

        const assign = page.locator('#assign-form')
        await assign.getByLabel('ผู้รับผิดชอบ', { exact: true }).selectOption({ label: EXAMINER.name })
        await assign.getByLabel('ทีม (ไม่บังคับ)', { exact: true }).fill(`ทีมตรวจ 7 ${tag}`)
        await press(page, assign, 'บันทึกผู้รับผิดชอบ', 'บันทึกผู้รับผิดชอบแล้ว')
        await expect(page.locator('#case-assignee')).toContainText(EXAMINER.name)

        await caseAction(page, 'notify', 'แจ้งกิจการและขอเอกสาร', 'แจ้งกิจการแล้ว')

        const request = page.locator('#request-form')
        await request.getByLabel('เรื่องที่ขอ').fill(subject)
        await request.getByLabel('รายละเอียดข้อมูลหรือเอกสารที่ขอ').fill('โปรดส่งนโยบายและขั้นตอนการตรวจรายชื่อฉบับที่ใช้อยู่')
        await request.getByLabel('วันครบกำหนด', { exact: true }).fill(bangkokDay(14))
        await press(page, request, 'ส่งคำขอข้อมูล', 'ส่งคำขอข้อมูลแล้ว')
        await expect(page.locator('#requests')).toContainText(subject)
        await expect(page.locator('#requests')).toContainText('รอกิจการตอบ')
      })

      await test.step('2. the business sees the request on its portal home and answers with a PDF', async () => {
        await submitSignIn(business, 'thongdee.admin')
        await expect(business).toHaveURL(/\/portal$/)
        await expectNoA11yViolations(business)
        const tasks = business.locator('#case-tasks')
        await expect(tasks.getByRole('heading', { name: 'คำขอข้อมูลและการแก้ไขจาก ปปง.' })).toBeVisible()
        await tasks.getByRole('link', { name: subject }).click()
        await expect(business).toHaveURL(/\/portal\/cases\/requests\/[0-9a-f-]{36}$/)
        await expectNoA11yViolations(business)
        await expect(business.getByRole('heading', { level: 1 })).toHaveText(subject)
        await business.getByLabel('คำตอบ', { exact: true }).fill(answer)
        await business.locator('#file').setInputFiles({ name: answerFile, mimeType: 'application/pdf', buffer: PDF_MIN })
        await business.getByRole('button', { name: 'ส่งคำตอบ', exact: true }).click()
        await expectNoA11yViolations(business)
        await expectFlash(business, 'ส่งคำตอบแล้ว')
        await expect(business.locator('#your-answer')).toContainText(answer)
        await expect(business.locator('#sent-files')).toContainText(answerFile)
      })

      await test.step('3. the examiner reads the answer, downloads the file, goes on site and records a finding', async () => {
        await signInStaffFirstTime(examiner, EXAMINER.username)
        await visit(examiner, caseUrl)
        const requests = examiner.locator('#requests')
        await expect(requests).toContainText(`คำตอบ: ${answer}`)
        await expect(requests).toContainText('กิจการตอบแล้ว')
        const link = requests.getByRole('link', { name: answerFile })
        await expect(link.locator('xpath=..')).toContainText(`(PDF, ${PDF_MIN.length} B)`)
        const download = await examiner.request.get((await link.getAttribute('href'))!)
        expect(download.status()).toBe(200)
        expect(download.headers()['content-type']).toBe('application/pdf')
        expect(download.headers()['x-content-type-options']).toBe('nosniff')
        expect(download.headers()['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(answerFile)}`)
        expect(Buffer.from(await download.body()).equals(PDF_MIN), 'the bytes the business uploaded').toBe(true)
        // The supervisor can see who read which business's file.
        await visit(page, '/admin/audit?action=case.file_downloaded')
        const read = page.locator('table tbody tr').filter({ hasText: answerFile })
        await expect(read).toHaveCount(1)
        await expect(read).toContainText(`เปิดไฟล์ “${answerFile}” ที่ผู้ประกอบการแนบมากับคำตอบ`)
        await expect(read).toContainText(EXAMINER.name)
        await expect(read).toContainText(GOLD_SHOP.nameTh)

        await caseAction(examiner, 'start_preparation', 'เริ่มเตรียมการตรวจสอบ', 'เตรียมการตรวจสอบ')
        await caseAction(examiner, 'start_fieldwork', 'เริ่มลงพื้นที่ตรวจสอบ', 'ลงพื้นที่ตรวจสอบ')

        const visitForm = examiner.locator('#visit-form')
        await visitForm.getByLabel('วันที่เข้าตรวจ').fill(bangkokDay())
        await visitForm.getByLabel('ผู้เข้าร่วม').fill(`${EXAMINER.name} (ปปง.), สมชาย ทองดี (กรรมการผู้จัดการ)`)
        await visitForm.getByLabel('บันทึกการตรวจ', { exact: true }).fill(`ตรวจทะเบียนลูกค้ารับซื้อทอง 30 ราย ไม่พบหลักฐานการตรวจรายชื่อ ${tag}`)
        await press(examiner, visitForm, 'บันทึกการเข้าตรวจ', 'บันทึกการตรวจ ณ สถานที่แล้ว')
        await expect(examiner.locator('#timeline')).toContainText('บันทึกการตรวจ ณ สถานประกอบการ')

        const finding = examiner.locator('#finding-form')
        await finding.getByLabel('หัวข้อข้อตรวจพบ').fill(findingTitle)
        await finding.getByLabel('ระดับความรุนแรง').selectOption({ label: 'ร้ายแรง' })
        await finding.getByLabel('ด้านการควบคุม').selectOption({ label: 'การตรวจสอบรายชื่อบุคคลที่ถูกกำหนด' })
        await finding.getByLabel('หน้าที่ตามกฎหมายที่ไม่ปฏิบัติตาม').fill('พ.ร.บ. ป้องกันและปราบปรามการสนับสนุนทางการเงินแก่การก่อการร้ายฯ มาตรา 6')
        await finding.getByLabel('รายละเอียด', { exact: true }).fill('ลูกค้า 30 รายที่สุ่มตรวจไม่มีหลักฐานการตรวจรายชื่อ')
        await finding.getByLabel('สิ่งที่ผู้ประกอบการต้องแก้ไข').fill('ตรวจรายชื่อลูกค้าทุกรายก่อนทำธุรกรรมและเก็บหลักฐาน')
        await press(examiner, finding, 'บันทึกข้อตรวจพบ', 'บันทึกข้อตรวจพบแล้ว')
        await expect(examiner.locator('#findings')).toContainText(findingTitle)

        await caseAction(examiner, 'hold_exit_meeting', 'บันทึกการประชุมสรุปผลการตรวจ', 'ประชุมสรุปผลการตรวจแล้ว')
        await caseAction(examiner, 'prepare_draft_report', 'จัดทำร่างรายงาน', 'จัดทำร่างรายงาน')
      })

      await test.step('4. the draft report goes to the business, which responds; the supervisor issues the final report', async () => {
        const draft = examiner.locator('#draft-report-form')
        await expect(examiner.getByRole('heading', { name: 'ร่างรายงานผลการตรวจสอบ' })).toBeVisible()
        await draft.getByLabel('สรุปผลการตรวจสอบ').fill(`กิจการยังไม่ตรวจรายชื่อบุคคลที่ถูกกำหนดก่อนรับซื้อทอง ${tag}`)
        await draft.getByLabel('ข้อสรุปและข้อเสนอแนะ').fill('ให้กิจการตรวจรายชื่อลูกค้าทุกรายและเก็บหลักฐาน')
        await expect(draft.getByLabel('กิจการต้องชี้แจงภายในวันที่')).not.toHaveValue('')
        await press(examiner, draft, 'ส่งร่างรายงานให้กิจการ', 'ส่งร่างรายงานให้กิจการแล้ว')
        await expect(examiner.locator('#case-status')).toHaveText('รอคำชี้แจงจากกิจการ')

        await visit(business, '/portal')
        await business.getByRole('link', { name: 'ร่างรายงานผลการตรวจสอบ รอคำชี้แจง' }).click()
        await expect(business).toHaveURL(/\/portal\/cases\/reports\/[0-9a-f-]{36}$/)
        await expectNoA11yViolations(business)
        await business.locator('textarea[name="response"]').fill(`กิจการเริ่มตรวจรายชื่อลูกค้าทุกรายแล้วตั้งแต่เดือนนี้ ${tag}`)
        await business.getByRole('button', { name: 'ส่งคำชี้แจง', exact: true }).click()
        await expectNoA11yViolations(business)
        await expectFlash(business, 'ส่งคำชี้แจงแล้ว')

        await visit(page, caseUrl)
        await expect(page.locator('#entity-response')).toContainText(`กิจการเริ่มตรวจรายชื่อลูกค้าทุกรายแล้วตั้งแต่เดือนนี้ ${tag}`)
        const final = page.locator('#final-report-form')
        await expect(final.getByLabel('สรุปผลการตรวจสอบ')).toHaveValue(`กิจการยังไม่ตรวจรายชื่อบุคคลที่ถูกกำหนดก่อนรับซื้อทอง ${tag}`)
        await final.getByLabel('ข้อสรุปและข้อเสนอแนะ').fill('ให้กิจการตรวจรายชื่อลูกค้าทุกรายและเก็บหลักฐาน และส่งหลักฐานการแก้ไข')
        await final.getByLabel('ความเห็นต่อคำชี้แจงของกิจการ').fill('รับทราบคำชี้แจง ข้อตรวจพบยังคงอยู่จนกว่ากิจการจะส่งหลักฐาน')
        await press(page, final, 'ออกรายงานฉบับสมบูรณ์', 'ออกรายงานฉบับสมบูรณ์แล้ว')
        await expect(page.locator('#case-status')).toHaveText('ออกรายงานฉบับสมบูรณ์แล้ว')
      })

      await test.step('5. remediation: the action, the business\'s evidence, verified, followed up and closed', async () => {
        await visit(examiner, caseUrl)
        const findingItem = examiner.locator('#findings > li').filter({ hasText: findingTitle })
        const remediation = findingItem.locator('form[id^="remediation-form-"]')
        await remediation.getByLabel('สิ่งที่จะแก้ไข').fill(actionText)
        await remediation.getByLabel('ผู้รับผิดชอบของผู้ประกอบการ').fill('สมชาย ทองดี กรรมการผู้จัดการ')
        await press(examiner, remediation, 'เพิ่มรายการแก้ไข', 'เพิ่มรายการแก้ไขแล้ว')
        await caseAction(examiner, 'require_remediation', 'แจ้งให้กิจการแก้ไขตามข้อตรวจพบ', 'อยู่ระหว่างการแก้ไข')

        await visit(business, '/portal')
        await business.locator('#case-actions').getByRole('link', { name: actionText }).click()
        await expect(business).toHaveURL(/\/portal\/cases\/actions\/[0-9a-f-]{36}$/)
        await expectNoA11yViolations(business)
        await business.getByLabel('คำอธิบายการแก้ไข', { exact: false }).fill(`ติดตั้งระบบแล้ว ตรวจรายชื่อทุกรายการ ${tag}`)
        await business.locator('#file').setInputFiles({ name: evidenceFile, mimeType: 'image/png', buffer: PNG_1X1 })
        await business.getByRole('button', { name: 'แจ้งว่าแก้ไขแล้ว', exact: true }).click()
        await expectNoA11yViolations(business)
        await expectFlash(business, 'แจ้งผลการแก้ไขแล้ว')

        await visit(examiner, caseUrl)
        const action = examiner.locator('li[data-action]').filter({ hasText: actionText })
        await expect(action).toContainText('ผู้ประกอบการแจ้งว่าแก้ไขแล้ว พร้อมหลักฐาน 1 ไฟล์')
        const evidence = action.getByRole('link', { name: evidenceFile })
        const png = await examiner.request.get((await evidence.getAttribute('href'))!)
        expect(png.headers()['content-type']).toBe('image/png')
        expect(Buffer.from(await png.body()).equals(PNG_1X1), 'the evidence the business uploaded').toBe(true)
        await press(examiner, action, 'ยอมรับหลักฐาน', 'ยอมรับหลักฐานการแก้ไขแล้ว')
        await caseAction(examiner, 'start_follow_up', 'เริ่มติดตามผลการแก้ไข', 'ติดตามผลการแก้ไข')
        // Closing is for a supervisor: the examiner is not offered it.
        await expect(examiner.locator('#action-close')).toHaveCount(0)

        await visit(page, caseUrl)
        await caseAction(page, 'close', 'ปิดเรื่อง', 'ปิดเรื่องแล้ว')
        await expect(page.locator('#timeline')).toContainText('ปิดเรื่องแล้ว')
      })
    } finally {
      await examiner.context().close()
      await business.context().close()
    }
    expect(otherErrors, 'no console or page errors in the examiner\'s and the business\'s browsers').toEqual([])
  })
})
