/**
 * The business registry admin through the real pages (issue 7): the admin home link, list and
 * search, add (JS-off form, error summary linking to fields, duplicate number, pre-fill from a
 * support ticket), edit and cease, delete, merge (preview → confirm), and the import (upload →
 * dry-run page with row errors and diffs → apply), with other staff refused.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, afterEach, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { registryImportBatches } from '#src/entities/registry-imports.tables.ts'
import { sampleXlsx } from '#tests/fixtures/registry/sample-xlsx.ts'
import { Client, csrfOf, makeEntity, makeUser } from '#tests/support/builders.ts'
import { multipartBody } from '#tests/support/multipart.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'
import { auditRows, enrolDirectly, signInWithCode } from '#tests/support/totp.ts'

const FIXTURE = path.resolve(import.meta.dirname, '../../../tests/fixtures/registry/sample.csv')
const BASE = '/admin/businesses'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
afterEach(async () => {
  await t.testDb.reset()
  t.clock.set('2026-11-29T03:00:00Z')
})
after(() => t.close())

const db = () => t.deps.database.db

async function staffClient(role: 'admin' | 'supervisor', username: string, locale: 'th' | 'en' = 'th'): Promise<Client> {
  const user = await makeUser(db(), { role, username, locale })
  const secret = await enrolDirectly(t, user)
  const client = new Client(t.app)
  assert.equal((await signInWithCode(t, client, username, secret)).statusCode, 303)
  return client
}

const VALID = {
  juristicId: '0-1055-37000-01-5',
  nameTh: 'บริษัท ทองใหม่ จำกัด',
  nameEn: 'Thong Mai Co., Ltd.',
  legalForm: 'company_limited',
  primaryBusinessType: 'precious_goods',
  otherBusinessTypes: ['antique', 'car_dealer'],
  addressLine: '99/1 ถนนนิมมานเหมินท์',
  province: 'เชียงใหม่',
  district: 'เมืองเชียงใหม่',
  subdistrict: 'ศรีภูมิ',
  postcode: '50200',
  status: 'active',
}

async function upload(client: Client, fileName: string, content: Buffer) {
  const token = csrfOf(await client.get(`${BASE}/import`))
  const { payload, contentType } = multipartBody([['_csrf', token], ['file', { filename: fileName, content, contentType: 'application/octet-stream' }]])
  const res = await t.app.inject({ method: 'POST', url: `${BASE}/import`, payload, headers: { 'content-type': contentType, cookie: client.jar.header() } })
  client.jar.store(res)
  return res
}

describe('registry admin pages', () => {
  test('the admin home links to the registry; other staff are refused', async () => {
    const admin = await staffClient('admin', 'reg.admin')
    const home = html(await admin.get('/admin'))
    assert.equal(home(`a[href="${BASE}"]`).text(), 'ทะเบียนผู้มีหน้าที่รายงาน')
    const supervisor = await staffClient('supervisor', 'reg.supervisor')
    assert.equal((await supervisor.get(BASE)).statusCode, 403)
    assert.equal((await supervisor.get(`${BASE}/new`)).statusCode, 403)
  })

  test('list: search by name or number, filter by status, each row links to its record', async () => {
    const admin = await staffClient('admin', 'reg.admin')
    const gold = await makeEntity(db(), { nameTh: 'ทองดี', nameEn: 'Thongdee' })
    await makeEntity(db(), { nameTh: 'เงินงาม', status: 'inactive', ceasedOn: '2026-01-01' })
    const all = html(await admin.get(BASE))
    assert.equal(all('tbody tr').length, 2)
    assert.match(all('[role=status]').text(), /พบ 2 รายการ/)
    const found = html(await admin.get(`${BASE}?q=${encodeURIComponent('บจก. ทองดี')}`))
    assert.equal(found('tbody tr').length, 1)
    assert.equal(found(`tbody a[href="${BASE}/${gold.id}"]`).text(), 'บริษัท ทองดี จำกัด')
    const ceased = html(await admin.get(`${BASE}?status=inactive`))
    assert.match(ceased('tbody').text(), /เงินงาม.*เลิกกิจการ/)
  })

  test('add with JavaScript off: errors summarised and linked to their fields, then saved and audited', async () => {
    const admin = await staffClient('admin', 'reg.admin')
    const form = await admin.get(`${BASE}/new`)
    assert.equal(form.statusCode, 200)
    const $f = html(form)
    assert.equal($f(`form[method=post][action="${BASE}/new"] input[name=_csrf]`).length, 1)
    assert.equal($f('input[name="otherBusinessTypes"]').length >= 9, true, 'every business type from the reference')

    const bad = await admin.post(`${BASE}/new`, { _csrf: csrfOf(form), ...VALID, juristicId: '0105537000016', postcode: '', status: 'inactive' })
    assert.equal(bad.statusCode, 422)
    const $b = html(bad)
    assert.match($b('title').text(), /^ข้อผิดพลาด/)
    const links = $b('.error-summary a')
      .map((_, a) => $b(a).attr('href'))
      .get()
    assert.deepEqual(links, ['#juristicId', '#postcode', '#ceasedOn-day'])
    assert.match($b('#juristicId-error').text(), /ไม่ถูกต้องตามหลักตรวจสอบ/)
    assert.equal($b('#juristicId').attr('aria-invalid'), 'true')
    assert.equal($b('#nameTh').val(), 'บริษัท ทองใหม่ จำกัด', 'what was typed is kept')

    const wrongPlace = await admin.post(`${BASE}/new`, { _csrf: csrfOf(form), ...VALID, postcode: '10100' })
    assert.equal(wrongPlace.statusCode, 422)
    assert.match(html(wrongPlace)('#postcode-error').text(), /รหัสไปรษณีย์ไม่ตรงกับตำบล/)

    const saved = await admin.post(`${BASE}/new`, { _csrf: csrfOf(form), ...VALID })
    assert.equal(saved.statusCode, 303)
    const page = html(await admin.get(String(saved.headers.location)))
    assert.match(page('.banner').text(), /เพิ่มกิจการในทะเบียนแล้ว/)
    assert.equal(page('h1').text(), 'บริษัท ทองใหม่ จำกัด')
    assert.equal(page('#nameEn').val(), 'Thong Mai')
    assert.equal((await auditRows(db(), 'registry.business_added')).length, 1)

    const again = await admin.post(`${BASE}/new`, { _csrf: csrfOf(form), ...VALID })
    assert.equal(again.statusCode, 422)
    assert.match(html(again)('.error-summary').text(), /มีอยู่ในทะเบียนแล้ว \(บริษัท ทองใหม่ จำกัด\)/)
  })

  test('add from a support ticket: the form is pre-filled from the query', async () => {
    const admin = await staffClient('admin', 'reg.admin')
    const res = await admin.get(`${BASE}/new?name=${encodeURIComponent('บริษัท ทองดี จำกัด')}&juristicId=0105537000015&businessTypeCode=car_dealer`)
    const $ = html(res)
    assert.equal($('#nameTh').val(), 'ทองดี')
    assert.equal($('#juristicId').val(), '0105537000015')
    assert.equal($('#primaryBusinessType option[selected]').val(), 'car_dealer')
    const junk = await admin.get(`${BASE}/new?businessTypeCode=nonsense&name=Gold%20Co.,%20Ltd.`)
    assert.equal(junk.statusCode, 200)
    assert.equal(html(junk)('#nameEn').val(), 'Gold')
  })

  test('edit and cease: the date is required, then saved; a record with a user offers no delete, a lonely one does', async () => {
    const admin = await staffClient('admin', 'reg.admin')
    const used = await makeEntity(db(), { nameTh: 'ทองดี' })
    await makeUser(db(), { entityId: used.id })
    const url = `${BASE}/${used.id}`
    const page = await admin.get(url)
    assert.equal(html(page)(`form[action="${url}/delete"]`).length, 0)
    assert.match(html(page)('#delete-title').parent().text(), /ลบไม่ได้/)
    const fields = { ...VALID, juristicId: used.juristicId, nameTh: 'ทองดี', nameEn: '', otherBusinessTypes: [], addressLine: '1 ถนนเยาวราช', province: 'กรุงเทพมหานคร', district: 'สัมพันธวงศ์', subdistrict: 'จักรวรรดิ์', postcode: '10100', status: 'inactive' }
    const noDate = await admin.post(url, { _csrf: csrfOf(page), ...fields })
    assert.equal(noDate.statusCode, 422)
    assert.equal(html(noDate)('.error-summary a').attr('href'), '#ceasedOn-day')
    const ok = await admin.post(url, { _csrf: csrfOf(page), ...fields, 'ceasedOn.day': '31', 'ceasedOn.month': '10', 'ceasedOn.year': '2569' })
    assert.equal(ok.statusCode, 303)
    const [row] = await db().select().from(reportingEntities).where(eq(reportingEntities.id, used.id))
    assert.equal(row!.status, 'inactive')
    assert.equal(row!.ceasedOn, '2026-10-31')
    assert.match(html(await admin.get(url))('.summary-list').text(), /เลิกกิจการ/)

    const lonely = await makeEntity(db())
    const del = await admin.submit(`${BASE}/${lonely.id}`, `${BASE}/${lonely.id}/delete`, {})
    assert.equal(del.statusCode, 303)
    assert.equal((await db().select().from(reportingEntities).where(eq(reportingEntities.id, lonely.id))).length, 0)
    assert.match(html(await admin.get(BASE))('.banner').text(), new RegExp(`ลบรายการเลขทะเบียน ${lonely.juristicId} แล้ว`))
  })

  test('merge: a GET preview of what moves, then a POST that moves it', async () => {
    const admin = await staffClient('admin', 'reg.admin')
    const keep = await makeEntity(db(), { nameTh: 'ทองดี' })
    const dup = await makeEntity(db(), { nameTh: 'ทองดีซ้ำ' })
    const user = await makeUser(db(), { entityId: dup.id })
    const unknown = await admin.get(`${BASE}/${dup.id}/merge?otherJuristicId=0105537000015&survivor=other`)
    assert.equal(unknown.statusCode, 422)
    assert.match(html(unknown)('.error-summary').text(), /ไม่พบเลขทะเบียนนิติบุคคลนี้ในทะเบียน/)
    const preview = await admin.get(`${BASE}/${dup.id}/merge?otherJuristicId=${keep.juristicId}&survivor=other`)
    assert.equal(preview.statusCode, 200)
    assert.match(html(preview)('main').text(), /จะย้ายผู้ใช้งาน 1 คน/)
    const done = await admin.post(`${BASE}/${dup.id}/merge`, { _csrf: csrfOf(preview), otherJuristicId: keep.juristicId, survivor: 'other' })
    assert.equal(done.statusCode, 303)
    assert.equal(done.headers.location, `${BASE}/${keep.id}`)
    const [moved] = await db().select().from(reportingEntities).where(eq(reportingEntities.id, dup.id))
    assert.equal(moved!.mergedIntoId, keep.id)
    assert.equal((await db().query.users.findFirst({ where: (u, { eq: e }) => e(u.id, user.id) }))!.entityId, keep.id)
    const mergedPage = html(await admin.get(`${BASE}/${dup.id}`))
    assert.equal(mergedPage(`.banner a[href="${BASE}/${keep.id}"]`).length, 1)
  })

  test('import: upload → dry-run page (row, column, Thai message; diffs) → apply; a stale preview is refused', async () => {
    const admin = await staffClient('admin', 'reg.admin')
    await makeEntity(db(), { juristicId: '0105537000023', nameTh: 'ทองเก่า' })
    await makeEntity(db(), { juristicId: '0105537000031', nameTh: 'เงินดี' })
    const up = await upload(admin, 'sample.csv', fs.readFileSync(FIXTURE))
    assert.equal(up.statusCode, 303)
    const previewUrl = String(up.headers.location)
    const $ = html(await admin.get(previewUrl))
    assert.match($('#totals').text(), /เพิ่มใหม่ 1 รายการ แก้ไข 1 รายการ ไม่เปลี่ยนแปลง 1 รายการ มีข้อผิดพลาด 6 แถว/)
    const errorRows = $('#row-errors tbody tr')
      .map((_, tr) => $(tr).find('td').map((__, td) => $(td).text()).get().join(' | '))
      .get()
    assert.ok(errorRows.includes('5 | juristic_id | เลขทะเบียนนิติบุคคลไม่ถูกต้องตามหลักตรวจสอบ โปรดตรวจสอบว่าพิมพ์ตัวเลขถูกต้อง'), errorRows.join('\n'))
    assert.ok(errorRows.includes('6 | juristic_id | เลขทะเบียนนิติบุคคลซ้ำกับแถวที่ 7 ในไฟล์'))
    assert.ok(errorRows.some((r) => r.startsWith('9 | name_th | ข้อความขึ้นต้นด้วย =')))
    assert.match($('#rows-change').text(), /สถานะ: ดำเนินกิจการ → เลิกกิจการ/)
    assert.match($('#rows-add').text(), /บริษัท ทองใหม่ จำกัด/)
    assert.match($('#rows-unchanged').text(), /แถวที่ 4/)
    assert.equal((await db().select().from(reportingEntities)).length, 2, 'the dry run changes nothing')

    const applied = await admin.post(`${previewUrl}/apply`, { _csrf: csrfOf(await admin.get(previewUrl)) })
    assert.equal(applied.statusCode, 303)
    assert.match(html(await admin.get(BASE))('.banner').text(), /นำเข้าแล้ว เพิ่มใหม่ 1 รายการ แก้ไข 1 รายการ/)
    assert.equal((await db().select().from(reportingEntities)).length, 3)
    assert.equal((await auditRows(db(), 'registry.import_applied')).length, 1)

    // A second, stale preview: the apply is refused on the preview page, saying why.
    const second = await upload(admin, 'sample.csv', fs.readFileSync(FIXTURE))
    const secondUrl = String(second.headers.location)
    const token = csrfOf(await admin.get(secondUrl))
    // Made two hours ago (moving the clock would also end the admin's session).
    await db().update(registryImportBatches).set({ createdAt: new Date(t.clock.now().getTime() - 2 * 60 * 60 * 1000) })
    const stale = await admin.post(`${secondUrl}/apply`, { _csrf: token })
    assert.equal(stale.statusCode, 409)
    assert.match(html(stale)('.error-summary').text(), /หมดอายุแล้ว/)
  })

  test('import: XLSX is read; a file that is neither CSV nor XLSX is refused on the upload page', async () => {
    const admin = await staffClient('admin', 'reg.admin')
    const xlsx = await sampleXlsx([
      ['juristic_id', 'name_th', 'legal_form', 'primary_business_type', 'address_line', 'province', 'district', 'subdistrict', 'postcode'],
      ['0105537000015', 'ทองใหม่', 'company_limited', 'precious_goods', '1 ถนนเยาวราช', 'กรุงเทพมหานคร', 'สัมพันธวงศ์', 'จักรวรรดิ์', '10100'],
    ])
    const ok = await upload(admin, 'registry.xlsx', xlsx)
    assert.equal(ok.statusCode, 303)
    assert.match(html(await admin.get(String(ok.headers.location)))('#totals').text(), /เพิ่มใหม่ 1 รายการ/)

    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6360000000020001e221bc330000000049454e44ae426082', 'hex')
    const refused = await upload(admin, 'registry.csv', png)
    assert.equal(refused.statusCode, 422)
    const $r = html(refused)
    assert.equal($r('.error-summary a').attr('href'), '#file')
    assert.match($r('#file-error').text(), /ไม่ใช่ไฟล์ CSV หรือ XLSX/)
    const none = await upload(admin, '', Buffer.alloc(0))
    assert.equal(none.statusCode, 422)
    assert.match(html(none)('#file-error').text(), /โปรดเลือกไฟล์/)
  })
})
