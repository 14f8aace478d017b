/**
 * Journey: a new registrant finds their business by its juristic number, corrects an empty
 * details form, registers, reads the mail at /dev/mail (user name, confirmation link, the
 * service-request PDF), confirms the address, becomes the business's administrator (first user)
 * and signs in to the portal. And: an unknown juristic number says ไม่พบรายชื่อกิจการ and links to
 * a pre-filled contact form. Both projects; every form here is a plain POST (no htmx), so the
 * answers are the same with JavaScript on and off.
 */
import { expect, expectNoA11yViolations, test, visit } from './support/fixtures.ts'
import { BUSINESSES, MAIL_SUBJECT, UNKNOWN_JURISTIC_ID, linkIn, newPerson, projectOf, waitForMail } from './support/identity.ts'

/** The details form's fields, in page order, as the error summary links them after an empty post. */
const EMPTY_FORM_ERRORS: Array<[href: string, text: string]> = [
  ['#title', 'โปรดเลือกหนึ่งรายการ'],
  ['#firstName', 'โปรดกรอกข้อมูลนี้'],
  ['#lastName', 'โปรดกรอกข้อมูลนี้'],
  ['#position', 'โปรดกรอกข้อมูลนี้'],
  ['#phone', 'โปรดกรอกข้อมูลนี้'],
  ['#email', 'โปรดกรอกข้อมูลนี้'],
  ['#username', 'โปรดกรอกข้อมูลนี้'],
  ['#password', 'โปรดกรอกข้อมูลนี้'],
  ['#acceptTerms', 'โปรดยอมรับข้อตกลงการใช้งานและรับทราบประกาศความเป็นส่วนตัว'],
  ['#acceptPrivacy', 'โปรดยอมรับข้อตกลงการใช้งานและรับทราบประกาศความเป็นส่วนตัว'],
]

