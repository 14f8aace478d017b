/**
 * "+ เพิ่มเอกสาร": the upload page of a file question, the multipart upload (CSRF before the file,
 * type judged by content, size limit, cleaned names), the attachment landing in the stored draft
 * answer, the download with safe headers, tenant isolation, and refusals after submission.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, beforeEach, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import type { LightMyRequestResponse } from 'fastify'
import { DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '#src/documents/documents.model.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { findField } from '#src/questionnaire/engine/index.ts'
import { getAssessmentForActor } from '#src/submissions/get-assessment.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { definitionForVersion } from '#src/submissions/submissions.shared.ts'
import { loadPartAnswers, upsertPartAnswers } from '#src/submissions/submissions.repo.ts'
import { assessments, attachments } from '#src/submissions/submissions.tables.ts'
import { Client, makeEntity, makeUser } from '#tests/support/builders.ts'
import { multipartBody, type MultipartEntry } from '#tests/support/multipart.ts'
import { DOCX_MIN, HTML_PAGE, PDF_MIN, PNG_1X1 } from '#tests/support/sample-files.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'

let t: TestApp
before(async () => {
  // 1 MB keeps the over-size case cheap.
  t = await createTestApp({ env: { MAX_UPLOAD_MB: '1' } })
})
after(() => t.close())
beforeEach(async () => {
  await t.testDb.reset()
  for (const name of fs.readdirSync(t.files.root)) {
    const p = path.join(t.files.root, name)
    if (name === 'tmp') for (const f of fs.readdirSync(p)) fs.rmSync(path.join(p, f), { force: true })
    else fs.rmSync(p, { recursive: true, force: true })
  }
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
const def = definitionForVersion('v1')
const BASE = '/portal/assessments/2569'
const pageOf = (id: string) => findField(def, id)!.pageId
const newUrl = (part: string, field: string, page = pageOf(field.split('.')[0]!)) =>
  `${BASE}/documents/new?part=${part}&page=${page}&field=${encodeURIComponent(field)}`
const GIF_1X1 = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

let serial = 0
async function business() {
  const username = `upload${++serial}`
  const entity = await makeEntity(db())
  const user = await makeUser(db(), { username, entityId: entity.id, role: 'entity_admin' })
  const actor: Actor = { kind: 'user', id: user.id, role: 'entity_admin', entityId: entity.id, displayName: 'สมชาย' }
  const client = new Client(t.app)
  await client.signIn(username)
  const view = await getAssessmentForActor(t.deps, { actor, cycleCode: '2569' })
  return { entity, actor, client, assessmentId: view.assessmentId }
}

/** Opens the upload page (200) and returns its CSRF token. */
async function openPage(client: Client, url: string) {
  const res = await client.get(url)
  assert.equal(res.statusCode, 200, res.body.slice(0, 400))
  const token = html(res)('form#upload-form input[name="_csrf"]').attr('value')
  assert.ok(token)
  return { res, $: html(res), token }
}

/** What the browser posts: the token, the hidden target, the document type, then the file. */
function upload(client: Client, entries: readonly MultipartEntry[]) {
  const { payload, contentType } = multipartBody(entries)
  return t.app.inject({ method: 'POST', url: `${BASE}/documents`, payload, headers: { 'content-type': contentType, cookie: client.jar.header() } })
}
const form = (token: string, target: { part: string; page: string; field: string; documentType?: string }, file: MultipartEntry[1]): MultipartEntry[] => [
  ['_csrf', token],
  ['part', target.part],
  ['page', target.page],
  ['field', target.field],
  ...(target.documentType === undefined ? [] : ([['documentType', target.documentType]] as MultipartEntry[])),
  ['file', file],
]
const C1 = { part: 'part-c', page: pageOf('C1_1_evidence'), field: 'C1_1_evidence' }

const storedFiles = () =>
  fs
    .readdirSync(t.files.root, { recursive: true })
    .map(String)
    .filter((p) => fs.statSync(path.join(t.files.root, p)).isFile())
const partAnswers = async (b: { entity: { id: string }; assessmentId: string }, partId: string) => (await loadPartAnswers(db(), b.entity.id, b.assessmentId))[partId] ?? {}
const summaryLinks = (res: LightMyRequestResponse) => html(res)('[data-error-summary] a').map((_, a) => html(res)(a).attr('href')).get()
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

