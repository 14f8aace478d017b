/**
 * The read-only view of a submitted assessment lists its documents with name, type, size and upload
 * time (issue 4), from the submission's snapshot; snapshots made before the time was recorded still
 * show, with the time left blank.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'
import { eq } from 'drizzle-orm'
import type { Actor } from '#src/identity/permissions.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { submitAssessment, type SubmissionSnapshot } from '#src/submissions/submit-assessment.ts'
import { submissions } from '#src/submissions/submissions.tables.ts'
import { Client, makeEntity, makeUser } from '#tests/support/builders.ts'
import { fillCompleteAssessment } from '#tests/support/complete-assessment.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())
const db = () => t.deps.database.db
const VIEW = '/portal/assessments/2569/view'

beforeEach(async () => {
  await t.testDb.reset()
  t.clock.set('2026-11-29T03:00:00Z')
  await openCycle(t.deps, {
    actor: 'system',
    code: '2569',
    nameTh: 'รอบการประเมินปี 2569',
    nameEn: 'Assessment cycle 2569',
    definitionVersion: 'v1',
    opensAt: new Date('2026-10-01T00:00:00Z'),
    deadline: new Date('2027-03-31T00:00:00Z'),
    periodStart: '2025-10-01',
    periodEnd: '2026-09-30',
  })
})

async function submittedBusiness() {
  const entity = await makeEntity(db())
  const user = await makeUser(db(), { username: 'viewer', entityId: entity.id, role: 'entity_admin' })
  const actor: Actor & { kind: 'user'; entityId: string } = { kind: 'user', id: user.id, role: 'entity_admin', entityId: entity.id, displayName: 'สมชาย' }
  await fillCompleteAssessment(t.deps, actor) // attachments of 1,234 bytes uploaded at 10:00 Bangkok
  t.clock.set('2026-11-29T05:00:00Z')
  const result = await submitAssessment(t.deps, { actor, cycleCode: '2569', declarantName: 'นายสมชาย ทองดี', declarantPosition: 'กรรมการ', idempotencyKey: 'k-1' })
  assert.ok(result.ok)
  const client = new Client(t.app)
  await client.signIn('viewer')
  return { client, submission: result.submission }
}

const documentsTable = (res: Parameters<typeof html>[0]) => {
  const $ = html(res)
  const table = $('table').filter((_, el) => $(el).find('caption').text() === 'เอกสารที่แนบกับแบบประเมิน')
  const headers = table.find('thead th').map((_, th) => $(th).text().trim()).get()
  const rows = table.find('tbody tr').map((_, tr) => [$(tr).find('td').map((__, td) => $(td).text().trim()).get()]).get() as string[][]
  return { headers, rows }
}

test('each submitted document shows its size and upload time (dd/mm/yyyy HH:MM, Bangkok)', async () => {
  const { client, submission } = await submittedBusiness()
  const snapshot = submission.snapshot as SubmissionSnapshot
  assert.ok(snapshot.attachments.length > 0)
  assert.ok(snapshot.attachments.every((a) => a.uploadedAt === '2026-11-29T03:00:00.000Z'), 'new snapshots record the upload time')
  const res = await client.get(VIEW)
  assert.equal(res.statusCode, 200)
  const { headers, rows } = documentsTable(res)
  assert.deepEqual(headers, ['เอกสาร', 'ประเภท', 'ขนาด', 'วันเวลาที่แนบ'])
  assert.equal(rows.length, snapshot.attachments.length)
  for (const row of rows) {
    assert.equal(row[2], '1 KB')
    assert.equal(row[3], '29/11/2026 10:00')
  }
})

test('a snapshot from before upload times were recorded still shows, with the time as "—"', async () => {
  const { client, submission } = await submittedBusiness()
  const snapshot = submission.snapshot as SubmissionSnapshot
  const old = { ...snapshot, attachments: snapshot.attachments.map(({ uploadedAt: _dropped, ...rest }) => rest) }
  await db().update(submissions).set({ snapshot: old }).where(eq(submissions.id, submission.id))
  const res = await client.get(VIEW)
  assert.equal(res.statusCode, 200)
  const { rows } = documentsTable(res)
  assert.ok(rows.length > 0)
  assert.ok(rows.every((r) => r[2] === '1 KB' && r[3] === '—'))
})
