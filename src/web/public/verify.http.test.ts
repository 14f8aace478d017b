/**
 * GET /verify/:ref, the public receipt check behind the QR code: anyone, no session; it shows only
 * the receipt number, the business's registered name and the submission time; unknown and junk
 * numbers get "ไม่พบใบรับเลขที่นี้" (404); callers are rate-limited per IP.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { findCycleByCode, insertAssessmentIfAbsent, insertSubmission } from '#src/submissions/submissions.repo.ts'
import { makeEntity, makeUser } from '#tests/support/builders.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'
import { VERIFY_RATE_LIMIT } from './verify.routes.tsx'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())
beforeEach(async () => {
  await t.testDb.reset()
  await openCycle(t.deps, {
    actor: 'system',
    code: '2569',
    nameTh: 'รอบการประเมินปี 2569',
    nameEn: 'Cycle 2569',
    definitionVersion: 'v1',
    opensAt: new Date('2026-10-01T00:00:00Z'),
    deadline: new Date('2027-03-31T00:00:00Z'),
    periodStart: '2025-10-01',
    periodEnd: '2026-09-30',
  })
})

const db = () => t.deps.database.db
const HASH = 'cd'.repeat(32)
let ip = 0
/** Each test calls from its own address, so the rate limit of one does not touch another. */
const get = (url: string, headers: Record<string, string> = {}, remoteAddress = `10.0.0.${++ip}`) => t.app.inject({ method: 'GET', url, headers, remoteAddress })

async function submitted() {
  const entity = await makeEntity(db(), { nameTh: 'ทองดีเยาวราช', nameEn: 'Thongdee Yaowarat', juristicId: '0105536112014' })
  const user = await makeUser(db(), { username: 'thongdee', entityId: entity.id, role: 'entity_admin' })
  const cycle = (await findCycleByCode(db(), '2569'))!
  const assessment = (await insertAssessmentIfAbsent(db(), { entityId: entity.id, cycleId: cycle.id, now: t.clock.now() }))!
  await insertSubmission(db(), {
    assessmentId: assessment.id,
    entityId: entity.id,
    cycleId: cycle.id,
    version: 1,
    receiptRef: 'AMRAC-2569-000001',
    submittedAt: new Date('2026-11-29T03:32:00Z'),
    submittedBy: user.id,
    declarantName: 'นายสมชาย ทองดี',
    declarantPosition: 'กรรมการผู้จัดการ',
    definitionVersion: 'v1',
    snapshot: { cycleCode: '2569', answers: { A01: 'ความลับ' } },
    snapshotSha256: HASH,
    idempotencyKey: 'verify-1',
  })
}

describe('public receipt check /verify/:ref', () => {
  test('anyone sees the reference, the registered name and the time — nothing else', async () => {
    await submitted()
    const res = await get('/verify/AMRAC-2569-000001')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['cache-control'], 'no-store')
    const $ = html(res)
    assert.match($('h1').text(), /ใบรับนี้ออกโดยระบบ AMRAC/)
    assert.equal($('#verify-ref').text(), 'AMRAC-2569-000001')
    assert.equal($('#verify-business').text(), 'บริษัท ทองดีเยาวราช จำกัด')
    assert.equal($('#verify-time').text(), '29 พฤศจิกายน 2569 เวลา 10.32 น. (29/11/2026 10:32)')
    assert.equal($('.summary-list__row').length, 3)
    for (const secret of ['0105536112014', '0-10-5-536-11201-4', 'นายสมชาย ทองดี', 'กรรมการผู้จัดการ', HASH, 'ความลับ', 'รอบการประเมิน']) {
      assert.ok(!res.body.includes(secret), `the public page must not show ${secret}`)
    }
  })

  test('in English: the English registered name and date', async () => {
    await submitted()
    const res = await get('/verify/AMRAC-2569-000001', { cookie: 'amrac_lang=en', 'accept-language': 'en' })
    const $ = html(res)
    assert.equal($('html').attr('lang'), 'en')
    assert.match($('h1').text(), /AMRAC issued this receipt/)
    assert.equal($('#verify-business').text(), 'Thongdee Yaowarat Co., Ltd.')
    assert.equal($('#verify-time').text(), '29 November 2026 at 10:32 (29/11/2026 10:32)')
  })

  test('unknown and junk numbers: "ไม่พบใบรับเลขที่นี้" with 404', async () => {
    await submitted()
    for (const ref of ['AMRAC-2569-000002', 'AMRAC-2568-000001', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', "x'%20OR%201=1--", 'a'.repeat(150)]) {
      const res = await get(`/verify/${ref}`)
      assert.equal(res.statusCode, 404, ref)
      assert.match(html(res)('h1').text(), /ไม่พบใบรับเลขที่นี้/, ref)
      assert.ok(!res.body.includes('<script>alert'), 'nothing reflected unescaped')
    }
  })

  test(`more than ${VERIFY_RATE_LIMIT} checks a minute from one address are refused (429)`, async () => {
    await submitted()
    const statuses: number[] = []
    for (let i = 1; i <= VERIFY_RATE_LIMIT + 1; i++) statuses.push((await get(`/verify/AMRAC-2569-${String(i).padStart(6, '0')}`, {}, '10.9.9.9')).statusCode)
    assert.equal(statuses[0], 200)
    assert.ok(statuses.slice(1, VERIFY_RATE_LIMIT).every((s) => s === 404))
    assert.equal(statuses[VERIFY_RATE_LIMIT], 429)
    const refused = await get('/verify/AMRAC-2569-000001', {}, '10.9.9.9')
    assert.equal(refused.statusCode, 429)
    assert.ok(!refused.body.includes('ทองดีเยาวราช'), 'a refused check shows no receipt')
    // Another address is not affected.
    assert.equal((await get('/verify/AMRAC-2569-000001', {}, '10.9.9.10')).statusCode, 200)
  })
})