test.describe('registration (ลงทะเบียนผู้ใช้งาน)', () => {
  test('a new registrant finds the business, fixes the form, confirms the e-mail, becomes its administrator and signs in', async ({ page, guard }, testInfo) => {
    // About fifteen pages, each checked by axe, and up to one mail-worker interval (5 s).
    test.setTimeout(120_000)
    // Chromium logs the 422 of a re-rendered invalid form as a console error.
    guard.allowConsoleError(/status of 422/)
    const business = BUSINESSES.registration[projectOf(testInfo)]
    const person = newPerson(testInfo, 'reg')

    // Step 1: search by juristic number.
    await visit(page, '/auth/register')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ลงทะเบียนผู้ใช้งาน (สำหรับผู้มีหน้าที่รายงาน)')
    await expect(page.getByText('ขั้นที่ 1 จาก 2: ค้นหากิจการของท่านจากทะเบียนผู้มีหน้าที่รายงานของสำนักงาน ปปง.')).toBeVisible()
    await page.getByLabel('เลขทะเบียนนิติบุคคล 13 หลัก หรือชื่อกิจการ').fill(business.juristicId)
    await page.getByRole('button', { name: 'ค้นหา', exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`/auth/register\\?q=${business.juristicId}$`))
    await expectNoA11yViolations(page)
    const results = page.getByRole('region', { name: 'ผลการค้นหา' })
    await expect(results).toContainText('พบ 1 กิจการ')
    const card = results.getByRole('listitem')
    await expect(card).toHaveCount(1)
    await expect(card.getByRole('heading', { level: 3 })).toContainText(business.nameTh)
    await expect(card).toContainText(`เลขทะเบียนนิติบุคคล: ${business.formatted}`)
    const choose = card.getByRole('link', { name: new RegExp(business.nameTh) })
    await expect(choose).toHaveText('เลือกกิจการนี้')
    await choose.click()

    // Step 2: the details form, first sent empty.
    await expect(page).toHaveURL(/\/auth\/register\/[0-9a-f-]{36}$/)
    await expectNoA11yViolations(page)
    await expect(page.getByText('ขั้นที่ 2 จาก 2: ข้อมูลผู้ใช้งาน')).toBeVisible()
    await expect(page.locator('dl.summary-list')).toContainText(business.nameTh)
    await expect(page.locator('dl.summary-list')).toContainText(business.formatted)
    const submit = page.getByRole('button', { name: 'ลงทะเบียน', exact: true })
    await submit.click()
    await expect(page).toHaveTitle(/^ข้อผิดพลาด: ลงทะเบียนผู้ใช้งาน/)
    await expectNoA11yViolations(page)
    const summary = page.locator('[data-error-summary]')
    await expect(summary.getByRole('heading')).toHaveText('มีข้อมูลที่ต้องแก้ไข')
    const links = await summary.getByRole('link').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]))
    expect(links).toEqual(EMPTY_FORM_ERRORS)
    for (const id of ['title', 'firstName', 'lastName', 'position', 'phone', 'email', 'username', 'password']) {
      await expect(page.locator(`#${id}`), `#${id} is marked invalid`).toHaveAttribute('aria-invalid', 'true')
    }

    // Second try: some fields right, a wrong phone and mismatched passwords. What was typed is
    // kept (the passwords never are); only the remaining problems are listed.
    await page.getByLabel('คำนำหน้าชื่อ').selectOption({ label: 'นาย' })
    await page.getByLabel('ชื่อ', { exact: true }).fill(person.firstName)
    await page.getByLabel('นามสกุล').fill(person.lastName)
    await page.getByLabel('ตำแหน่งในกิจการ').fill(person.position)
    await page.getByLabel('โทรศัพท์').fill('12345')
    await page.getByLabel('อีเมล', { exact: true }).fill(person.email)
    await page.getByLabel('ชื่อผู้ใช้งาน', { exact: true }).fill(person.username)
    await page.getByLabel('รหัสผ่าน', { exact: true }).fill(person.password)
    await page.getByLabel('ยืนยันรหัสผ่าน').fill(`${person.password}x`)
    await page.getByRole('checkbox', { name: 'ข้าพเจ้ายอมรับข้อตกลงการใช้งานระบบ AMRAC' }).check()
    await page.getByRole('checkbox', { name: 'ข้าพเจ้ารับทราบประกาศความเป็นส่วนตัว' }).check()
    await submit.click()
    await expect(page).toHaveTitle(/^ข้อผิดพลาด:/)
    await expectNoA11yViolations(page)
    const second = await summary.getByRole('link').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]))
    expect(second).toEqual([
      ['#phone', 'โปรดกรอกหมายเลขโทรศัพท์ไทย เช่น 081-234-5678 หรือ 02-123-4567'],
      ['#passwordConfirm', 'รหัสผ่านทั้งสองช่องไม่ตรงกัน'],
    ])
    await expect(page.getByLabel('คำนำหน้าชื่อ')).toHaveValue('mr')
    await expect(page.getByLabel('ชื่อ', { exact: true })).toHaveValue(person.firstName)
    await expect(page.getByLabel('นามสกุล')).toHaveValue(person.lastName)
    await expect(page.getByLabel('ตำแหน่งในกิจการ')).toHaveValue(person.position)
    await expect(page.getByLabel('โทรศัพท์')).toHaveValue('12345')
    await expect(page.getByLabel('อีเมล', { exact: true })).toHaveValue(person.email)
    await expect(page.getByLabel('ชื่อผู้ใช้งาน', { exact: true })).toHaveValue(person.username)
    await expect(page.getByLabel('รหัสผ่าน', { exact: true })).toHaveValue('')
    await expect(page.getByLabel('ยืนยันรหัสผ่าน')).toHaveValue('')
    await expect(page.getByRole('checkbox', { name: 'ข้าพเจ้ายอมรับข้อตกลงการใช้งานระบบ AMRAC' })).toBeChecked()
    await expect(page.getByRole('checkbox', { name: 'ข้าพเจ้ารับทราบประกาศความเป็นส่วนตัว' })).toBeChecked()

    // Corrected.
    await page.getByLabel('โทรศัพท์').fill(person.phone)
    await page.getByLabel('รหัสผ่าน', { exact: true }).fill(person.password)
    await page.getByLabel('ยืนยันรหัสผ่าน').fill(person.password)
    await submit.click()
    await expect(page).toHaveURL(/\/auth\/register\/sent$/)
    await expectNoA11yViolations(page)
    await expect(page).toHaveTitle(/^ลงทะเบียนเรียบร้อย โปรดตรวจสอบอีเมล/)
    const masked = `${person.email[0]}******@example.com`
    await expect(page.getByText(`ระบบส่งอีเมลไปที่ ${masked} แล้ว`)).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ขั้นตอนต่อไป')
    await expect(page.getByRole('listitem').filter({ hasText: 'เปิดลิงก์ในอีเมลเพื่อยืนยันอีเมล' })).toBeVisible()

    // The mail, as kept locally: the worker delivers the outbox every 5 s.
    await waitForMail(page.request, person.email, MAIL_SUBJECT.registration)
    await visit(page, '/dev/mail')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('กล่องจดหมายสำหรับนักพัฒนา')
    const row = page.getByRole('row').filter({ hasText: person.email })
    await expect(row).toHaveCount(1)
    await row.getByRole('link', { name: new RegExp(`^${MAIL_SUBJECT.registration}`) }).click()
    await expect(page).toHaveURL(/\/dev\/mail\/[0-9a-f-]{36}$/)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toContainText(MAIL_SUBJECT.registration)
    const text = (await page.locator('pre.mail-text').textContent()) ?? ''
    expect(text).toContain(`เรียน ${person.firstName} ${person.lastName}`)
    expect(text).toContain(`เลขทะเบียนนิติบุคคล: ${business.formatted}`)
    expect(text, 'the mail never carries the password').not.toContain(person.password)
    const username = /ชื่อผู้ใช้งาน: (\S+)/.exec(text)?.[1]
    expect(username).toBe(person.username)
    await expect(page.getByRole('link', { name: new RegExp(`^ไฟล์แนบ แบบฟอร์มขอใช้บริการ-AMRAC-.*\\.pdf`) })).toBeVisible()
    await expect(page.getByRole('link', { name: 'อีเมลต้นฉบับ (.eml)' })).toBeVisible()
    const confirmPath = linkIn(text, '/auth/confirm-email/')

    // Opening the link only shows a button (mail scanners open links too); pressing it confirms.
    await visit(page, confirmPath)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ยืนยันอีเมล')
    await expect(page.getByText('กดปุ่มด้านล่างเพื่อยืนยันว่าอีเมลนี้เป็นของท่าน')).toBeVisible()
    await page.getByRole('button', { name: 'ยืนยันอีเมล', exact: true }).click()
    await expect(page).toHaveURL(/\/auth\/confirm-email$/)
    await expectNoA11yViolations(page)
    await expect(page.getByText('ยืนยันอีเมลเรียบร้อยแล้ว ท่านเป็นผู้ดูแลบัญชีของกิจการนี้ และเข้าสู่ระบบได้ทันที')).toBeVisible()

    // Sign in with the user name from the mail.
    await page.getByRole('main').getByRole('link', { name: 'เข้าสู่ระบบ', exact: true }).click()
    await expect(page).toHaveURL(/\/auth\/login$/)
    await expectNoA11yViolations(page)
    await page.getByLabel('ชื่อผู้ใช้งานหรืออีเมล').fill(username!)
    await page.getByLabel('รหัสผ่าน', { exact: true }).fill(person.password)
    await page.getByRole('main').getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).click()
    await expect(page).toHaveURL(/\/portal$/)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`สวัสดี ${person.firstName} ${person.lastName}`)
    await expect(page.getByRole('main')).toContainText(business.nameTh)
    await expect(page.getByText(`เข้าสู่ระบบในชื่อ ${person.firstName} ${person.lastName}`)).toBeVisible()

    // As the business's administrator they manage its users: so far only themselves.
    await page.getByRole('main').getByRole('link', { name: 'จัดการผู้ใช้งานของกิจการ' }).click()
    await expect(page).toHaveURL(/\/portal\/users$/)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ผู้ใช้งานของกิจการ')
    const me = page.getByRole('row').filter({ hasText: person.username })
    await expect(me).toContainText('(ท่าน)')
    await expect(me).toContainText('ผู้ดูแลบัญชีของกิจการ')
    await expect(me).toContainText('ใช้งานได้')
    await expect(page.locator('tbody tr')).toHaveCount(1)

    // The confirmation link works once only.
    guard.allowConsoleError(/status of 410/)
    const reused = await visit(page, confirmPath)
    expect(reused?.status()).toBe(410)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ลิงก์นี้ใช้ไม่ได้ อาจหมดอายุ ถูกใช้ไปแล้ว หรือไม่ครบถ้วน')
  })

  test('an unknown juristic number says ไม่พบรายชื่อกิจการ and links to a pre-filled contact form', async ({ page }) => {
    await visit(page, '/auth/register')
    await page.getByLabel('เลขทะเบียนนิติบุคคล 13 หลัก หรือชื่อกิจการ').fill(UNKNOWN_JURISTIC_ID)
    await page.getByRole('button', { name: 'ค้นหา', exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`\\?q=${UNKNOWN_JURISTIC_ID}$`))
    await expectNoA11yViolations(page)
    await expect(page.getByText('ไม่พบรายชื่อกิจการ', { exact: true })).toBeVisible()
    await expect(page.getByText(`ไม่พบกิจการที่ตรงกับ “${UNKNOWN_JURISTIC_ID}” ในทะเบียนผู้มีหน้าที่รายงาน`)).toBeVisible()
    await expect(page.getByRole('region', { name: 'ผลการค้นหา' })).toHaveCount(0)
    // What was typed stays in the search box.
    await expect(page.getByLabel('เลขทะเบียนนิติบุคคล 13 หลัก หรือชื่อกิจการ')).toHaveValue(UNKNOWN_JURISTIC_ID)

    await page.getByRole('link', { name: 'แจ้งผู้ดูแลระบบ (ไม่พบรายชื่อกิจการ)' }).click()
    await expect(page).toHaveURL(/\/help\/contact\?category=technical&topic=business_not_found&business=0105536999990$/)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('แบบฟอร์มติดต่อเจ้าหน้าที่')
    await expect(page.getByRole('radio', { name: 'ปัญหาทางด้านเทคนิค (แจ้งผู้ดูแลระบบ)' })).toBeChecked()
    await expect(page.getByRole('radio', { name: 'ปัญหาเกี่ยวกับหัวข้อแบบประเมินความเสี่ยง (แจ้งเจ้าหน้าที่กองกำกับและตรวจสอบ)' })).not.toBeChecked()
    await expect(page.getByLabel('เลขทะเบียนนิติบุคคล')).toHaveValue(UNKNOWN_JURISTIC_ID)
    await expect(page.locator('input[type="hidden"][name="topic"]')).toHaveValue('business_not_found')
  })
})
