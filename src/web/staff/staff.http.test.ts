/**
 * The staff workspace through the real pages: the queue (search, filters, export), the submission
 * view, and the review actions including four-eyes approval of a rating override and a return
 * that the business sees and is e-mailed about. Businesses never reach /staff.
 */
import assert from 'node:assert/strict'
import { beforeEach, describe, test } from 'node:test'
import type { Actor } from '#src/identity/permissions.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import { findCurrentScore } from '#src/review/risk-score.link.ts'
import { RATINGS } from '#src/review/review.model.ts'
import { findLatestSubmission } from '#src/submissions/submissions.repo.ts'
import { RATING_LABELS } from './staff-labels.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { submitAssessment } from '#src/submissions/submit-assessment.ts'
import { Client, makeEntity, makeUser } from '#tests/support/builders.ts'
import { fillCompleteAssessment } from '#tests/support/complete-assessment.ts'
import { staffClient } from '#tests/support/staff-client.ts'
import { html } from '#tests/support/test-app.ts'
import { lastMail } from '#tests/support/totp.ts'
import { useTestApp } from '#tests/support/use-test-app.ts'

const t = useTestApp()
const { db } = t

beforeEach(async () => {
  await openCycle(t.deps, { actor: 'system', code: '2569', nameTh: 'รอบการประเมินปี 2569', nameEn: 'Assessment cycle 2569', definitionVersion: 'v1', opensAt: new Date('2026-10-01T00:00:00Z'), deadline: new Date('2027-03-31T00:00:00Z'), periodStart: '2025-10-01', periodEnd: '2026-09-30' })
})

let serial = 0
async function submitted(nameTh: string, email = `owner${++serial}@example.com`) {
  const entity = await makeEntity(db(), { nameTh })
  const user = await makeUser(db(), { username: `owner${serial}`, email, entityId: entity.id, role: 'entity_admin' })
  const actor: Actor & { kind: 'user'; entityId: string } = { kind: 'user', id: user.id, role: 'entity_admin', entityId: entity.id, displayName: 'x' }
  const assessmentId = await fillCompleteAssessment(t.deps, actor)
  const r = await submitAssessment(t.deps, { actor, cycleCode: '2569', declarantName: 'นายสมชาย', declarantPosition: 'กรรมการ', idempotencyKey: `k${serial}` })
  assert.ok(r.ok)
  return { entity, user, assessmentId }
}


describe('queue', () => {
  test('lists submissions; search by name and juristic prefix; filters; CSV with BOM and neutralised cells; XLSX is a zip', async () => {
    const a = await submitted('ทองคำเยาวราช')
    await submitted('=HYPERLINK ทอง')
    const { client } = await staffClient(t, 'examiner', 'exam')
    const all = html(await client.get('/staff/submissions'))
    assert.equal(all('#queue tbody tr').length, 2)
    assert.match(all('#queue caption').text(), /เรียงตาม/)
    const byName = html(await client.get('/staff/submissions?q=เยาวราช'))
    assert.equal(byName('#queue tbody tr').length, 1)
    assert.match(byName('#queue tbody').text(), /ทองคำเยาวราช/)
    const byId = html(await client.get(`/staff/submissions?q=${a.entity.juristicId.slice(0, 13)}`))
    assert.equal(byId('#queue tbody tr').length, 1)
    assert.equal(html(await client.get('/staff/submissions?assignee=me'))('#queue tbody td.table__empty').length, 1)
    assert.equal(html(await client.get('/staff/submissions?status=accepted&sort=bogus&page=abc'))('#queue tbody td.table__empty').length, 1)
    const csv = await client.get('/staff/submissions/export.csv?sort=name&dir=asc')
    assert.equal(csv.statusCode, 200)
    assert.ok(csv.body.startsWith('\uFEFF'))
    assert.match(csv.body, /บริษัท ทองคำเยาวราช จำกัด,\d{13},/)
    assert.equal(csv.body.trim().split('\r\n').length, 3)
    const xlsx = await client.get('/staff/submissions/export.xlsx')
    assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK')
  })
})

