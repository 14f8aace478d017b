/**
 * Cycles and deadline extensions through the real pages, JavaScript off: the admin list with
 * counts, creating and editing a cycle (error summary linking to fields, BE dates), closing it and
 * what the business's task list then says; a business asking for more time, a supervisor granting
 * or refusing it, and the task list showing the outcome; who may open which page.
 */
import assert from 'node:assert/strict'
import { after, afterEach, before, beforeEach, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import type { User } from '#src/identity/users.repo.ts'
import { outbox } from '#src/notifications/outbox.tables.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { Client, makeEntity, makeUser } from '#tests/support/builders.ts'
import { fillCompleteAssessment } from '#tests/support/complete-assessment.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'
import { auditRows, enrolDirectly, signInWithCode } from '#tests/support/totp.ts'

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

beforeEach(async () => {
  await openCycle(t.deps, {
    actor: 'system',
    code: '2569',
    nameTh: 'รอบการประเมินปี 2569',
    nameEn: 'Assessment cycle 2569',
    definitionVersion: 'v1',
    opensAt: new Date('2026-10-01T00:00:00+07:00'),
    deadline: new Date('2027-03-31T23:59:59+07:00'),
    periodStart: '2025-10-01',
    periodEnd: '2026-09-30',
  })
})

let serial = 0
async function staffClient(role: 'admin' | 'supervisor' | 'examiner'): Promise<{ client: Client; user: User }> {
  const username = `${role}.${++serial}`
  const user = await makeUser(db(), { role, username })
  const secret = await enrolDirectly(t, user)
  const client = new Client(t.app)
  const res = await signInWithCode(t, client, username, secret)
  assert.equal(res.statusCode, 303, `${username} signed in`)
  return { client, user }
}
async function businessClient(email?: string) {
  const username = `owner${++serial}`
  const entity = await makeEntity(db(), { nameTh: `ร้านทองทดสอบ ${serial}` })
  const user = await makeUser(db(), { username, entityId: entity.id, role: 'entity_admin', ...(email ? { email } : {}) })
  const client = new Client(t.app)
  await client.signIn(username)
  return { client, entity, user, actor: { kind: 'user' as const, id: user.id, role: 'entity_admin' as const, entityId: entity.id, displayName: 'สมชาย' } }
}
const date = (prefix: string, day: string, month: string, year: string) => ({ [`${prefix}.day`]: day, [`${prefix}.month`]: month, [`${prefix}.year`]: year })

describe('admin: cycles', () => {
  test('the admin home links to the cycles; the list shows status and counts', async () => {
    const { client } = await staffClient('admin')
    const biz = await businessClient()
    await fillCompleteAssessment(t.deps, biz.actor)
    const home = html(await client.get('/admin'))
    assert.equal(home('a[href="/admin/cycles"]').length, 1)
    const res = await client.get('/admin/cycles')
    assert.equal(res.statusCode, 200)
    const $ = html(res)
    const row = $('#cycles tr[data-cycle="2569"]')
    assert.match(row.text(), /เปิดรับข้อมูล/)
    assert.match(row.text(), /31 มีนาคม 2570/)
    assert.equal(row.find('[data-count="assessments"]').text(), '1')
    assert.equal(row.find('[data-count="submitted"]').text(), '0')
  })

  test('create: errors summary linking to the fields (422, JS off); then a valid post → 303 to the new cycle', async () => {
    const { client } = await staffClient('admin')
    const form = await client.get('/admin/cycles/new')
    assert.equal(form.statusCode, 200)
    assert.deepEqual(html(form)('#definitionVersion option').toArray().map((o) => html(form)(o).attr('value')).filter(Boolean), ['v1'])

    const bad = await client.submit('/admin/cycles/new', '/admin/cycles', {
      code: '2027',
      nameTh: '',
      nameEn: 'Cycle 2570',
      ...date('periodStart', '1', '10', '2569'),
      ...date('periodEnd', '30', '9', '2570'),
      ...date('opensOn', '1', '10', '2570'),
      ...date('deadlineOn', '31', '2', '2571'),
      definitionVersion: 'v1',
    })
    assert.equal(bad.statusCode, 422)
    const $b = html(bad)
    assert.match($b('title').text(), /^ข้อผิดพลาด/)
    const links = $b('.error-summary a').toArray().map((a) => $b(a).attr('href'))
    assert.deepEqual(links, ['#code', '#nameTh', '#deadlineOn-day'])
    assert.equal($b('#code').attr('aria-invalid'), 'true')
    assert.equal($b('#code').attr('value'), '2027', 'what was typed is kept')
    assert.equal($b('#deadlineOn-day').attr('aria-invalid'), 'true')

    const order = await client.submit('/admin/cycles/new', '/admin/cycles', {
      code: '2570',
      nameTh: 'รอบการประเมินปี 2570',
      nameEn: 'Cycle 2570',
      ...date('periodStart', '1', '10', '2569'),
      ...date('periodEnd', '30', '9', '2570'),
      ...date('opensOn', '1', '10', '2570'),
      ...date('deadlineOn', '30', '9', '2570'),
      definitionVersion: 'v1',
    })
    assert.equal(order.statusCode, 422)
    assert.match(html(order)('.error-summary').text(), /วันครบกำหนดส่งต้องอยู่หลังวันเปิดรับข้อมูล/)

    const ok = await client.submit('/admin/cycles/new', '/admin/cycles', {
      code: '2570',
      nameTh: 'รอบการประเมินปี 2570',
      nameEn: 'Cycle 2570',
      ...date('periodStart', '1', '10', '2026'),
      ...date('periodEnd', '30', '9', '2570'),
      ...date('opensOn', '1', '10', '2570'),
      ...date('deadlineOn', '31', '3', '2571'),
      definitionVersion: 'v1',
    })
    assert.equal(ok.statusCode, 303)
    assert.equal(ok.headers.location, '/admin/cycles/2570')
    const page = html(await client.get('/admin/cycles/2570'))
    assert.match(page('.banner').text(), /สร้างรอบการประเมิน 2570 แล้ว/)
    assert.match(page('#cycle-facts').text(), /ยังไม่เปิดรับ/)
    assert.equal(page('#deadlineOn-year').attr('value'), '2571', 'dates shown back in the Buddhist Era')
    assert.equal((await auditRows(db(), 'cycle.created')).length, 1)
  })

  test('edit the deadline (CE year typed); the version select gives way to a note once a business started', async () => {
    const { client } = await staffClient('admin')
    const before = html(await client.get('/admin/cycles/2569'))
    assert.equal(before('select#definitionVersion').length, 1)
    const fields = {
      nameTh: 'รอบการประเมินปี 2569',
      nameEn: 'Assessment cycle 2569',
      ...date('periodStart', '1', '10', '2568'),
      ...date('periodEnd', '30', '9', '2569'),
      ...date('opensOn', '1', '10', '2569'),
      ...date('deadlineOn', '30', '4', '2027'),
      definitionVersion: 'v1',
    }
    const saved = await client.submit('/admin/cycles/2569', '/admin/cycles/2569', fields)
    assert.equal(saved.statusCode, 303)
    const $ = html(await client.get('/admin/cycles/2569'))
    assert.match($('.banner').text(), /บันทึกการแก้ไขรอบการประเมินแล้ว/)
    assert.equal($('#deadlineOn-month').attr('value'), '4')

    const biz = await businessClient()
    assert.equal((await biz.client.get('/portal/assessments/2569')).statusCode, 200) // opens the draft
    const locked = html(await client.get('/admin/cycles/2569'))
    assert.equal(locked('select#definitionVersion').length, 0)
    assert.match(locked('#definitionVersion-locked').text(), /เปลี่ยนไม่ได้แล้ว/)
    const tampered = await client.submit('/admin/cycles/2569', '/admin/cycles/2569', { ...fields, definitionVersion: 'v2' })
    assert.equal(tampered.statusCode, 422)
    assert.match(html(tampered)('.error-summary').text(), /เปลี่ยนแบบสอบถามไม่ได้/)
  })

  test('close: the business task list says the cycle is closed and offers no editing; reopen restores it', async () => {
    const { client } = await staffClient('admin')
    const biz = await businessClient()
    assert.equal((await biz.client.get('/portal/assessments/2569')).statusCode, 200)
    const closed = await client.submit('/admin/cycles/2569', '/admin/cycles/2569/status', { action: 'close' })
    assert.equal(closed.statusCode, 303)
    assert.match(html(await client.get('/admin/cycles/2569'))('#cycle-facts').text(), /ปิดรอบแล้ว/)

    const task = html(await biz.client.get('/portal/assessments/2569'))
    assert.match(task('.banner').text(), /รอบการประเมินนี้ปิดแล้ว/)
    assert.equal(task('.task-list__item').length, 0, 'no parts to edit')
    assert.equal(task('a[href$="/view"]').length, 0, 'nothing submitted to view')
    const page = await biz.client.get('/portal/assessments/2569/part-a/1')
    assert.equal(page.statusCode, 303)

    const newcomer = await businessClient()
    const refused = await newcomer.client.get('/portal/assessments/2569')
    assert.equal(refused.statusCode, 409)
    assert.match(html(refused)('body').text(), /ปิดรับข้อมูลของรอบการประเมินนี้แล้ว/)

    assert.equal((await client.submit('/admin/cycles/2569', '/admin/cycles/2569/status', { action: 'reopen' })).statusCode, 303)
    assert.equal(html(await biz.client.get('/portal/assessments/2569'))('.task-list__item').length, 4)
  })

  test('supervisors, examiners and businesses cannot open the cycle pages', async () => {
    for (const role of ['supervisor', 'examiner'] as const) {
      const { client } = await staffClient(role)
      assert.equal((await client.get('/admin/cycles')).statusCode, 403, role)
    }
    const biz = await businessClient()
    assert.equal((await biz.client.get('/admin/cycles/2569')).statusCode, 403)
  })
})

describe('deadline extensions', () => {
  test('a business asks from its task list; a supervisor grants another date; the task list and e-mail show it', async () => {
    const biz = await businessClient('owner@example.com')
    const task = html(await biz.client.get('/portal/assessments/2569'))
    assert.match(task('#effective-deadline').text(), /31 มีนาคม 2570/)
    assert.equal(task('#request-extension').attr('href'), '/portal/assessments/2569/extension')

    const bad = await biz.client.submit('/portal/assessments/2569/extension', '/portal/assessments/2569/extension', { ...date('deadlineOn', '31', '4', '2570'), reason: '' })
    assert.equal(bad.statusCode, 422)
    const $b = html(bad)
    assert.match($b('title').text(), /^ข้อผิดพลาด/)
    assert.deepEqual($b('.error-summary a').toArray().map((a) => $b(a).attr('href')), ['#deadlineOn-day', '#reason'])
    assert.equal($b('#reason').attr('aria-invalid'), 'true')
    const beforeDeadline = await biz.client.submit('/portal/assessments/2569/extension', '/portal/assessments/2569/extension', { ...date('deadlineOn', '15', '3', '2570'), reason: 'สำนักงานถูกน้ำท่วม' })
    assert.equal(beforeDeadline.statusCode, 422)
    assert.match(html(beforeDeadline)('.error-summary').text(), /วันที่ต้องอยู่หลังกำหนดส่งของรอบการประเมิน/)
    assert.equal(html(beforeDeadline)('#reason').text(), 'สำนักงานถูกน้ำท่วม', 'the reason typed is kept')

    const sent = await biz.client.submit('/portal/assessments/2569/extension', '/portal/assessments/2569/extension', { ...date('deadlineOn', '30', '4', '2570'), reason: 'สำนักงานถูกน้ำท่วม' })
    assert.equal(sent.statusCode, 303)
    assert.equal(sent.headers.location, '/portal/assessments/2569')
    const pending = html(await biz.client.get('/portal/assessments/2569'))
    assert.match(pending('#extension-outcome').text(), /ท่านขอขยายเวลาถึง 30 เมษายน 2570/)
    assert.equal(pending('#request-extension').length, 0, 'one request at a time')

    const { client: sup } = await staffClient('supervisor')
    const list = html(await sup.get('/staff/extensions'))
    const link = list('#pending a').first()
    assert.match(link.text(), /ร้านทองทดสอบ/)
    const detailUrl = link.attr('href')!
    const detail = html(await sup.get(detailUrl))
    assert.match(detail('#request-reason').text(), /สำนักงานถูกน้ำท่วม/)
    assert.equal(detail('#deadlineOn-day').attr('value'), '30', 'the requested date is proposed')

    const early = await sup.submit(detailUrl, `${detailUrl}/grant`, { ...date('deadlineOn', '1', '3', '2570'), reason: '' })
    assert.equal(early.statusCode, 422)
    assert.match(html(early)('.error-summary').text(), /วันที่ต้องอยู่หลังกำหนดส่งของรอบการประเมิน/)

    const granted = await sup.submit(detailUrl, `${detailUrl}/grant`, { ...date('deadlineOn', '15', '4', '2570'), reason: '' })
    assert.equal(granted.statusCode, 303)
    assert.match(html(await sup.get(detailUrl))('.banner').text(), /อนุมัติการขยายเวลา/)

    const after = html(await biz.client.get('/portal/assessments/2569'))
    assert.match(after('#effective-deadline').text(), /15 เมษายน 2570/)
    assert.match(after('#task-list-deadline').text(), /15 เมษายน 2570/, 'the task list shows the extended deadline')
    assert.match(after('#extension-outcome').text(), /อนุมัติให้ขยายเวลาส่งถึง 15 เมษายน 2570/)
    const [mail] = await db().select().from(outbox).where(eq(outbox.template, 'deadline_extension_decided'))
    assert.equal(mail?.toAddress, 'owner@example.com')
    assert.deepEqual((await auditRows(db())).map((r) => r.action).filter((a) => a.startsWith('deadline.')).sort(), ['deadline.extension_granted', 'deadline.extension_requested'])
  })

  test('refused with a reason the business then reads; a refusal needs a reason', async () => {
    const biz = await businessClient()
    await biz.client.submit('/portal/assessments/2569/extension', '/portal/assessments/2569/extension', { ...date('deadlineOn', '30', '4', '2027'), reason: 'ขอเวลาเพิ่ม' })
    const { client: admin } = await staffClient('admin')
    const detailUrl = html(await admin.get('/staff/extensions'))('#pending a').first().attr('href')!
    const empty = await admin.submit(detailUrl, `${detailUrl}/refuse`, { reason: '' })
    assert.equal(empty.statusCode, 422)
    const $e = html(empty)
    assert.equal($e('.error-summary a').attr('href'), '#refuseReason')
    assert.equal($e('#refuseReason').attr('aria-invalid'), 'true')
    assert.equal((await admin.submit(detailUrl, `${detailUrl}/refuse`, { reason: 'เหตุผลไม่เพียงพอ' })).statusCode, 303)
    const task = html(await biz.client.get('/portal/assessments/2569'))
    assert.match(task('#extension-outcome').text(), /ไม่อนุมัติคำขอขยายเวลา เหตุผล: เหตุผลไม่เพียงพอ/)
    assert.match(task('#effective-deadline').text(), /31 มีนาคม 2570/)
    assert.equal(task('#request-extension').length, 1, 'may ask again')
  })

  test('staff extend one business directly by its registration number; examiners cannot', async () => {
    const biz = await businessClient()
    const { client: examiner } = await staffClient('examiner')
    assert.equal((await examiner.get('/staff/extensions')).statusCode, 403)
    const { client: sup } = await staffClient('supervisor')
    assert.equal(html(await sup.get('/staff'))('#staff-links a[href="/staff/extensions"]').length, 1, 'linked from the staff home')
    const unknown = await sup.submit('/staff/extensions/new', '/staff/extensions', { cycle: '2569', juristicId: '123', ...date('deadlineOn', '31', '5', '2570'), reason: 'ระบบขัดข้อง' })
    assert.equal(unknown.statusCode, 422)
    assert.equal(html(unknown)('.error-summary a').attr('href'), '#juristicId')
    const done = await sup.submit('/staff/extensions/new', '/staff/extensions', { cycle: '2569', juristicId: biz.entity.juristicId, ...date('deadlineOn', '31', '5', '2570'), reason: 'ระบบขัดข้อง' })
    assert.equal(done.statusCode, 303)
    assert.match(html(await sup.get('/staff/extensions'))('#recent').text(), /เจ้าหน้าที่ขยายเวลาให้/)
    assert.match(html(await biz.client.get('/portal/assessments/2569'))('#effective-deadline').text(), /31 พฤษภาคม 2570/)
  })

  test('the filing status marks non-filers late against their own deadline', async () => {
    const extended = await businessClient()
    await businessClient()
    t.clock.set('2027-04-10T03:00:00Z') // after the cycle deadline
    const { client: sup } = await staffClient('supervisor')
    await sup.submit('/staff/extensions/new', '/staff/extensions', { cycle: '2569', juristicId: extended.entity.juristicId, ...date('deadlineOn', '31', '5', '2570'), reason: 'ระบบขัดข้อง' })
    const $ = html(await sup.get('/staff/filing?cycle=2569'))
    const rows = $('#non-filers tbody tr').toArray().map((r) => $(r).text())
    const ext = rows.find((r) => r.includes(extended.entity.juristicId))!
    assert.match(ext, /31 พฤษภาคม 2570/)
    assert.match(ext, /ขยายเวลาแล้ว/)
    assert.doesNotMatch(ext, /เลยกำหนด/)
    const other = rows.find((r) => !r.includes(extended.entity.juristicId))!
    assert.match(other, /เลยกำหนด/)
  })
})
