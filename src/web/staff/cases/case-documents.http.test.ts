/**
 * Documents staff attach to a case (เอกสารประกอบเรื่อง, issue 8): + เพิ่มเอกสาร on the case page
 * stores the file (type from content) with a title, lists it with who and when, puts it on the
 * timeline and in the audit log, and serves it back (audited). A refused file or a missing one
 * keeps the typed title and stores nothing; a repeated post stores one; another case's document is
 * not found; a business never reaches it.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import { caseDocuments } from '#src/cases/case-documents.tables.ts'
import { insertCases } from '#src/cases/cases.repo.ts'
import { Client, makeEntity, makeUser } from '#tests/support/builders.ts'
import { multipartBody, type MultipartEntry } from '#tests/support/multipart.ts'
import { HTML_PAGE, PDF_MIN } from '#tests/support/sample-files.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'
import { enrolDirectly, signInWithCode } from '#tests/support/totp.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())
const db = () => t.deps.database.db

let staff: Client
let examinerId: string

beforeEach(async () => {
  await t.testDb.reset()
  t.clock.set('2026-11-29T03:00:00Z')
  const user = await makeUser(db(), { role: 'examiner', username: 'examiner.docs', firstName: 'สมศรี', lastName: 'ตรวจดี' })
  examinerId = user.id
  const secret = await enrolDirectly(t, user)
  staff = new Client(t.app)
  assert.equal((await signInWithCode(t, staff, 'examiner.docs', secret)).statusCode, 303)
})

async function openCase() {
  const entity = await makeEntity(db(), { nameTh: 'ห้างทองเอกสาร' })
  const now = t.clock.now()
  const [c] = await insertCases(db(), [{ type: 'onsite_inspection', status: 'fieldwork', entityId: entity.id, statusChangedAt: now, openedAt: now, openedBy: examinerId, updatedAt: now }])
  return { entity, c: c! }
}

/** Posts the case page's document form the way a browser does (token and key from the page). */
async function attach(caseId: string, entries: readonly MultipartEntry[], opts: { idempotencyKey?: string } = {}) {
  const $ = html(await staff.get(`/staff/cases/${caseId}`))
  const csrf = $('form#case-document-form input[name="_csrf"]').attr('value')!
  const idem = opts.idempotencyKey ?? $('form#case-document-form input[name="idempotencyKey"]').attr('value')!
  const { payload, contentType } = multipartBody([['_csrf', csrf], ['idempotencyKey', idem], ...entries])
  return t.app.inject({ method: 'POST', url: `/staff/cases/${caseId}/documents`, payload, headers: { 'content-type': contentType, cookie: staff.jar.header() } })
}