describe('submission view and actions', () => {
  test('override needs another supervisor; the approved rating shows in view and queue; notes and assignment are recorded', async () => {
    const { assessmentId } = await submitted('ร้านทองสุข')
    const { client: examiner, user: ex } = await staffClient(t, 'examiner', 'exam')
    const { client: sup, user: supUser } = await staffClient(t, 'supervisor', 'sup')
    const page = `/staff/submissions/${assessmentId}`
    const view = html(await examiner.get(page))
    assert.match(view('h1').text(), /ร้านทองสุข/)
    assert.ok(view('.check-answers').length)
    assert.equal(view('#attachments tbody a').length, 4)

    const missing = await examiner.submit(page, `${page}/override`, { toRating: 'high', justification: '' })
    assert.equal(missing.statusCode, 422)
    assert.match(html(missing)('.error-summary').text(), /กรุณาระบุเหตุผล/)
    assert.equal((await examiner.submit(page, `${page}/override`, { toRating: 'high', justification: 'พบธุรกรรมเงินสดสูงผิดปกติ' })).statusCode, 303)
    const pending = html(await examiner.get(page))
    const action = pending('#overrides').length ? (await sup.get(page)).body.match(/action="([^"]+\/decide)"/)![1]! : ''
    assert.equal((await examiner.post(action, { _csrf: html(await examiner.get(page))('input[name=_csrf]').first().attr('value')!, decision: 'approved' })).statusCode, 403, 'an examiner cannot approve')

    // A supervisor who proposed cannot approve their own.
    const { assessmentId: other } = await submitted('ร้านทองดี')
    const otherPage = `/staff/submissions/${other}`
    await sup.submit(otherPage, `${otherPage}/override`, { toRating: 'low', justification: 'เหตุผล' })
    assert.equal(html(await sup.get(otherPage))('#decide-form').length, 0)

    assert.equal((await sup.submit(page, action, { decision: 'approved' })).statusCode, 303)
    assert.match(html(await sup.get(page))('#current-rating').text(), /สูง/)
    const queue = html(await sup.get('/staff/submissions?rating=high'))
    assert.equal(queue('#queue tbody tr').length, 1)

    assert.equal((await sup.submit(page, `${page}/assign`, { assignee: ex.id })).statusCode, 303)
    assert.equal(html(await examiner.get('/staff/submissions?assignee=me'))('#queue tbody tr').length, 1)
    assert.equal((await sup.submit(page, `${page}/notes`, { body: 'โทรสอบถามแล้ว' })).statusCode, 303)
    const after = html(await examiner.get(page))
    assert.match(after('#notes').text(), /โทรสอบถามแล้ว/)
    assert.match(after('#timeline').text(), /อนุมัติการปรับระดับความเสี่ยง/)
    assert.ok(supUser.id)
  })

  test('return for correction: the business sees the reasons and is e-mailed; accept', async () => {
    const { assessmentId, user } = await submitted('ร้านทองแก้ไข', 'biz@example.com')
    const { client } = await staffClient(t, 'examiner', 'exam')
    const page = `/staff/submissions/${assessmentId}`
    const empty = await client.submit(page, `${page}/return`, {})
    assert.equal(empty.statusCode, 422)
    const res = await client.submit(page, `${page}/return`, { 'parts.part-b': 'จำนวนพนักงานไม่ตรง', question1: 'B08_total', questionReason1: 'ตรวจสอบจำนวนพนักงาน' })
    assert.equal(res.statusCode, 303)
    const mail = await lastMail(db(), 'submission_returned', 'biz@example.com')
    assert.match((mail.payload as { assessmentUrl: string }).assessmentUrl, /\/portal\/assessments\/2569$/)
    const biz = new Client(t.app)
    await biz.signIn(user.username)
    const portal = html(await biz.get('/portal/assessments/2569'))
    assert.match(portal('main').text(), /ตรวจสอบจำนวนพนักงาน/)
    for (const url of ['/staff', '/staff/submissions', page, '/staff/submissions/export.csv']) assert.equal((await biz.get(url)).statusCode, 403, url)
  })
})

