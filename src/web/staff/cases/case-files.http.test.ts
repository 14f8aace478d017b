/**
 * Staff download the files a business sent on a case (issue 8): the business answers an information
 * request and reports a remediation action done through the portal; the staff case page lists each
 * file with its size and a link; the link serves the exact bytes under the Thai display name, with
 * the right type (PDFs inline, Word as an attachment), nosniff, and one audit row per download.
 * A request or action of another case is 404; a business user is refused.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { beforeEach, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { addRemediationAction } from '#src/cases/add-remediation-action.ts'
import { insertCases } from '#src/cases/cases.repo.ts'
import { cases } from '#src/cases/cases.tables.ts'
import { auditLog } from '#src/audit/audit.tables.ts'
import { createInformationRequest } from '#src/cases/create-information-request.ts'
import { recordFinding } from '#src/cases/record-finding.ts'
import type { Client } from '#tests/support/builders.ts'
import { signedInBusiness, type UserActor } from '#tests/support/case-fixtures.ts'
import type { MultipartEntry } from '#tests/support/multipart.ts'
import { postMultipart } from '#tests/support/portal-forms.ts'
import { DOCX_MIN, PDF_MIN, PNG_1X1 } from '#tests/support/sample-files.ts'
import { staffClient } from '#tests/support/staff-client.ts'
import { html } from '#tests/support/test-app.ts'
import { useTestApp } from '#tests/support/use-test-app.ts'

const t = useTestApp()
const { db } = t

let examiner: UserActor
let staff: Client
let serial = 0
const key = () => `files-${++serial}`

beforeEach(async () => {
  const signedIn = await staffClient(t, 'examiner', 'examiner.files', { firstName: 'สมศรี', lastName: 'ตรวจดี' })
  examiner = { kind: 'user', id: signedIn.user.id, role: 'examiner', entityId: null, displayName: 'สมศรี ตรวจดี' }
  staff = signedIn.client
})

const business = () => signedInBusiness(t, `filesbiz${++serial}`)

async function openCase(entityId: string, status: 'notified' | 'fieldwork' = 'notified') {
  const now = t.clock.now()
  const [c] = await insertCases(db(), [{ type: 'onsite_inspection', status, entityId, statusChangedAt: now, openedAt: now, openedBy: examiner.id, updatedAt: now }])
  return c!
}

/** Posts the business's multipart form the way its browser does (token and key from the page). */
async function sendAsBusiness(client: Client, url: string, formId: string, entries: readonly MultipartEntry[]) {
  const $ = html(await client.get(url))
  const csrf = $(`form#${formId} input[name="_csrf"]`).attr('value')!
  const idem = $(`form#${formId} input[name="idempotencyKey"]`).attr('value')!
  const res = await postMultipart(t, client, url, [['_csrf', csrf], ['idempotencyKey', idem], ...entries])
  assert.equal(res.statusCode, 303, res.body.slice(0, 400))
}

async function answeredRequest() {
  const biz = await business()
  const c = await openCase(biz.entity.id)
  const { requestId } = await createInformationRequest(t.deps, { actor: examiner, caseId: c.id, subject: 'ขอสำเนานโยบาย AML', body: 'โปรดส่งนโยบายฉบับล่าสุด', dueOn: '2026-12-14', idempotencyKey: key() })
  await sendAsBusiness(biz.client, `/portal/cases/requests/${requestId!}`, 'answer-form', [
    ['answer', 'แนบนโยบายและแบบฟอร์มแล้ว'],
    ['file', { filename: 'นโยบายการป้องกันการฟอกเงิน.pdf', content: PDF_MIN }],
    ['file', { filename: 'แบบฟอร์ม KYC.docx', content: DOCX_MIN }],
  ])
  return { ...biz, caseId: c.id, requestId: requestId! }
}

const downloads = () => db().select().from(auditLog).where(eq(auditLog.action, 'case.file_downloaded'))

