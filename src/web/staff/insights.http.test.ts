/**
 * The staff insight pages through the real app: filing status counts and the non-filer list, the
 * batch reminder (entity administrators of non-filers only, once per business per day, audited),
 * the dashboard's tables and SVG charts, and the business profile. Businesses never reach them.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { outbox } from '#src/notifications/outbox.tables.ts'
import { assessmentReviews } from '#src/review/review.tables.ts'
import { riskScores } from '#src/scoring/scoring.tables.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { submitAssessment } from '#src/submissions/submit-assessment.ts'
import { Client, makeEntity, makeUser } from '#tests/support/builders.ts'
import { fillCompleteAssessment } from '#tests/support/complete-assessment.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'
import { enrolDirectly, signInWithCode } from '#tests/support/totp.ts'

let t: TestApp
const db = () => t.deps.database.db
type Entity = Awaited<ReturnType<typeof makeEntity>>
const f = {} as Record<'A' | 'G' | 'B' | 'C' | 'D' | 'F' | 'E', Entity>
let assessmentA = ''
let staff: Client
let business: Client

const place = {
  bangkok: { province: 'กรุงเทพมหานคร', district: 'สัมพันธวงศ์', subdistrict: 'จักรวรรดิ์', postcode: '10100' },
  chiangMai: { province: 'เชียงใหม่', district: 'เมืองเชียงใหม่', subdistrict: 'ศรีภูมิ', postcode: '50200' },
  phuket: { province: 'ภูเก็ต', district: 'เมืองภูเก็ต', subdistrict: 'ตลาดใหญ่', postcode: '83000' },
}
const asActor = (user: { id: string }, entityId: string): Actor & { kind: 'user'; entityId: string } => ({ kind: 'user', id: user.id, role: 'entity_admin', entityId, displayName: 'x' })

/**
 * Seven businesses: A and G filed (G's rating overridden to high), B C D not started, F has a
 * draft only, E is inactive. B has an active admin, a plain user and a deactivated admin; C has no
 * admin at all.
 */
before(async () => {
  t = await createTestApp()
  t.clock.set('2026-11-29T03:00:00Z')
  await openCycle(t.deps, { actor: 'system', code: '2569', nameTh: 'รอบการประเมินปี 2569', nameEn: 'Assessment cycle 2569', definitionVersion: 'v1', opensAt: new Date('2026-10-01T00:00:00Z'), deadline: new Date('2027-03-31T00:00:00Z'), periodStart: '2025-10-01', periodEnd: '2026-09-30' })
  const mk = (nameTh: string, primaryBusinessType: string, where: (typeof place)[keyof typeof place], status: 'active' | 'inactive' = 'active') =>
    makeEntity(db(), { nameTh, primaryBusinessType, businessTypes: [primaryBusinessType], ...where, status })
  f.A = await mk('ทองคำเยาวราช', 'precious_goods', place.bangkok)
  f.G = await mk('รถยนต์ล้านนา', 'car_dealer', place.chiangMai)
  f.B = await mk('รถมือสองนิมมาน', 'car_dealer', place.chiangMai)
  f.C = await mk('เต็นท์รถสันทราย', 'car_dealer', place.chiangMai)
  f.D = await mk('ทองสำเพ็ง', 'precious_goods', place.bangkok)
  f.F = await mk('บ้านภูเก็ตนายหน้า', 'real_estate', place.phuket)
  f.E = await mk('ทองเลิกกิจการ', 'precious_goods', place.bangkok, 'inactive')

  const adminA = await makeUser(db(), { username: 'a.admin', email: 'a-admin@example.com', entityId: f.A.id, role: 'entity_admin', firstName: 'อารี', lastName: 'ทองดี' })
  const adminG = await makeUser(db(), { username: 'g.admin', email: 'g-admin@example.com', entityId: f.G.id, role: 'entity_admin' })
  await makeUser(db(), { username: 'b.admin', email: 'b-admin@example.com', entityId: f.B.id, role: 'entity_admin' })
  await makeUser(db(), { username: 'b.user', email: 'b-user@example.com', entityId: f.B.id, role: 'entity_user' })
  await makeUser(db(), { username: 'b.old', email: 'b-old@example.com', entityId: f.B.id, role: 'entity_admin', status: 'deactivated' })
  await makeUser(db(), { username: 'c.user', email: 'c-user@example.com', entityId: f.C.id, role: 'entity_user' })
  await makeUser(db(), { username: 'd.admin', email: 'd-admin@example.com', entityId: f.D.id, role: 'entity_admin' })
  const adminF = await makeUser(db(), { username: 'f.admin', email: 'f-admin@example.com', entityId: f.F.id, role: 'entity_admin' })
  await makeUser(db(), { username: 'e.admin', email: 'e-admin@example.com', entityId: f.E.id, role: 'entity_admin' })

  assessmentA = await fillCompleteAssessment(t.deps, asActor(adminA, f.A.id))
  assert.ok((await submitAssessment(t.deps, { actor: asActor(adminA, f.A.id), cycleCode: '2569', declarantName: 'นายสมชาย', declarantPosition: 'กรรมการ', idempotencyKey: 'a1' })).ok)
  const assessmentG = await fillCompleteAssessment(t.deps, asActor(adminG, f.G.id))
  assert.ok((await submitAssessment(t.deps, { actor: asActor(adminG, f.G.id), cycleCode: '2569', declarantName: 'นายสมศักดิ์', declarantPosition: 'กรรมการ', idempotencyKey: 'g1' })).ok)
  // An approved override in force (as decideRatingOverride leaves it).
  await db().insert(assessmentReviews).values({ assessmentId: assessmentG, overrideRating: 'high', updatedAt: t.clock.now() }).onConflictDoUpdate({ target: assessmentReviews.assessmentId, set: { overrideRating: 'high' } })
  await fillCompleteAssessment(t.deps, asActor(adminF, f.F.id))

  const sup = await makeUser(db(), { role: 'supervisor', username: 'sup', firstName: 'สุภา' })
  staff = new Client(t.app)
  assert.equal((await signInWithCode(t, staff, 'sup', await enrolDirectly(t, sup))).statusCode, 303)
  business = new Client(t.app)
  await business.signIn('a.admin')
})
after(() => t.close())

