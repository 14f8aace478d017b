/**
 * The audit log viewer through the real pages: filters by actor, business, event type and a
 * Bangkok date range typed with a BE or CE year; keyset pages that keep the filters; the CSV export
 * (BOM, Thai, formula injection neutralised); supervisors allowed, examiners refused; and the hash
 * chain's state with "Verify now" naming a tampered row.
 */
import assert from 'node:assert/strict'
import { after, afterEach, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { AuditEvent } from '#src/audit/audit-events.model.ts'
import type { User } from '#src/identity/users.repo.ts'
import { Client, makeEntity, makeUser } from '#tests/support/builders.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'
import { enrolDirectly, signInWithCode } from '#tests/support/totp.ts'

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

async function staffClient(role: 'admin' | 'supervisor' | 'examiner', username: string, locale: 'th' | 'en' = 'th'): Promise<{ client: Client; user: User }> {
  const user = await makeUser(db(), { role, username, locale })
  const secret = await enrolDirectly(t, user)
  const client = new Client(t.app)
  assert.equal((await signInWithCode(t, client, username, secret)).statusCode, 303)
  return { client, user }
}

const event = (at: string, actor: User, e: AuditEvent, entityId?: string) =>
  appendAudit(db(), { at: new Date(at), actorUserId: actor.id, actorRole: actor.role, ip: '10.1.1.1' }, e, { targetType: 'assessment', targetId: 'a-1', entityId })

/** Two businesses, two examiners and three events around midnight in Bangkok on 21 Nov 2026. */
async function fixture() {
  const gold = await makeEntity(db(), { nameTh: 'ห้างทองเยาวราชรุ่งเรือง', nameEn: 'Yaowarat Gold', juristicId: '0105561234561' })
  const cars = await makeEntity(db(), { nameTh: 'รถยนต์มือสองสยาม', juristicId: '0105599999991' })
  const somsri = await makeUser(db(), { role: 'examiner', username: 'somsri.k', firstName: 'สมศรี', lastName: 'ตรวจดี' })
  const injected = await makeUser(db(), { role: 'examiner', username: 'evil.x', firstName: '=HYPERLINK("http://x")', lastName: 'ผู้ใช้' })
  // 20 Nov 23:30 in Bangkok (16:30 UTC), then 21 Nov 00:30 in Bangkok (17:30 UTC).
  await event('2026-11-20T16:30:00Z', somsri, { action: 'assessment.accepted', assessmentId: 'a-1' }, gold.id)
  await event('2026-11-20T17:30:00Z', somsri, { action: 'assessment.returned', assessmentId: 'a-2' }, cars.id)
  await event('2026-11-22T05:00:00Z', injected, { action: 'assessment.accepted', assessmentId: 'a-3' }, cars.id)
  return { gold, cars, somsri, injected }
}

const ids = ($: ReturnType<typeof html>) => $('tbody tr').map((_, tr) => $(tr).attr('data-action')).get()

describe('audit log viewer', () => {
  test('filters by actor name, business name or juristic number, event type and Bangkok dates (BE or CE)', async () => {
    const { client: admin } = await staffClient('admin', 'admin.main')
    await fixture()

    const byActor = html(await admin.get('/admin/audit?actor=' + encodeURIComponent('สมศรี')))
    assert.deepEqual(ids(byActor), ['assessment.returned', 'assessment.accepted'])
    assert.equal(byActor('#actor').attr('value'), 'สมศรี', 'the search stays in the box')
    assert.deepEqual(ids(html(await admin.get('/admin/audit?actor=somsri.k'))).length, 2, 'usernames match too')

    const byNumber = html(await admin.get('/admin/audit?business=0105561234561'))
    assert.deepEqual(ids(byNumber), ['assessment.accepted'])
    assert.match(byNumber('tbody tr td').last().text(), /ห้างทองเยาวราชรุ่งเรือง.*0105561234561/)
    assert.equal(ids(html(await admin.get('/admin/audit?business=' + encodeURIComponent('มือสอง')))).length, 2)

    const byType = html(await admin.get('/admin/audit?action=assessment.accepted'))
    assert.equal(ids(byType).length, 2)
    assert.equal(byType('#action option[selected]').text(), 'รับแบบประเมิน', 'event types are named in Thai')

    // 21 Nov 2569 BE in Bangkok starts at 20 Nov 17:00 UTC: the 23:30 event of the 20th is outside.
    const sameDay = html(await admin.get('/admin/audit?from.day=21&from.month=11&from.year=2569&to.day=21&to.month=11&to.year=2569'))
    assert.deepEqual(ids(sameDay), ['assessment.returned'])
    assert.equal(sameDay('#from-year').attr('value'), '2569', 'the year stays as typed')
    const ce = html(await admin.get('/admin/audit?to.day=20&to.month=11&to.year=2026'))
    assert.deepEqual(ids(ce), ['assessment.accepted'], 'a CE year works too; "to" includes the whole day')
  })

  test('bad dates are shown as errors on the page; tampered filters get 400', async () => {
    const { client: admin } = await staffClient('admin', 'admin.main')
    const res = await admin.get('/admin/audit?from.day=31&from.month=2&from.year=2569&to.day=1&to.month=1&to.year=2020')
    assert.equal(res.statusCode, 422)
    const $ = html(res)
    assert.match($('title').text(), /^ข้อผิดพลาด:/)
    assert.equal($('.error-summary a').first().attr('href'), '#from-day')
    assert.equal($('#from-day').attr('aria-invalid'), 'true')
    assert.equal($('tbody tr').length, 0)

    const order = html(await admin.get('/admin/audit?from.day=2&from.month=1&from.year=2026&to.day=1&to.month=1&to.year=2026'))
    assert.match(order('.error-summary').text(), /วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มต้น/)
    assert.equal((await admin.get('/admin/audit?action=no.such.action')).statusCode, 400)
    assert.equal((await admin.get('/admin/audit?before=abc')).statusCode, 400)
    assert.equal((await admin.get('/admin/audit/export.csv?from.day=99&from.month=1&from.year=2026')).statusCode, 400)
  })

  test('keyset pages keep the filters', async () => {
    const { client: admin } = await staffClient('admin', 'admin.main')
    const { somsri } = await fixture()
    for (let i = 0; i < 55; i++) await event(`2026-11-23T0${i % 10}:00:00Z`, somsri, { action: 'assessment.note_added', assessmentId: `n-${i}` })
    const p1 = html(await admin.get('/admin/audit?actor=' + encodeURIComponent('ตรวจดี')))
    assert.equal(p1('tbody tr').length, 50)
    const older = p1('a[rel="next"]').attr('href')!
    assert.match(older, /^\/admin\/audit\?actor=%E0%B8%95.*&before=\d+$/)
    const p2 = html(await admin.get(older))
    assert.equal(p2('tbody tr').length, 7)
    assert.equal(p2('a[rel="next"]').length, 0)
  })

  test('the filtered list downloads as CSV with a BOM, Thai text and neutralised formulas', async () => {
    const { client: admin } = await staffClient('admin', 'admin.main')
    await fixture()
    const page = html(await admin.get('/admin/audit?action=assessment.accepted'))
    const href = page('[data-audit-export]').attr('href')!
    assert.equal(href, '/admin/audit/export.csv?action=assessment.accepted')
    const res = await admin.get(href)
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^text\/csv; charset=utf-8/)
    assert.match(String(res.headers['content-disposition']), /attachment; filename="amrac-audit-2026-11-29\.csv"/)
    assert.ok(res.body.startsWith('\uFEFF'), 'a BOM so Excel reads UTF-8')
    const lines = res.body.slice(1).trim().split('\r\n')
    assert.equal(lines.length, 3, 'header and the two matching events')
    assert.match(lines[0]!, /^ลำดับเหตุการณ์,เวลา,ประเภทเหตุการณ์,/)
    assert.match(lines[1]!, /,22\/11\/2026 12:00,รับแบบประเมิน,/)
    assert.match(lines[1]!, /"'=HYPERLINK\(""http:\/\/x""\) ผู้ใช้"/, 'the formula starts with a quote')
    assert.match(lines[2]!, /บริษัท ห้างทองเยาวราชรุ่งเรือง จำกัด,0105561234561/)
  })

  test('supervisors read, export and verify; examiners are refused', async () => {
    const { client: supervisor } = await staffClient('supervisor', 'super.visor')
    assert.equal(html(await supervisor.get('/staff'))('nav a[href="/admin/audit"]').length, 1, 'the staff navigation links to the audit log')
    assert.equal((await supervisor.get('/admin/audit?actor=x')).statusCode, 200)
    assert.equal((await supervisor.get('/admin/audit/export.csv')).statusCode, 200)
    assert.equal((await supervisor.submit('/admin/audit', '/admin/audit/verify', {})).statusCode, 303)
    const { client: examiner } = await staffClient('examiner', 'exam.iner')
    assert.equal((await examiner.get('/admin/audit')).statusCode, 403)
    assert.equal((await examiner.get('/admin/audit/export.csv')).statusCode, 403)
    assert.equal((await examiner.post('/admin/audit/verify', {})).statusCode, 403)
  })

  test('the page shows the chain state; "Verify now" finds a changed row', async () => {
    const { client: admin } = await staffClient('admin', 'admin.main')
    await fixture()
    let $ = html(await admin.get('/admin/audit'))
    assert.equal($('[data-chain-check]').attr('data-chain-check'), 'never')
    assert.match($('[data-chain-sealed]').text(), /ยังไม่มีเหตุการณ์ที่ผูก/)

    const ok = await admin.submit('/admin/audit', '/admin/audit/verify', {})
    assert.equal(ok.statusCode, 303)
    $ = html(await admin.get('/admin/audit'))
    assert.match($('.banner').text(), /บันทึกการใช้งานถูกต้อง/)
    assert.equal($('[data-chain-check]').attr('data-chain-check'), 'ok')
    assert.match($('[data-chain-sealed]').text(), /ผูกแล้ว \d+ เหตุการณ์/)
    assert.match($('[data-chain-head]').text(), /^[0-9a-f]{64}$/)
    assert.match($('tbody tr').first().text(), /ตรวจสอบห่วงโซ่แฮชของบันทึกการใช้งาน \d+ เหตุการณ์ ถูกต้อง/, 'verifying is itself audited')

    const [{ id }] = ((await db().execute(sql`select id::int as id from audit_log where action = 'assessment.returned'`)) as unknown as { rows: { id: number }[] }).rows as [{ id: number }]
    await db().execute(sql.raw('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update'))
    await db().execute(sql.raw(`UPDATE audit_log SET ip = '203.0.113.9' WHERE id = ${id}`))
    await db().execute(sql.raw('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update'))
    await admin.submit('/admin/audit', '/admin/audit/verify', {})
    $ = html(await admin.get('/admin/audit'))
    assert.equal($('[data-chain-check]').attr('data-chain-check'), 'broken')
    assert.match($('[data-chain-check]').text(), new RegExp(`เหตุการณ์ลำดับที่ ${id}$`))
  })
})