describe('staff download the files a business sent', () => {
  test('the case page lists the answer\'s files; each link serves the uploaded bytes under its Thai name, audited', async () => {
    const { entity, caseId, requestId } = await answeredRequest()
    const page = await staff.get(`/staff/cases/${caseId}`)
    assert.equal(page.statusCode, 200)
    const $ = html(page)
    const items = $(`#request-files-${requestId} li`)
    assert.equal(items.length, 2)
    assert.match(items.eq(0).text(), /นโยบายการป้องกันการฟอกเงิน\.pdf \(PDF, \d+ B\)/)
    assert.match(items.eq(1).text(), /แบบฟอร์ม KYC\.docx \(Word, \d+ K?B\)/)
    assert.match($(`#request-files-${requestId}`).text(), /ไฟล์ที่แนบมากับคำตอบ/)

    const pdfHref = items.eq(0).find('a').attr('href')!
    assert.equal(pdfHref, `/staff/cases/${caseId}/requests/${requestId}/files/0`)
    const pdf = await staff.get(pdfHref)
    assert.equal(pdf.statusCode, 200)
    assert.deepEqual(pdf.rawPayload, PDF_MIN)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    assert.equal(pdf.headers['x-content-type-options'], 'nosniff')
    assert.equal(pdf.headers['cache-control'], 'private, no-store')
    assert.equal(pdf.headers['content-disposition'], `inline; filename="_.pdf"; filename*=UTF-8''${encodeURIComponent('นโยบายการป้องกันการฟอกเงิน.pdf')}`)

    const docx = await staff.get(items.eq(1).find('a').attr('href')!)
    assert.equal(docx.statusCode, 200)
    assert.deepEqual(docx.rawPayload, DOCX_MIN)
    assert.equal(docx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    assert.match(String(docx.headers['content-disposition']), /^attachment; filename="_ KYC\.docx"; filename\*=UTF-8''/)
    assert.match(String(docx.headers['content-security-policy']), /sandbox/)

    const rows = await downloads()
    assert.equal(rows.length, 2)
    assert.deepEqual(
      rows.map((r) => [r.actorUserId, r.targetType, r.targetId, r.entityId, (r.payload as { fileName: string }).fileName]).sort((a, b) => String(a[4]).localeCompare(String(b[4]))),
      [
        [examiner.id, 'case', caseId, entity.id, 'นโยบายการป้องกันการฟอกเงิน.pdf'],
        [examiner.id, 'case', caseId, entity.id, 'แบบฟอร์ม KYC.docx'],
      ].sort((a, b) => String(a[4]).localeCompare(String(b[4]))),
    )
  })

  test('remediation evidence: listed under the action and served inline (an image)', async () => {
    const biz = await business()
    const c = await openCase(biz.entity.id, 'fieldwork')
    const { finding } = await recordFinding(t.deps, { actor: examiner, caseId: c.id, controlArea: 'C4', severity: 'major', title: 'ไม่ตรวจรายชื่อบุคคลที่ถูกกำหนด', description: 'ก', legalBasis: 'มาตรา 20/1', requiredAction: 'ตรวจรายชื่อทุกราย', idempotencyKey: key() })
    await db().update(cases).set({ status: 'remediation' }).where(eq(cases.id, c.id))
    const { action } = await addRemediationAction(t.deps, { actor: examiner, findingId: finding!.id, description: 'ติดตั้งระบบตรวจรายชื่อ', ownerName: 'ผู้จัดการฝ่ายกำกับ', idempotencyKey: key() })
    await sendAsBusiness(biz.client, `/portal/cases/actions/${action!.id}`, 'done-form', [['note', 'ติดตั้งแล้ว'], ['file', { filename: 'ภาพหน้าจอระบบ.png', content: PNG_1X1 }]])

    const $ = html(await staff.get(`/staff/cases/${c.id}`))
    const link = $(`#evidence-files-${action!.id} a`)
    assert.equal(link.text(), 'ภาพหน้าจอระบบ.png')
    assert.match($(`#evidence-files-${action!.id}`).text(), /ไฟล์หลักฐาน[\s\S]*\(PNG, \d+ B\)/)
    const res = await staff.get(link.attr('href')!)
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.rawPayload, PNG_1X1)
    assert.equal(res.headers['content-type'], 'image/png')
    assert.match(String(res.headers['content-disposition']), /^inline; /)
    const [row] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'case.file_downloaded'), eq(auditLog.targetId, c.id)))
    // The digest of the bytes the business uploaded, recorded with the download.
    assert.deepEqual(row?.payload, { action: 'case.file_downloaded', caseId: c.id, source: 'remediation_evidence', itemId: action!.id, index: 0, fileName: 'ภาพหน้าจอระบบ.png', sha256: createHash('sha256').update(PNG_1X1).digest('hex') })
  })

  test('a request of another case, an action id as a request, or a missing index: 404 and nothing on record', async () => {
    const { caseId, requestId, entity } = await answeredRequest()
    const otherCase = await openCase(entity.id)
    assert.equal((await staff.get(`/staff/cases/${otherCase.id}/requests/${requestId}/files/0`)).statusCode, 404)
    assert.equal((await staff.get(`/staff/cases/${caseId}/remediation/${requestId}/files/0`)).statusCode, 404)
    assert.equal((await staff.get(`/staff/cases/${caseId}/requests/${requestId}/files/2`)).statusCode, 404)
    assert.equal((await staff.get(`/staff/cases/${caseId}/requests/${requestId}/files/x`)).statusCode, 404)
    assert.equal((await staff.get(`/staff/cases/${caseId}/requests/not-a-uuid/files/0`)).statusCode, 404)
    assert.equal((await downloads()).length, 0)
  })

  test('a business user — even the one that sent the file — is refused the staff route', async () => {
    const { client, caseId, requestId } = await answeredRequest()
    const res = await client.get(`/staff/cases/${caseId}/requests/${requestId}/files/0`)
    assert.equal(res.statusCode, 403)
    assert.notDeepEqual(res.rawPayload, PDF_MIN)
    assert.equal((await downloads()).length, 0)
  })
})