const num = ($: ReturnType<typeof html>, selector: string) => $(selector).text().trim()

describe('access', () => {
  test('a business gets 403 on every insight page and on the reminder batch', async () => {
    for (const url of ['/staff/dashboard', '/staff/filing', '/staff/filing?cycle=2569', `/staff/businesses/${f.A.id}`]) assert.equal((await business.get(url)).statusCode, 403, url)
    const portal = await business.get('/portal')
    const csrf = html(portal)('meta[name=csrf-token]').attr('content')!
    assert.equal((await business.post('/staff/filing/reminders', { _csrf: csrf, cycle: '2569' })).statusCode, 403)
    assert.equal((await db().select().from(outbox).where(eq(outbox.template, 'filing_reminder'))).length, 0)
  })

  test('an unknown cycle or business is a 404, not an error page', async () => {
    assert.equal((await staff.get('/staff/filing?cycle=2500')).statusCode, 404)
    assert.equal((await staff.get('/staff/dashboard?cycle=2500')).statusCode, 404)
    assert.equal((await staff.get('/staff/businesses/00000000-0000-4000-8000-000000000000')).statusCode, 404)
    assert.equal((await staff.get('/staff/businesses/not-a-uuid')).statusCode, 404)
  })
})

describe('filing status', () => {
  test('counts by business type and province, the non-filer list and its filters', async () => {
    const res = await staff.get('/staff/filing?cycle=2569')
    assert.equal(res.statusCode, 200)
    const $ = html(res)
    assert.equal(num($, '#filing-stats [data-stat=total]'), '6', 'the inactive business is not expected to file')
    assert.equal(num($, '#filing-stats [data-stat=filed]'), '2')
    assert.equal(num($, '#filing-stats [data-stat=notFiled]'), '4')
    const row = (table: string, key: string) => ['total', 'filed', 'notFiled'].map((c) => $(`#${table} tr[data-key="${key}"] td[data-col=${c}]`).text())
    assert.deepEqual(row('by-type', 'precious_goods'), ['2', '1', '1'])
    assert.deepEqual(row('by-type', 'car_dealer'), ['3', '1', '2'])
    assert.deepEqual(row('by-type', 'real_estate'), ['1', '0', '1'])
    assert.deepEqual(row('by-province', 'กรุงเทพมหานคร'), ['2', '1', '1'])
    assert.deepEqual(row('by-province', 'เชียงใหม่'), ['3', '1', '2'])
    assert.deepEqual(row('by-province', 'ภูเก็ต'), ['1', '0', '1'])

    const names = $('#non-filers tbody tr td:first-child a')
      .map((_, a) => $(a).text())
      .get()
    assert.equal(names.length, 4)
    for (const n of ['รถมือสองนิมมาน', 'เต็นท์รถสันทราย', 'ทองสำเพ็ง', 'บ้านภูเก็ตนายหน้า']) assert.ok(names.some((x) => x.includes(n)), n)
    assert.equal($(`#non-filers a[href="/staff/businesses/${f.D.id}"]`).length, 1, 'names link to the business profile')

    const chiangMai = html(await staff.get(`/staff/filing?cycle=2569&province=${encodeURIComponent('เชียงใหม่')}`))
    assert.equal(chiangMai('#non-filers tbody tr').length, 2)
    const cars = html(await staff.get('/staff/filing?type=car_dealer&page=abc'))
    assert.equal(cars('#non-filers tbody tr').length, 2)
    assert.equal(cars('#reminder-form input[name=type]').attr('value'), 'car_dealer', 'the reminder carries the current filters')
  })

  test('the reminder batch e-mails active entity administrators of matching non-filers only, once per business per day, audited', async () => {
    const mailsTo = async () => (await db().select({ to: outbox.toAddress, payload: outbox.payload }).from(outbox).where(eq(outbox.template, 'filing_reminder'))).map((m) => m.to).sort()
    const send = (fields: Record<string, string>) => staff.submit('/staff/filing?cycle=2569', '/staff/filing/reminders', { cycle: '2569', ...fields })

    const first = await send({ type: 'car_dealer', province: '' })
    assert.equal(first.statusCode, 303)
    assert.equal(first.headers.location, '/staff/filing?cycle=2569&type=car_dealer')
    assert.deepEqual(await mailsTo(), ['b-admin@example.com'])
    const after1 = html(await staff.get(String(first.headers.location)))
    assert.match(after1('.notification-banner, [role=alert]').text(), /ส่งแจ้งเตือนถึง 1 กิจการแล้ว \(1 อีเมล\) ข้าม 0 กิจการ.*และ 1 กิจการที่ไม่มีผู้ดูแลบัญชี/)

    await send({ type: '', province: '' })
    assert.deepEqual(await mailsTo(), ['b-admin@example.com', 'd-admin@example.com', 'f-admin@example.com'])
    const page = html(await staff.get('/staff/filing?cycle=2569'))
    assert.match(page('main').text(), /ส่งแจ้งเตือนถึง 2 กิจการแล้ว \(2 อีเมล\) ข้าม 1 กิจการ/)

    await send({})
    assert.equal((await mailsTo()).length, 3, 'a second batch the same day sends nothing new')
    assert.match(html(await staff.get('/staff/filing?cycle=2569'))('main').text(), /ส่งแจ้งเตือนถึง 0 กิจการแล้ว \(0 อีเมล\) ข้าม 3 กิจการ/)

    const [mail] = await db().select().from(outbox).where(and(eq(outbox.template, 'filing_reminder'), eq(outbox.toAddress, 'd-admin@example.com')))
    const payload = mail!.payload as { businessName: string; cycleCode: string; assessmentUrl: string }
    assert.match(payload.businessName, /ทองสำเพ็ง/)
    assert.match(payload.assessmentUrl, /\/portal\/assessments\/2569$/)

    // The next day (a new sign-in: the first session would have timed out by then).
    t.clock.set('2026-11-30T03:00:00Z')
    const sup2 = await makeUser(db(), { role: 'supervisor', username: 'sup2' })
    const nextDay = new Client(t.app)
    assert.equal((await signInWithCode(t, nextDay, 'sup2', await enrolDirectly(t, sup2))).statusCode, 303)
    assert.equal((await nextDay.submit('/staff/filing?cycle=2569', '/staff/filing/reminders', { cycle: '2569' })).statusCode, 303)
    assert.equal((await mailsTo()).length, 6, 'the next day they are reminded again')
    t.clock.set('2026-11-29T03:00:00Z')

    const audits = await db().select().from(auditLog).where(eq(auditLog.action, 'filing.reminders_sent'))
    assert.deepEqual(
      audits.map((a) => [(a.payload as { sent: number }).sent, (a.payload as { skipped: number }).skipped]),
      [
        [1, 0],
        [2, 1],
        [0, 3],
        [3, 0],
      ],
    )
    const listed = html(await staff.get('/staff/filing?cycle=2569&type=car_dealer'))
    assert.doesNotMatch(listed(`#non-filers tr:has(a[href="/staff/businesses/${f.B.id}"])`).text(), /ยังไม่เคยแจ้งเตือน/)
    assert.match(listed(`#non-filers tr:has(a[href="/staff/businesses/${f.C.id}"])`).text(), /ยังไม่เคยแจ้งเตือน/)
    assert.equal(listed(`#non-filers tr:has(a[href="/staff/businesses/${f.B.id}"]) td.numeric`).text(), '1', 'active entity administrators only')
    assert.equal(listed(`#non-filers tr:has(a[href="/staff/businesses/${f.C.id}"]) td.numeric`).text(), '0')
  })
})