describe('GET /portal/assessments/:cycle/documents/new', () => {
  test("a single-type question: the question's label as heading, the part, accepted kinds and size, no type choice, a link back", async () => {
    const { client } = await business()
    const { $ } = await openPage(client, newUrl('part-c', 'C1_1_evidence'))
    assert.equal($('h1').text(), 'แนบนโยบาย')
    assert.match($('.caption-l').text(), /ส่วนที่ ค/)
    const f = $('form#upload-form')
    assert.equal(f.attr('method'), 'post')
    assert.equal(f.attr('enctype'), 'multipart/form-data')
    assert.equal(f.attr('action'), `${BASE}/documents`)
    assert.equal(f.find('input').first().attr('name'), '_csrf')
    assert.equal($('input[type="radio"]').length, 0)
    assert.equal($('input[name="documentType"]').val(), 'AML_POLICY')
    assert.match($('#documentType').text(), /นโยบายการป้องกันการฟอกเงิน/)
    assert.equal($('#file').attr('type'), 'file')
    assert.equal($('label[for="file"]').length, 1)
    const accept = String($('#file').attr('accept')).split(',')
    for (const kind of ['.pdf', '.docx', '.xlsx', DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE]) assert.ok(accept.includes(kind), kind)
    assert.match($('#file-hint').text(), /PDF, PNG, JPEG, DOCX หรือ XLSX ขนาดไม่เกิน 1 MB/)
    assert.equal($('a.link').filter((_, a) => $(a).text() === 'กลับไปที่คำถาม').attr('href'), `${BASE}/part-c/${C1.page}#C1_1_evidence`)
  })

  test('a question with several document types offers them as radios', async () => {
    const { client } = await business()
    const { $ } = await openPage(client, newUrl('part-a', 'A18'))
    assert.equal($('h1').text(), 'เอกสารแนบ')
    assert.equal($('input[type="radio"][name="documentType"]').length, 5)
    assert.equal($('input[type="radio"]:checked').length, 0)
    assert.equal($('legend').first().text().trim(), 'ประเภทเอกสาร')
  })

  test('a group cell: only for a stored row; the link back goes to the cell', async () => {
    const b = await business()
    const url = newUrl('part-a', 'A07.0.document')
    assert.equal((await b.client.get(url)).statusCode, 404)
    const stored = await partAnswers(b, 'part-a')
    await upsertPartAnswers(db(), { assessmentId: b.assessmentId, partId: 'part-a', answers: { ...stored, A07: [{ number: 'ก-1' }] }, now: t.clock.now(), userId: null })
    const { $ } = await openPage(b.client, url)
    assert.equal($('h1').text(), 'สำเนาใบอนุญาต')
    assert.equal($('a.link').last().attr('href'), `${BASE}/part-a/${pageOf('A07')}#A07-0-document`)
  })

  test('junk in the query, an unknown cycle, part, page or field: 404, never 500', async () => {
    const { client } = await business()
    const urls = [
      `${BASE}/documents/new`,
      `${BASE}/documents/new?part=part-c&page=1`,
      `${BASE}/documents/new?part=../../etc&page=1&field=C1_1_evidence`,
      `${BASE}/documents/new?part=part-c&page=1&field=C1_1_evidence&field=C1_2_evidence`,
      `${BASE}/documents/new?part[x]=1&page=1&field=A18`,
      `${BASE}/documents/new?part=part-c&page=9&field=C1_1_evidence`,
      `${BASE}/documents/new?part=part-a&page=1&field=C1_1_evidence`,
      `${BASE}/documents/new?part=part-c&page=1&field=C1_1`,
      `${BASE}/documents/new?part=part-c&page=1&field=%3Cscript%3E`,
      `${BASE}/documents/new?part=part-c&page=1&field=${'A'.repeat(5000)}`,
      `/portal/assessments/2599/documents/new?part=part-c&page=1&field=C1_1_evidence`,
    ]
    for (const url of urls) assert.equal((await client.get(url)).statusCode, 404, url)
    // A NUL byte in the path is refused by the server before any route (a client fault, not a 500).
    assert.equal((await client.get(`/portal/assessments/%00x/documents/new?part=part-c&page=1&field=C1_1_evidence`)).statusCode, 400)
  })

  test('signed out: sent to sign in first', async () => {
    const res = await t.app.inject({ method: 'GET', url: newUrl('part-c', 'C1_1_evidence') })
    assert.equal(res.statusCode, 303)
    assert.match(String(res.headers.location), /^\/auth\/login\?next=/)
  })
})

