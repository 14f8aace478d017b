/**
 * The business's side of AMLO cases in the portal: the "คำขอข้อมูลและการแก้ไขจาก ปปง." section on
 * the home page (own open items only, due dates, overdue marks, never staff notes), answering a
 * request with a file, reporting a remediation action done with evidence (multipart, CSRF before
 * the file, error summary, 303), and another business's items answering 404.
 */
import assert from 'node:assert/strict'
import { beforeEach, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { addCaseNote } from '#src/cases/add-case-note.ts'
import { addRemediationAction } from '#src/cases/add-remediation-action.ts'
import type { CaseFile } from '#src/cases/case-tasks.repo.ts'
import { insertCases } from '#src/cases/cases.repo.ts'
import { cases, informationRequests, remediationActions } from '#src/cases/cases.tables.ts'
import { createInformationRequest } from '#src/cases/create-information-request.ts'
import { recordFinding } from '#src/cases/record-finding.ts'
import { makeUser, type Client } from '#tests/support/builders.ts'
import { signedInBusiness, type UserActor } from '#tests/support/case-fixtures.ts'
import type { MultipartEntry } from '#tests/support/multipart.ts'
import { multipartFormOf as formOf, postMultipart as postMultipartTo, storedFiles as storedFilesOf } from '#tests/support/portal-forms.ts'
import { HTML_PAGE, PDF_MIN } from '#tests/support/sample-files.ts'
import { html } from '#tests/support/test-app.ts'
import { useTestApp } from '#tests/support/use-test-app.ts'

const t = useTestApp({ clearFiles: true })
const { db } = t
let examiner: UserActor
let serial = 0
let keySeq = 0
const key = () => `h${++keySeq}`

beforeEach(async () => {
  const ex = await makeUser(db(), { role: 'examiner' })
  examiner = { kind: 'user', id: ex.id, role: 'examiner', entityId: null, displayName: 'ผู้ตรวจ' }
})

const business = () => signedInBusiness(t, `casebiz${++serial}`)

async function openCase(entityId: string, status: 'notified' | 'fieldwork' = 'notified') {
  const now = t.clock.now()
  const [c] = await insertCases(db(), [{ type: 'onsite_inspection', status, entityId, statusChangedAt: now, openedAt: now, openedBy: examiner.id, updatedAt: now }])
  return c!
}

async function requestFor(entityId: string, subject = 'ขอสำเนานโยบาย AML', dueOn = '2026-12-14') {
  const c = await openCase(entityId)
  const { requestId } = await createInformationRequest(t.deps, { actor: examiner, caseId: c.id, subject, body: 'โปรดส่งนโยบายฉบับที่คณะกรรมการอนุมัติ', dueOn, idempotencyKey: key() })
  return { caseId: c.id, requestId: requestId! }
}

async function actionFor(entityId: string) {
  const c = await openCase(entityId, 'fieldwork')
  const { finding } = await recordFinding(t.deps, { actor: examiner, caseId: c.id, controlArea: 'C4', severity: 'major', title: 'ไม่ตรวจรายชื่อบุคคลที่ถูกกำหนด', description: 'ก', legalBasis: 'มาตรา 20/1', requiredAction: 'ตรวจรายชื่อทุกราย', idempotencyKey: key() })
  await db().update(cases).set({ status: 'remediation' }).where(eq(cases.id, c.id))
  const { action } = await addRemediationAction(t.deps, { actor: examiner, findingId: finding!.id, description: 'ติดตั้งระบบตรวจรายชื่อ', ownerName: 'ผู้จัดการฝ่ายกำกับ', idempotencyKey: key() })
  return { caseId: c.id, actionId: action!.id }
}

const postMultipart = (client: Client, url: string, entries: readonly MultipartEntry[]) => postMultipartTo(t, client, url, entries)

const storedFiles = () => storedFilesOf(t.files)

describe('portal home: requests and remediation from AMLO', () => {
  test('lists the business\'s own open items with due dates and an overdue mark; no staff notes, nothing of other businesses', async () => {
    const { entity, client } = await business()
    const other = await business()
    const mine = await requestFor(entity.id)
    await requestFor(other.entity.id, 'คำขอของกิจการอื่น')
    await actionFor(entity.id)
    await addCaseNote(t.deps, { actor: examiner, caseId: mine.caseId, body: 'บันทึกภายในห้ามเปิดเผย', idempotencyKey: key() })
    // The request was due yesterday (dates are set directly: the use case refuses past dates); the action is due 2027-01-28.
    await db().update(informationRequests).set({ dueOn: '2026-11-28' }).where(eq(informationRequests.id, mine.requestId))
    const res = await client.get('/portal')
    assert.equal(res.statusCode, 200)
    const $ = html(res)
    assert.equal($('#case-tasks-heading').text(), 'คำขอข้อมูลและการแก้ไขจาก ปปง.')
    const req = $('#case-requests tbody tr')
    assert.equal(req.length, 1)
    assert.equal(req.find('a').attr('href'), `/portal/cases/requests/${mine.requestId}`)
    assert.match(req.text(), /28\/11\/2026/)
    assert.match(req.find('.tag--red').text(), /เกินกำหนด/)
    const act = $('#case-actions tbody tr')
    assert.equal(act.length, 1)
    assert.match(act.text(), /ติดตั้งระบบตรวจรายชื่อ/)
    assert.match(act.text(), /อีก \d+ วัน/)
    assert.doesNotMatch(res.body, /บันทึกภายในห้ามเปิดเผย|คำขอของกิจการอื่น/)
  })

  test('nothing to do: says so', async () => {
    const { client } = await business()
    const $ = html(await client.get('/portal'))
    assert.match($('#case-tasks').text(), /ไม่มีคำขอข้อมูลหรือรายการแก้ไข/)
  })
})

describe('answering an information request', () => {
  test('the answer with a PDF is stored, the page then shows it; 303 after the post', async () => {
    const { entity, client } = await business()
    const { requestId } = await requestFor(entity.id)
    const url = `/portal/cases/requests/${requestId}`
    const { $, csrf, idem } = await formOf(client, url, 'answer-form')
    assert.equal($('h1').text(), 'ขอสำเนานโยบาย AML')
    assert.equal($('#answer').attr('name'), 'answer')
    assert.equal($('input[type="file"][name="file"]').length, 5)
    const res = await postMultipart(client, url, [
      ['_csrf', csrf],
      ['idempotencyKey', idem],
      ['answer', 'แนบนโยบายฉบับปี 2569 ที่คณะกรรมการอนุมัติแล้ว'],
      ['file', { filename: 'นโยบาย.pdf', content: PDF_MIN, contentType: 'application/pdf' }],
      ['file', { filename: '', content: Buffer.alloc(0) }],
    ])
    assert.equal(res.statusCode, 303, res.body.slice(0, 400))
    assert.equal(res.headers.location, url)
    const [row] = await db().select().from(informationRequests).where(eq(informationRequests.id, requestId))
    const sent = row!.answerAttachments as CaseFile[]
    assert.deepEqual([row!.status, sent.map((f) => [f.displayName, f.mediaType])], ['answered', [['นโยบาย.pdf', 'application/pdf']]])
    assert.equal(storedFiles().length, 1)
    // The same form posted again (a double submit): answered like the first, its file not kept.
    const again = await postMultipart(client, url, [['_csrf', csrf], ['idempotencyKey', idem], ['answer', 'แนบนโยบายฉบับปี 2569 ที่คณะกรรมการอนุมัติแล้ว'], ['file', { filename: 'นโยบาย.pdf', content: PDF_MIN, contentType: 'application/pdf' }]])
    assert.equal(again.statusCode, 303)
    assert.equal(storedFiles().length, 1, 'the retry\'s file is removed')
    assert.equal(((await db().select().from(informationRequests).where(eq(informationRequests.id, requestId)))[0]!.answerAttachments as CaseFile[])[0]!.fileKey, sent[0]!.fileKey)
    const after = html(await client.get(url))
    assert.equal(after('form#answer-form').length, 0)
    assert.match(after('#your-answer').text(), /ที่คณะกรรมการอนุมัติแล้ว/)
    assert.match(after('#sent-files').text(), /นโยบาย\.pdf/)
    const download = await client.get(`${url}/files/0`)
    assert.equal(download.statusCode, 200)
    assert.equal(download.headers['content-type'], 'application/pdf')
    assert.deepEqual(download.rawPayload, PDF_MIN)
    assert.equal((await client.get(`${url}/files/1`)).statusCode, 404)
    const intruder = await business()
    assert.equal((await intruder.client.get(`${url}/files/0`)).statusCode, 404)
    assert.match(after('.notification-banner, [role="alert"], [role="region"]').text(), /ส่งคำตอบแล้ว|ตอบคำขอนี้แล้ว/)
  })

  test('an empty answer or a file of the wrong kind: 4xx with the error summary, nothing stored', async () => {
    const { entity, client } = await business()
    const { requestId } = await requestFor(entity.id)
    const url = `/portal/cases/requests/${requestId}`
    const { csrf, idem } = await formOf(client, url, 'answer-form')
    const empty = await postMultipart(client, url, [['_csrf', csrf], ['idempotencyKey', idem], ['answer', '  '], ['file', { filename: 'a.pdf', content: PDF_MIN }]])
    assert.equal(empty.statusCode, 422)
    const $ = html(empty)
    assert.deepEqual($('[data-error-summary] a').map((_, a) => $(a).attr('href')).get(), ['#answer'])
    assert.equal($('#answer').attr('aria-invalid'), 'true')
    assert.match($('title').text(), /^ข้อผิดพลาด:/)
    const wrong = await postMultipart(client, url, [['_csrf', csrf], ['idempotencyKey', idem], ['answer', 'ตอบ'], ['file', { filename: 'page.pdf', content: HTML_PAGE }]])
    assert.equal(wrong.statusCode, 415, wrong.body.slice(0, 2000))
    assert.deepEqual(html(wrong)('[data-error-summary] a').map((_, a) => html(wrong)(a).attr('href')).get(), ['#file'])
    assert.equal(html(wrong)('#answer').text(), 'ตอบ')
    assert.deepEqual(storedFiles(), [])
    const [row] = await db().select().from(informationRequests).where(eq(informationRequests.id, requestId))
    assert.equal(row!.status, 'open')
  })

  test('another business\'s request is 404 for the page and the post; no CSRF token is 403; nothing stored', async () => {
    const { entity } = await business()
    const intruder = await business()
    const { requestId } = await requestFor(entity.id)
    const url = `/portal/cases/requests/${requestId}`
    assert.equal((await intruder.client.get(url)).statusCode, 404)
    const csrf = html(await intruder.client.get('/portal'))('input[name="_csrf"]').attr('value') ?? ''
    const post = await postMultipart(intruder.client, url, [['_csrf', csrf], ['idempotencyKey', 'x1'], ['answer', 'ตอบแทน'], ['file', { filename: 'a.pdf', content: PDF_MIN }]])
    assert.equal(post.statusCode, 404)
    const noToken = await postMultipart(intruder.client, url, [['answer', 'ตอบแทน'], ['file', { filename: 'a.pdf', content: PDF_MIN }]])
    assert.equal(noToken.statusCode, 403)
    assert.equal((await intruder.client.get('/portal/cases/requests/not-a-uuid')).statusCode, 404)
    assert.deepEqual(storedFiles(), [])
    const [row] = await db().select().from(informationRequests).where(eq(informationRequests.id, requestId))
    assert.equal(row!.status, 'open')
  })
})

describe('reporting a remediation action done', () => {
  test('evidence is required; with a file it is reported done (303) and the page says AMLO is checking', async () => {
    const { entity, client } = await business()
    const { actionId } = await actionFor(entity.id)
    const url = `/portal/cases/actions/${actionId}`
    const { $, csrf, idem } = await formOf(client, url, 'done-form')
    assert.equal($('h1').text(), 'ติดตั้งระบบตรวจรายชื่อ')
    assert.match($('dl').text(), /มาตรา 20\/1/)
    const none = await postMultipart(client, url, [['_csrf', csrf], ['idempotencyKey', idem], ['note', 'ทำแล้ว']])
    assert.equal(none.statusCode, 422)
    assert.deepEqual(html(none)('[data-error-summary] a').map((_, a) => html(none)(a).attr('href')).get(), ['#file'])
    assert.equal(html(none)('#note').text(), 'ทำแล้ว')
    const done = await postMultipart(client, url, [['_csrf', csrf], ['idempotencyKey', idem], ['note', 'ติดตั้งแล้ว'], ['file', { filename: 'ภาพหน้าจอ.pdf', content: PDF_MIN }]])
    assert.equal(done.statusCode, 303, done.body.slice(0, 300))
    const [row] = await db().select().from(remediationActions).where(eq(remediationActions.id, actionId))
    assert.deepEqual([row!.status, row!.doneNote, (row!.evidence as CaseFile[]).length], ['done_by_business', 'ติดตั้งแล้ว', 1])
    const after = html(await client.get(url))
    assert.equal(after('form#done-form').length, 0)
    assert.match(after('#action-status').text(), /กิจการแจ้งว่าแก้ไขแล้ว/)
    // Off the home page's list now.
    assert.equal(html(await client.get('/portal'))('#case-actions').length, 0)
  })

  test('another business\'s action is 404', async () => {
    const { entity } = await business()
    const intruder = await business()
    const { actionId } = await actionFor(entity.id)
    assert.equal((await intruder.client.get(`/portal/cases/actions/${actionId}`)).statusCode, 404)
  })
})