describe('dashboard', () => {
  test('tables match the fixture; each chart is an accessible SVG beside its table', async () => {
    const res = await staff.get('/staff/dashboard?cycle=2569')
    assert.equal(res.statusCode, 200)
    const $ = html(res)
    assert.match($('#filing-stats').text(), /2 จาก 6/)
    assert.match($('#filing-stats').text(), /เหลืออีก 122 วัน/)
    assert.equal($('#table-filing tr').eq(0).find('td').text(), '2')

    const scores = await db().select({ entityId: riskScores.entityId, band: riskScores.residualBand, flags: riskScores.flagCodes }).from(riskScores).where(eq(riskScores.isCurrent, true))
    const bandA = scores.find((s) => s.entityId === f.A.id)!.band
    const bucket = (table: string, key: string, b: string) => $(`#${table} tr[data-key="${key}"] td[data-bucket="${b}"]`).text()
    assert.equal(bucket('table-by-type', 'precious_goods', bandA), '1')
    assert.equal(bucket('table-by-type', 'car_dealer', 'high'), '1', 'the approved override is the rating in force')
    assert.equal($('#table-by-type tbody tr').length, 2)
    assert.equal(bucket('table-heatmap', 'เชียงใหม่', 'high'), '1')
    assert.equal(bucket('table-heatmap', 'กรุงเทพมหานคร', bandA), '1')
    assert.equal($('#table-heatmap tr[data-key="ภูเก็ต"]').length, 0)

    const expected = new Map<string, number>()
    for (const s of scores) for (const code of new Set(s.flags as string[])) expected.set(code, (expected.get(code) ?? 0) + 1)
    const shown = $('#table-flags tbody tr')
      .map((_, tr) => $(tr).find('td').text())
      .get()
      .filter((v) => v !== '')
    assert.deepEqual(shown.map(Number).sort(), [...expected.values()].sort())

    for (const id of ['chart-filing', 'chart-by-type', 'chart-heatmap', 'chart-flags']) {
      const svg = $(`#${id} svg`)
      assert.equal(svg.length, 1, id)
      assert.equal(svg.attr('role'), 'img')
      assert.ok(svg.attr('aria-label'))
      assert.equal($(`#${id} table`).length, 1, `${id} has its data table beside it`)
    }
    assert.ok(res.body.includes('<svg'))
    assert.match($('#chart-by-type svg').text(), /ผู้ประกอบอาชีพ/)
    assert.match($('#chart-by-type svg').text(), /รถยนต์/)
  })

  test('without a cycle code the current cycle is shown; English works', async () => {
    const $ = html(await staff.get('/staff/dashboard', { 'accept-language': 'en' }))
    assert.match($('h1').text(), /2569/)
  })
})

