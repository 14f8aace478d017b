/**
 * Rescoring a cycle (issue 6): the preview writes nothing and lists the ratings that would change;
 * only a supervisor activates it, which is audited; a business never reaches it.
 */
import assert from 'node:assert/strict'
import { beforeEach, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { riskScores } from '#src/scoring/scoring.tables.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { submitAssessment } from '#src/submissions/submit-assessment.ts'
import { Client, makeEntity, makeUser } from '#tests/support/builders.ts'
import { fillCompleteAssessment } from '#tests/support/complete-assessment.ts'
import { staffClient } from '#tests/support/staff-client.ts'
import { html } from '#tests/support/test-app.ts'
import { useTestApp } from '#tests/support/use-test-app.ts'

const t = useTestApp()
const { db } = t

beforeEach(async () => {
  await openCycle(t.deps, { actor: 'system', code: '2569', nameTh: 'รอบการประเมินปี 2569', nameEn: 'Assessment cycle 2569', definitionVersion: 'v1', opensAt: new Date('2026-10-01T00:00:00Z'), deadline: new Date('2027-03-31T00:00:00Z'), periodStart: '2025-10-01', periodEnd: '2026-09-30' })
})

let serial = 0
async function submitted() {
  const entity = await makeEntity(db())
  const user = await makeUser(db(), { username: `rs-owner${++serial}`, entityId: entity.id, role: 'entity_admin' })
  const actor: Actor & { kind: 'user'; entityId: string } = { kind: 'user', id: user.id, role: 'entity_admin', entityId: entity.id, displayName: 'x' }
  await fillCompleteAssessment(t.deps, actor)
  assert.ok((await submitAssessment(t.deps, { actor, cycleCode: '2569', declarantName: 'นายสมชาย', declarantPosition: 'กรรมการ', idempotencyKey: `k${serial}` })).ok)
  return user
}

test('the preview counts the scored submissions and changes nothing; an examiner cannot activate', async () => {
  await submitted()
  await submitted()
  const before = await db().select().from(riskScores)
  const { client: examiner } = await staffClient(t, 'examiner', 'rs-exam')
  const page = html(await examiner.get('/staff/rescore?cycle=2569&ruleset=v1'))
  assert.equal(page('#rescore-summary').text(), 'คำนวณด้วยเกณฑ์ v1 ได้ 2 รายการ ระดับความเสี่ยงจะเปลี่ยน 0 รายการ')
  assert.match(page('table').text(), /ไม่มีระดับความเสี่ยงใดเปลี่ยน/)
  assert.equal(page('form[action="/staff/rescore"][method="post"]').length, 0, 'no activate button for an examiner')
  assert.equal((await db().select().from(riskScores)).length, before.length, 'a preview writes nothing')
  const csrf = html(await examiner.get('/staff/submissions'))('input[name=_csrf]').first().val() as string
  const refused = await examiner.post('/staff/rescore', { _csrf: csrf, cycle: '2569', ruleset: 'v1' })
  assert.equal(refused.statusCode, 403)
})

test('a supervisor activates: new current scores (old ones kept), one audit entry, a message', async () => {
  await submitted()
  const { client: supervisor } = await staffClient(t, 'supervisor', 'rs-super')
  const res = await supervisor.submit('/staff/rescore?cycle=2569&ruleset=v1', '/staff/rescore', { cycle: '2569', ruleset: 'v1' })
  assert.equal(res.statusCode, 303)
  const after = html(await supervisor.get(res.headers.location as string))
  assert.match(after('.banner--success').text(), /คำนวณใหม่ด้วยเกณฑ์ v1 แล้ว 1 รายการ ระดับเปลี่ยน 0 รายการ/)
  const scores = await db().select().from(riskScores)
  assert.equal(scores.length, 2, 'the first score is kept as history')
  assert.equal(scores.filter((s) => s.isCurrent).length, 1)
  assert.equal((await db().select().from(auditLog).where(eq(auditLog.action, 'risk.rescored'))).length, 1)
})

test('a business user cannot reach the rescore page', async () => {
  const owner = await submitted()
  const c = new Client(t.app)
  await c.signIn(owner.username)
  assert.equal((await c.get('/staff/rescore')).statusCode, 403)
})

test('the staff home links every staff page a supervisor may use, and each opens', async () => {
  const { client: supervisor } = await staffClient(t, 'supervisor', 'rs-home')
  const home = html(await supervisor.get('/staff'))
  const hrefs = home('#staff-links a').toArray().map((a) => home(a).attr('href')!)
  assert.deepEqual(hrefs, ['/staff/submissions', '/staff/dashboard', '/staff/filing', '/staff/rescore', '/staff/support', '/staff/extensions', '/staff/cases', '/staff/plans'])
  for (const href of hrefs) assert.equal((await supervisor.get(href)).statusCode, 200, href)
})