describe('case documents', () => {
  test('an examiner attaches a PDF: listed with title, size, who and when; on the timeline; opened with its bytes; both audited', async () => {
    const { entity, c } = await openCase()
    const res = await attach(c.id, [
      ['title', 'กระดาษทำการการตรวจ ครั้งที่ 1'],
      ['file', { filename: 'กระดาษทำการ.pdf', content: PDF_MIN }],
    ])
    assert.equal(res.statusCode, 303, res.body.slice(0, 300))
    assert.equal(res.headers.location, `/staff/cases/${c.id}#case-documents`)

    const $ = html(await staff.get(`/staff/cases/${c.id}`))
    assert.match($('.banner').text(), /แนบเอกสาร “กระดาษทำการการตรวจ ครั้งที่ 1” แล้ว/)
    const row = $('#case-documents-table tbody tr')
    assert.equal(row.length, 1)
    assert.equal(row.find('td').eq(0).text(), 'กระดาษทำการการตรวจ ครั้งที่ 1')
    assert.match(row.find('td').eq(1).text(), /กระดาษทำการ\.pdf \(\d+ B\)/)
    assert.equal(row.find('td').eq(2).text(), 'สมศรี ตรวจดี')
    assert.equal(row.find('td').eq(3).text(), '29/11/2026 10:00')
    assert.match($('#timeline').text(), /แนบเอกสาร “กระดาษทำการการตรวจ ครั้งที่ 1”/)

    const href = row.find('a').attr('href')!
    const file = await staff.get(href)
    assert.equal(file.statusCode, 200)
    assert.deepEqual(file.rawPayload, PDF_MIN)
    assert.equal(file.headers['content-type'], 'application/pdf')
    assert.equal(file.headers['x-content-type-options'], 'nosniff')

    const audits = await db().select().from(auditLog).where(eq(auditLog.targetId, c.id))
    const byAction = (a: string) => audits.filter((r) => r.action === a)
    assert.equal(byAction('case.document_added').length, 1)
    assert.equal(byAction('case.document_added')[0]!.entityId, entity.id)
    assert.deepEqual(
      byAction('case.file_downloaded').map((r) => (r.payload as { source: string; fileName: string }).source + ' ' + (r.payload as { fileName: string }).fileName),
      ['case_document กระดาษทำการ.pdf'],
    )
  })

  test('without a title the file name serves; the same post twice stores one document', async () => {
    const { c } = await openCase()
    const entries: MultipartEntry[] = [['file', { filename: 'ภาพถ่ายหน้าร้าน.pdf', content: PDF_MIN }]]
    assert.equal((await attach(c.id, entries, { idempotencyKey: 'same-form' })).statusCode, 303)
    assert.equal((await attach(c.id, entries, { idempotencyKey: 'same-form' })).statusCode, 303)
    const rows = await db().select().from(caseDocuments).where(eq(caseDocuments.caseId, c.id))
    assert.deepEqual(rows.map((r) => r.title), ['ภาพถ่ายหน้าร้าน.pdf'])
  })

  test('a file that is not what it claims, or no file at all: the summary links to the file field, the title stays, nothing is stored', async () => {
    const { c } = await openCase()
    const lying = await attach(c.id, [
      ['title', 'หนังสือแจ้งผล'],
      ['file', { filename: 'หนังสือ.pdf', content: HTML_PAGE, contentType: 'application/pdf' }],
    ])
    assert.equal(lying.statusCode, 415)
    const $ = html(lying)
    assert.equal($('.error-summary a').attr('href'), '#documentFile')
    assert.match($('.error-summary').text(), /ไฟล์ที่เลือกต้องเป็นไฟล์ .*PDF.* เท่านั้น/)
    assert.equal($('#documentTitle').attr('value'), 'หนังสือแจ้งผล')
    assert.notEqual($('#documentFile-error').text(), '')

    const none = await attach(c.id, [['title', 'หนังสือแจ้งผล']])
    assert.equal(none.statusCode, 422)
    assert.match(html(none)('.error-summary').text(), /เลือกไฟล์ที่จะแนบ/)
    assert.equal(html(none)('#documentTitle').attr('value'), 'หนังสือแจ้งผล')
    assert.equal((await db().select().from(caseDocuments)).length, 0)
    assert.equal((await db().select().from(auditLog).where(and(eq(auditLog.action, 'case.document_added'), eq(auditLog.targetId, c.id)))).length, 0)
  })

  test('another case\'s document is not found; a business user reaches neither the document nor the form, and never sees it', async () => {
    const { entity, c } = await openCase()
    const other = await openCase()
    assert.equal((await attach(c.id, [['title', 'บันทึกภายใน'], ['file', { filename: 'บันทึก.pdf', content: PDF_MIN }]])).statusCode, 303)
    const [doc] = await db().select().from(caseDocuments).where(eq(caseDocuments.caseId, c.id))
    assert.equal((await staff.get(`/staff/cases/${other.c.id}/documents/${doc!.id}`)).statusCode, 404)
    assert.equal((await staff.get(`/staff/cases/${c.id}/documents/not-a-uuid`)).statusCode, 404)

    await makeUser(db(), { username: 'docs.owner', entityId: entity.id, role: 'entity_admin' })
    const owner = new Client(t.app)
    await owner.signIn('docs.owner')
    assert.ok([403, 404].includes((await owner.get(`/staff/cases/${c.id}/documents/${doc!.id}`)).statusCode))
    const home = await owner.get('/portal')
    assert.equal(home.statusCode, 200)
    assert.doesNotMatch(home.body, /บันทึกภายใน|บันทึก\.pdf/)
  })
})