describe('business profile', () => {
  test('registry data, users without credentials, every cycle with receipts, ratings over time and the cases section', async () => {
    const res = await staff.get(`/staff/businesses/${f.A.id}`)
    assert.equal(res.statusCode, 200)
    const $ = html(res)
    assert.match($('h1').text(), /ทองคำเยาวราช/)
    assert.match($('#registry').text(), new RegExp(f.A.juristicId))
    assert.match($('#users').text(), /อารี ทองดี/)
    assert.match($('#users').text(), /ผู้ดูแลบัญชีของกิจการ/)
    assert.doesNotMatch(res.body, /argon2|password_hash|totp/i)
    const cycle = $('#cycles tr[data-cycle="2569"]')
    assert.match(cycle.text(), /2569-\d+/, 'the receipt reference is listed')
    assert.equal(cycle.find(`a[href="/staff/submissions/${assessmentA}"]`).length, 1)
    assert.equal($('#chart-ratings svg[role=img]').length, 1)
    assert.equal($('#ratings tbody tr').length, 1)
    assert.match($('#cases').text(), /ยังไม่มีคดีตรวจสอบ/)

    const notStarted = html(await staff.get(`/staff/businesses/${f.C.id}`))
    assert.match(notStarted('#cycles').text(), /ยังไม่เริ่ม/)
    assert.equal(notStarted('#chart-ratings').length, 0)
  })
})