describe('POST /portal/assessments/:cycle/documents', () => {
  test('a good PDF: 303 to the question, in the stored answer, downloadable with the same bytes and safe headers', async () => {
    const b = await business()
    const { token } = await openPage(b.client, newUrl('part-c', 'C1_1_evidence'))
    const res = await upload(b.client, form(token, C1, { filename: 'นโยบาย 2569.pdf', content: PDF_MIN, contentType: 'application/pdf' }))
    assert.equal(res.statusCode, 303, res.body.slice(0, 400))
    assert.equal(res.headers.location, `${BASE}/part-c/${C1.page}#C1_1_evidence`)
    const [row, ...rest] = await db().select().from(attachments)
    assert.equal(rest.length, 0)
    assert.equal(row!.displayName, 'นโยบาย 2569.pdf')
    assert.equal(row!.mediaType, 'application/pdf')
    assert.equal(row!.sha256, sha256(PDF_MIN))
    assert.deepEqual((await partAnswers(b, 'part-c')).C1_1_evidence, [{ attachmentId: row!.id, documentType: 'AML_POLICY' }])

    const dl = await b.client.get(`${BASE}/documents/${row!.id}`)
    assert.equal(dl.statusCode, 200)
    assert.equal(sha256(dl.rawPayload), sha256(PDF_MIN))
    assert.equal(dl.headers['content-type'], 'application/pdf')
    assert.equal(dl.headers['x-content-type-options'], 'nosniff')
    assert.equal(dl.headers['cache-control'], 'private, no-store')
    assert.match(String(dl.headers['content-disposition']), /^attachment; filename="[ -~]+"; filename\*=UTF-8''%E0%B8%99.*2569\.pdf$/)
  })

  test('several document types: the chosen one is recorded; none chosen → 422 linked to the choice, nothing stored', async () => {
    const b = await business()
    const target = { part: 'part-a', page: pageOf('A18'), field: 'A18' }
    const { token } = await openPage(b.client, newUrl('part-a', 'A18'))
    const missing = await upload(b.client, form(token, target, { filename: 'a.pdf', content: PDF_MIN }))
    assert.equal(missing.statusCode, 422)
    assert.deepEqual(summaryLinks(missing), ['#documentType'])
    assert.match(html(missing)('#documentType-error').text(), /โปรดเลือกประเภทเอกสาร/)
    assert.deepEqual(storedFiles(), [])
    const tampered = await upload(b.client, form(token, { ...target, documentType: 'AML_POLICY' }, { filename: 'a.pdf', content: PDF_MIN }))
    assert.equal(tampered.statusCode, 422, 'a type the question does not take is no choice')
    assert.deepEqual(storedFiles(), [])

    const ok = await upload(b.client, form(token, { ...target, documentType: 'VAT_CERT' }, { filename: 'vat.pdf', content: PDF_MIN }))
    assert.equal(ok.statusCode, 303)
    const [row] = await db().select().from(attachments)
    assert.equal(row!.documentType, 'VAT_CERT')
    assert.deepEqual((await partAnswers(b, 'part-a')).A18, [{ attachmentId: row!.id, documentType: 'VAT_CERT' }])
  })

  test('a group cell: the upload lands in that row', async () => {
    const b = await business()
    const stored = await partAnswers(b, 'part-a')
    await upsertPartAnswers(db(), { assessmentId: b.assessmentId, partId: 'part-a', answers: { ...stored, A07: [{ number: 'ก-1' }] }, now: t.clock.now(), userId: null })
    const { token } = await openPage(b.client, newUrl('part-a', 'A07.0.document'))
    const res = await upload(b.client, form(token, { part: 'part-a', page: pageOf('A07'), field: 'A07.0.document' }, { filename: 'licence.png', content: PNG_1X1 }))
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `${BASE}/part-a/${pageOf('A07')}#A07-0-document`)
    const [row] = await db().select().from(attachments)
    assert.deepEqual((await partAnswers(b, 'part-a')).A07, [{ number: 'ก-1', document: [{ attachmentId: row!.id, documentType: 'SECTOR_LICENCE' }] }])
  })

  test('an empty file, no file, an over-size file: the page again with the error on the file input; nothing stored', async () => {
    const b = await business()
    const target = { part: 'part-a', page: pageOf('A18'), field: 'A18', documentType: 'DBD_CERTIFICATE' }
    const { token } = await openPage(b.client, newUrl('part-a', 'A18'))
    const empty = await upload(b.client, form(token, target, { filename: 'empty.pdf', content: Buffer.alloc(0) }))
    assert.equal(empty.statusCode, 422)
    assert.deepEqual(summaryLinks(empty), ['#file'])
    assert.match(html(empty)('#file-error').text(), /ไม่มีข้อมูล/)
    assert.equal(html(empty)('input[name="documentType"]:checked').val(), 'DBD_CERTIFICATE', 'the choice is kept')
    assert.match(html(empty)('title').text(), /^ข้อผิดพลาด:/)

    const none = await upload(b.client, form(token, target, { filename: '', content: Buffer.alloc(0) }))
    assert.equal(none.statusCode, 422)
    assert.match(html(none)('#file-error').text(), /โปรดเลือกไฟล์/)

    const big = await upload(b.client, form(token, target, { filename: 'big.pdf', content: Buffer.concat([PDF_MIN, Buffer.alloc(1024 * 1024)]) }))
    assert.equal(big.statusCode, 413)
    assert.match(html(big)('#file-error').text(), /ไม่เกิน 1 MB/)
    assert.equal(html(big)('input[name="documentType"]:checked').val(), 'DBD_CERTIFICATE')
    assert.deepEqual(storedFiles(), [])
    assert.equal((await db().select().from(attachments)).length, 0)
  })

  test('the type is judged by content: PNG bytes named .pdf are a PNG; HTML named .pdf and a GIF are refused (415)', async () => {
    const b = await business()
    const { token } = await openPage(b.client, newUrl('part-c', 'C1_1_evidence'))
    const png = await upload(b.client, form(token, C1, { filename: 'policy.pdf', content: PNG_1X1, contentType: 'application/pdf' }))
    assert.equal(png.statusCode, 303)
    const [row] = await db().select().from(attachments)
    assert.equal(row!.mediaType, 'image/png')
    const dl = await b.client.get(`${BASE}/documents/${row!.id}`)
    assert.equal(dl.headers['content-type'], 'image/png')

    for (const [filename, content] of [['policy.pdf', HTML_PAGE], ['policy.gif', GIF_1X1]] as const) {
      const res = await upload(b.client, form(token, C1, { filename, content, contentType: 'application/pdf' }))
      assert.equal(res.statusCode, 415, filename)
      assert.deepEqual(summaryLinks(res), ['#file'])
      assert.match(html(res)('#file-error').text(), /ต้องเป็นไฟล์ PDF, PNG, JPEG, DOCX หรือ XLSX เท่านั้น/)
    }
    assert.equal(storedFiles().length, 1, 'only the PNG')
    assert.deepEqual((await partAnswers(b, 'part-c')).C1_1_evidence, [{ attachmentId: row!.id, documentType: 'AML_POLICY' }])
  })

  test('policies take DOCX and XLSX, judged by content and downloaded with their own type; a DOCX named .pdf is still refused where only PDF/images are taken', async () => {
    const b = await business()
    const { token } = await openPage(b.client, newUrl('part-c', 'C1_1_evidence'))
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('ความเสี่ยง').addRow(['ลูกค้า', 3])
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
    for (const [filename, content, mediaType] of [
      ['นโยบาย.docx', DOCX_MIN, DOCX_MEDIA_TYPE],
      ['risk.xlsx', xlsx, XLSX_MEDIA_TYPE],
    ] as const) {
      const res = await upload(b.client, form(token, C1, { filename, content, contentType: 'application/octet-stream' }))
      assert.equal(res.statusCode, 303, `${filename}: ${res.body.slice(0, 300)}`)
      const [row] = await db().select().from(attachments).where(eq(attachments.sha256, sha256(content)))
      assert.equal(row!.mediaType, mediaType)
      const dl = await b.client.get(`${BASE}/documents/${row!.id}`)
      assert.equal(dl.headers['content-type'], mediaType)
      assert.equal(sha256(dl.rawPayload), sha256(content))
      assert.match(String(dl.headers['content-disposition']), /^attachment;/)
    }

    const target = { part: 'part-a', page: pageOf('A18'), field: 'A18', documentType: 'VAT_CERT' }
    const a18 = await openPage(b.client, newUrl('part-a', 'A18'))
    assert.ok(!String(a18.$('#file').attr('accept')).includes('.docx'), 'the picker suggests only what the type takes')
    const renamed = await upload(b.client, form(a18.token, target, { filename: 'vat.pdf', content: DOCX_MIN, contentType: 'application/pdf' }))
    assert.equal(renamed.statusCode, 415)
    assert.match(html(renamed)('#file-error').text(), /ต้องเป็นไฟล์ PDF, PNG หรือ JPEG เท่านั้น/)
    assert.equal(storedFiles().length, 2, 'only the DOCX and XLSX policies')
  })

  test('a path-traversal name is display data only: a generated key, the cleaned name shown and offered', async () => {
    const b = await business()
    const { token } = await openPage(b.client, newUrl('part-c', 'C1_1_evidence'))
    const res = await upload(b.client, form(token, C1, { filename: '../../etc/passwd.pdf', content: PDF_MIN }))
    assert.equal(res.statusCode, 303)
    const [row] = await db().select().from(attachments)
    assert.equal(row!.displayName, 'passwd.pdf')
    assert.match(row!.fileKey, /^[0-9a-f]{32}$/)
    assert.deepEqual(storedFiles(), [path.join(row!.fileKey.slice(0, 2), row!.fileKey.slice(2, 4), row!.fileKey)])
    const dl = await b.client.get(`${BASE}/documents/${row!.id}`)
    assert.equal(dl.headers['content-disposition'], `attachment; filename="passwd.pdf"; filename*=UTF-8''passwd.pdf`)
  })

  test('without the CSRF token (or with it after the file): 403, nothing stored', async () => {
    const b = await business()
    const { token } = await openPage(b.client, newUrl('part-c', 'C1_1_evidence'))
    const file = { filename: 'a.pdf', content: PDF_MIN }
    const none = await upload(b.client, form(token, C1, file).filter(([n]) => n !== '_csrf'))
    assert.equal(none.statusCode, 403)
    const late = await upload(b.client, [...form(token, C1, file).filter(([n]) => n !== '_csrf'), ['_csrf', token]])
    assert.equal(late.statusCode, 403)
    assert.deepEqual(storedFiles(), [])
    assert.equal((await db().select().from(attachments)).length, 0)
    assert.equal((await partAnswers(b, 'part-c')).C1_1_evidence, undefined)
  })

  test('a tampered target (unknown field, another part, junk) is not found; nothing stored', async () => {
    const b = await business()
    const { token } = await openPage(b.client, newUrl('part-c', 'C1_1_evidence'))
    for (const target of [
      { ...C1, field: 'C1_1' },
      { ...C1, part: 'part-a' },
      { ...C1, field: '../../x' },
      { ...C1, page: '<b>' },
    ]) {
      const res = await upload(b.client, form(token, target, { filename: 'a.pdf', content: PDF_MIN }))
      assert.equal(res.statusCode, 404, JSON.stringify(target))
    }
    assert.deepEqual(storedFiles(), [])
  })

  test('after submission: 409 with a clear message, nothing stored', async () => {
    const b = await business()
    const { token } = await openPage(b.client, newUrl('part-c', 'C1_1_evidence'))
    await db().update(assessments).set({ status: 'submitted' }).where(eq(assessments.id, b.assessmentId))
    const page = await b.client.get(newUrl('part-c', 'C1_1_evidence'))
    assert.match(html(page)('.banner').text(), /ส่งแล้ว จึงแก้ไขไม่ได้/)
    const res = await upload(b.client, form(token, C1, { filename: 'a.pdf', content: PDF_MIN }))
    assert.equal(res.statusCode, 409)
    assert.deepEqual(summaryLinks(res), ['#file'])
    assert.match(html(res)('[data-error-summary]').text(), /แบบประเมินนี้ส่งแล้ว จึงแก้ไขไม่ได้/)
    assert.deepEqual(storedFiles(), [])
    assert.equal((await db().select().from(attachments)).length, 0)
  })
})

describe('GET /portal/assessments/:cycle/documents/:attachmentId', () => {
  test("another business's attachment, a removed one, a junk id: 404", async () => {
    const a = await business()
    const other = await business()
    const { token } = await openPage(a.client, newUrl('part-c', 'C1_1_evidence'))
    assert.equal((await upload(a.client, form(token, C1, { filename: 'a.pdf', content: PDF_MIN }))).statusCode, 303)
    const [row] = await db().select().from(attachments).where(and(eq(attachments.entityId, a.entity.id)))
    assert.equal((await a.client.get(`${BASE}/documents/${row!.id}`)).statusCode, 200)
    const stolen = await other.client.get(`${BASE}/documents/${row!.id}`)
    assert.equal(stolen.statusCode, 404)
    assert.doesNotMatch(stolen.body, /%PDF/)
    for (const id of ['not-a-uuid', '..%2F..%2Fetc%2Fpasswd', '00000000-0000-4000-8000-000000000000']) {
      assert.equal((await a.client.get(`${BASE}/documents/${id}`)).statusCode, 404, id)
    }
    assert.equal((await a.client.get(`/portal/assessments/2599/documents/${row!.id}`)).statusCode, 404)
  })
})