describe('risk scores in the workspace', () => {
  test('the queue shows the computed rating and flags; the view explains each factor in Thai and English; the rating filter and an approved override use the rating in force; a business sees none of it', async () => {
    const { assessmentId, entity, user } = await submitted('ร้านทองคะแนน')
    const latest = (await findLatestSubmission(db(), entity.id, assessmentId))!
    const score = (await findCurrentScore(db(), latest.id))!
    assert.ok(score, 'scored at submission')
    const th = createTranslator('th')
    const en = createTranslator('en')
    const { client: sup } = await staffClient(t, 'supervisor', 'sup')
    const { client: sup2 } = await staffClient(t, 'supervisor', 'sup2')

    const row = html(await sup.get('/staff/submissions'))('#queue tbody tr').first()
    assert.match(row.text(), new RegExp(th(RATING_LABELS[score.residual])))
    assert.match(row.text(), new RegExp(`\\b${score.flagsCount}\\b`))
    assert.equal(html(await sup.get(`/staff/submissions?rating=${score.residual}`))('#queue tbody tr').length, 1)
    const other = RATINGS.find((r) => r !== score.residual)!
    assert.equal(html(await sup.get(`/staff/submissions?rating=${other}`))('#queue tbody td.table__empty').length, 1)

    const page = `/staff/submissions/${assessmentId}`
    const view = html(await sup.get(page))
    const factor = score.factors.find((f) => f.lines.some((l) => l.messageKey && l.fieldIds?.length))!
    const reason = factor.lines.find((l) => l.messageKey && l.fieldIds?.length)!
    const section = view(`#score-${factor.code}`)
    assert.ok(section.find('summary').text().includes(th(factor.nameKey)))
    assert.ok(section.text().includes(th(reason.messageKey!, reason.params)), 'the Thai reason')
    const link = section.find('a[href^="#answer-"]').first().attr('href')!
    assert.equal(view(link).length, 1, 'a contribution links to its answer')
    assert.equal(view('#score-controls details').length, 8)
    assert.ok(view('#score-matrix').text().includes(th(RATING_LABELS[score.inherent])))

    await sup.get(`/language/en?next=${encodeURIComponent(page)}`)
    const english = html(await sup.get(page))
    assert.ok(english(`#score-${factor.code}`).text().includes(en(reason.messageKey!, reason.params)), 'the English reason')
    assert.ok(english(`#score-${factor.code} summary`).text().includes(en(factor.nameKey)))
    await sup.get(`/language/th?next=${encodeURIComponent(page)}`)

    // An approved override wins over the computed rating in the view, the queue and its filter.
    assert.equal((await sup.submit(page, `${page}/override`, { toRating: other, justification: 'ผลการตรวจพื้นที่' })).statusCode, 303)
    const decide = (await sup2.get(page)).body.match(/action="([^"]+\/decide)"/)![1]!
    assert.equal((await sup2.submit(page, decide, { decision: 'approved' })).statusCode, 303)
    assert.match(html(await sup.get(page))('#current-rating').text(), new RegExp(th(RATING_LABELS[other])))
    const overridden = html(await sup.get(`/staff/submissions?rating=${other}`))
    assert.equal(overridden('#queue tbody tr').length, 1)
    assert.match(overridden('#queue tbody tr').text(), /ปรับโดยเจ้าหน้าที่/)
    assert.equal(html(await sup.get(`/staff/submissions?rating=${score.residual}`))('#queue tbody td.table__empty').length, 1)

    // The business never sees scores, flags or their explanations.
    const biz = new Client(t.app)
    await biz.signIn(user.username)
    for (const url of ['/portal', '/portal/assessments/2569', '/portal/assessments/2569/view']) {
      const res = await biz.get(url)
      if (res.statusCode !== 200) continue
      const text = html(res)('main').text()
      assert.ok(!text.includes(th(reason.messageKey!, reason.params)), url)
      assert.ok(!text.includes(th('staff.score.heading')), url)
      assert.equal(html(res)('#score-factors, #score-flags').length, 0, url)
    }
    assert.equal((await biz.get(page)).statusCode, 403)
  })
})
