/**
 * The supervision plan page (issue 8): propose from the ratings with capacities, adjust a proposed
 * plan (examiner, remove, add a business), approve with confirmation — which opens the cases that
 * then show in the inbox. An examiner proposes but neither adjusts nor approves.
 */
import assert from 'node:assert/strict'
import { beforeEach, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import { cases, supervisionPlanItems } from '#src/cases/cases.tables.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { goldShopAnswersV1 } from '#tests/fixtures/questionnaires/v1-gold-shop.ts'
import { workedExampleAnswersV1 } from '#tests/fixtures/scoring/v1-worked-example.ts'
import { csrfOf, makeEntity, makeUser } from '#tests/support/builders.ts'
import { submitCompleteAssessment } from '#tests/support/complete-assessment.ts'
import { staffClient } from '#tests/support/staff-client.ts'
import { html } from '#tests/support/test-app.ts'
import { useTestApp } from '#tests/support/use-test-app.ts'

const t = useTestApp()
const { db } = t

beforeEach(async () => {
  await openCycle(t.deps, { actor: 'system', code: '2569', nameTh: 'รอบการประเมินปี 2569', nameEn: 'Cycle 2569', definitionVersion: 'v1', opensAt: new Date('2026-10-01T00:00:00Z'), deadline: new Date('2027-03-31T00:00:00Z'), periodStart: '2025-10-01', periodEnd: '2026-09-30' })
})

async function business(nameTh: string, answers: Record<string, unknown>) {
  const entity = await makeEntity(db(), { nameTh })
  const user = await makeUser(db(), { entityId: entity.id, role: 'entity_admin' })
  const actor: Actor = { kind: 'user', id: user.id, role: 'entity_admin', entityId: entity.id, displayName: 'ผู้ประกอบการ' }
  await submitCompleteAssessment(t.deps, actor as Extract<Actor, { kind: 'user' }> & { entityId: string }, answers)
  return entity
}

/** The capacity field of an examiner on the propose form, by name. */
function capacityField($: ReturnType<typeof html>, firstName: string): string {
  const label = $('#propose-form label').filter((_, el) => $(el).text().includes(firstName)).first()
  return label.attr('for')!
}

test('propose → adjust → approve opens the cases, which then show in the inbox', async () => {
  const gold = await business('ข ห้างทอง', goldShopAnswersV1)
  const example = await business('ก ห้างทอง', workedExampleAnswersV1)
  const { client: exam, user: examiner } = await staffClient(t, 'examiner', 'pl-exam')
  const { client: sup, user: supervisor } = await staffClient(t, 'supervisor', 'pl-sup')

  // An examiner proposes the plan (capacity 3 for themself).
  const page = await exam.get('/staff/plans')
  assert.equal(page.statusCode, 200)
  const $ = html(page)
  assert.match($('body').text(), /รอบนี้ยังไม่มีแผน/)
  const field = capacityField($, 'pl-exam')
  const fields: Record<string, string> = { _csrf: csrfOf(page), idempotencyKey: $('#propose-form input[name=idempotencyKey]').val() as string, cycle: '2569' }
  $('#propose-form input[name^=examiner_]').each((_, el) => {
    fields[$(el).attr('name')!] = $(el).val() as string
  })
  fields[field] = '3'
  const proposed = await exam.post('/staff/plans/propose', fields)
  assert.equal(proposed.statusCode, 303)
  const planUrl = proposed.headers.location as string
  assert.match(planUrl, /^\/staff\/plans\?cycle=2569&plan=/)
  const shown = html(await exam.get(planUrl))
  assert.match(shown('#plan-summary').text(), /อยู่ในแผน 3 รายการ เกินกำลังคน 1 รายการ/)
  assert.equal(shown('#capacity tbody tr').text().replace(/\s+/g, ' ').includes('pl-exam'), true)
  assert.equal(shown('#approve-form').length, 0, 'an examiner does not approve')
  assert.equal(shown('form[id^=item-]').length, 0, 'nor adjust')
  const planId = new URL(planUrl, 'http://x').searchParams.get('plan')!

  // The supervisor gives the over-capacity item to themself, removes one item, adds nothing twice.
  const sp = await sup.get(planUrl)
  const s$ = html(sp)
  const overId = s$('#over-capacity tr[data-item]').attr('data-item')!
  const overType = (await db().select({ ty: supervisionPlanItems.caseType }).from(supervisionPlanItems).where(eq(supervisionPlanItems.id, overId)))[0]!.ty
  const moved = await sup.post(`/staff/plans/${planId}/items/${overId}`, { _csrf: csrfOf(sp), op: 'update', caseType: overType, assignee: supervisor.id, dueMonth: '2027-09' })
  assert.equal(moved.statusCode, 303)
  const items = await db().select().from(supervisionPlanItems).where(eq(supervisionPlanItems.planId, planId))
  const movedRow = items.find((i) => i.id === overId)!
  assert.deepEqual([movedRow.status, movedRow.assigneeUserId, movedRow.dueOn], ['planned', supervisor.id, '2027-09-30'])
  const removeId = items.find((i) => i.id !== overId && i.entityId === gold.id)!.id
  assert.equal((await sup.post(`/staff/plans/${planId}/items/${removeId}`, { _csrf: csrfOf(sp), op: 'remove' })).statusCode, 303)
  const badMonth = await sup.post(`/staff/plans/${planId}/items/${overId}`, { _csrf: csrfOf(sp), op: 'update', caseType: overType, assignee: '', dueMonth: '2020-01' })
  assert.equal(badMonth.statusCode, 422)
  assert.equal(html(badMonth)('.error-summary a').attr('href'), `#item-${overId}-type`)
  const dup = await sup.post(`/staff/plans/${planId}/items`, { _csrf: csrfOf(sp), juristicId: example.juristicId, caseType: 'desk_review', assignee: examiner.id, dueMonth: '2027-05' })
  assert.equal(dup.statusCode, 422, 'the business already has a desk review in the plan')
  assert.match(html(dup)('.error-summary').text(), /มีเรื่องประเภทนี้ในแผนแล้ว/)

  // Approving needs the confirmation; then it opens one case per planned item.
  const noConfirm = await sup.post(`/staff/plans/${planId}/approve`, { _csrf: csrfOf(sp), idempotencyKey: 'ap-1' })
  assert.equal(noConfirm.statusCode, 422)
  assert.equal(html(noConfirm)('.error-summary a').attr('href'), '#confirm')
  assert.equal((await db().select().from(cases)).length, 0)
  const approved = await sup.post(`/staff/plans/${planId}/approve`, { _csrf: csrfOf(sp), idempotencyKey: 'ap-1', confirm: 'yes' })
  assert.equal(approved.statusCode, 303)
  const after1 = html(await sup.get(approved.headers.location as string))
  assert.match(after1('.banner__content').text(), /อนุมัติแผนแล้ว เปิดเรื่อง 3 เรื่อง/)
  assert.equal(after1('#approve-form').length, 0)
  const opened = await db().select().from(cases)
  assert.equal(opened.length, 3)
  assert.ok(opened.every((c) => c.status === 'planned'))
  const actions = (await db().select({ a: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, planId))).map((r) => r.a).sort()
  assert.deepEqual(actions, ['plan.adjusted', 'plan.adjusted', 'plan.approved', 'plan.proposed'])

  // The examiner's inbox now lists their planned cases.
  const inbox = html(await exam.get('/staff/cases'))
  assert.equal(inbox('#cases tbody tr[data-case]').length, opened.filter((c) => c.assigneeUserId === examiner.id).length)
  const supInbox = html(await sup.get('/staff/cases'))
  assert.equal(supInbox('#cases tbody tr[data-case]').length, 1)
})

test('an examiner cannot approve or adjust a plan', async () => {
  const { client } = await staffClient(t, 'examiner', 'pl-exam2')
  const page = await client.get('/staff/plans')
  const res = await client.post('/staff/plans/00000000-0000-4000-8000-000000000000/approve', { _csrf: csrfOf(page), confirm: 'yes' })
  assert.equal(res.statusCode, 403)
  const adj = await client.post('/staff/plans/00000000-0000-4000-8000-000000000000/items', { _csrf: csrfOf(page), juristicId: '0105561234567' })
  assert.equal(adj.statusCode, 403)
})
