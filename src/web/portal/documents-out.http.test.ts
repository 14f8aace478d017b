/**
 * PDFs the business takes away (issue 5): the submission receipt (own business only), the
 * service-request form from the portal and right after confirming the e-mail address, in Thai and
 * English, and the receipt PDF attached to the receipt e-mail.
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, beforeEach, describe, test } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { createToken } from '#src/identity/tokens.repo.ts'
import { buildAttachments } from '#src/notifications/mail-attachments.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { findCycleByCode, insertAssessmentIfAbsent, insertSubmission } from '#src/submissions/submissions.repo.ts'
import { Client, makeEntity, makeUser } from '#tests/support/builders.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'

let t: TestApp
before(async () => {
  t = await createTestApp({ env: { BASE_URL: 'https://amrac.example.go.th' } })
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
const HASH = 'ab'.repeat(32)
const GOLD_SHOP = { nameTh: 'ทองดีเยาวราช', nameEn: 'Thongdee Yaowarat', juristicId: '0105536112014' }

function pdfText(res: LightMyRequestResponse): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-pdf-')), 'doc.pdf')
  fs.writeFileSync(file, res.rawPayload)
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC')
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
  }
}

async function business(username: string, over: Parameters<typeof makeEntity>[1] = {}) {
  const entity = await makeEntity(db(), over)
  const user = await makeUser(db(), { username, entityId: entity.id, role: 'entity_admin', firstName: 'สมชาย', lastName: 'ทองดี' })
  const client = new Client(t.app)
  await client.signIn(username)
  return { entity, user, client }
}

/** A stored submission with receipt AMRAC-2569-00000n (what ส่งข้อมูล leaves behind). */
async function submission(entityId: string, userId: string, n: number) {
  const cycle = (await findCycleByCode(db(), '2569'))!
  const assessment = (await insertAssessmentIfAbsent(db(), { entityId, cycleId: cycle.id, now: t.clock.now() }))!
  return insertSubmission(db(), {
    assessmentId: assessment.id,
    entityId,
    cycleId: cycle.id,
    version: 1,
    receiptRef: `AMRAC-2569-${String(n).padStart(6, '0')}`,
    submittedAt: new Date('2026-11-29T03:32:00Z'),
    submittedBy: userId,
    declarantName: 'นายสมชาย ทองดี',
    declarantPosition: 'กรรมการผู้จัดการ',
    definitionVersion: 'v1',
    snapshot: { cycleCode: '2569' },
    snapshotSha256: HASH,
    idempotencyKey: `key-${n}`,
  })
}

function assertPdfHeaders(res: LightMyRequestResponse, fileName: RegExp) {
  assert.equal(res.statusCode, 200)
  assert.equal(res.headers['content-type'], 'application/pdf')
  assert.equal(res.headers['cache-control'], 'private, no-store')
  assert.match(String(res.headers['content-disposition']), /^inline; filename="[\x20-\x7e]+"; filename\*=UTF-8''/)
  assert.match(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!), fileName)
  assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-')
}

describe('submission receipt PDF', () => {
  test('the business downloads its receipt, linked from the receipt page; the text holds the ref, BE date and hash', async () => {
    const { entity, user, client } = await business('thongdee', GOLD_SHOP)
    await submission(entity.id, user.id, 1)
    const page = await client.get('/portal/receipts/AMRAC-2569-000001')
    assert.equal(page.statusCode, 200)
    assert.equal(html(page)('#receipt-pdf').attr('href'), '/portal/receipts/AMRAC-2569-000001/pdf')
    assert.match(html(page)('#receipt-pdf').text(), /ดาวน์โหลดใบรับ \(PDF\)/)

    const res = await client.get('/portal/receipts/AMRAC-2569-000001/pdf')
    assertPdfHeaders(res, /^ใบรับ-AMRAC-2569-000001\.pdf$/)
    const text = pdfText(res)
    for (const s of ['ใบรับการส่งข้อมูลแบบประเมินความเสี่ยง', 'ผู้มีหน้าที่รายงาน', 'บริษัท ทองดีเยาวราช จำกัด', '0-10-5-536-11201-4', 'AMRAC-2569-000001', 'รอบการประเมินปี 2569', '29 พฤศจิกายน 2569 เวลา 10.32 น.', 'นายสมชาย ทองดี (กรรมการผู้จัดการ)']) {
      assert.ok(text.includes(s), `missing in the PDF text layer: ${s}`)
    }
    const flat = text.replace(/\s+/g, '')
    assert.ok(flat.includes(HASH), 'the full SHA-256')
    assert.ok(flat.includes('https://amrac.example.go.th/verify/AMRAC-2569-000001'), 'the verification link on BASE_URL')
  })

  test('in English when the page language is English', async () => {
    const { entity, user, client } = await business('thongdee', GOLD_SHOP)
    await submission(entity.id, user.id, 1)
    await client.get('/language/en')
    const res = await client.get('/portal/receipts/AMRAC-2569-000001/pdf')
    assertPdfHeaders(res, /^receipt-AMRAC-2569-000001\.pdf$/)
    const text = pdfText(res)
    for (const s of ['Receipt for a submitted risk assessment', 'Thongdee Yaowarat', 'Cycle 2569', '29 November 2026 at 10:32']) {
      assert.ok(text.includes(s), `missing in the PDF text layer: ${s}`)
    }
  })

  test('another business, an unknown or a junk number: 404, nothing printed', async () => {
    const owner = await business('thongdee', GOLD_SHOP)
    await submission(owner.entity.id, owner.user.id, 1)
    const other = await business('other')
    for (const url of ['/portal/receipts/AMRAC-2569-000001/pdf', '/portal/receipts/AMRAC-2569-000009/pdf', '/portal/receipts/%3Cscript%3E/pdf']) {
      const res = await other.client.get(url)
      assert.equal(res.statusCode, 404, url)
      assert.match(String(res.headers['content-type']), /^text\/html/)
    }
  })

  test('the receipt e-mail carries the PDF in the recipient’s language', async () => {
    const { entity, user } = await business('thongdee', GOLD_SHOP)
    await submission(entity.id, user.id, 1)
    const payload = {
      fullName: 'สมชาย ทองดี',
      businessName: 'บริษัท ทองดีเยาวราช จำกัด',
      cycleName: 'รอบการประเมินปี 2569',
      receiptRef: 'AMRAC-2569-000001',
      version: 1,
      submittedAt: '2026-11-29T03:32:00.000Z',
      receiptUrl: 'https://amrac.example.go.th/portal/receipts/AMRAC-2569-000001',
    }
    const [att, ...rest] = await buildAttachments('submission_receipt', payload, { pdf: t.deps.pdf, now: t.clock.now(), db: db(), locale: 'th' })
    assert.equal(rest.length, 0)
    assert.equal(att!.filename, 'ใบรับ-AMRAC-2569-000001.pdf')
    assert.equal(att!.contentType, 'application/pdf')
    const text = pdfText({ rawPayload: att!.content } as LightMyRequestResponse)
    assert.ok(text.includes('ใบรับการส่งข้อมูลแบบประเมินความเสี่ยง'))
    assert.ok(text.replace(/\s+/g, '').includes('https://amrac.example.go.th/verify/AMRAC-2569-000001'))
    const none = await buildAttachments('submission_receipt', { ...payload, receiptRef: 'AMRAC-2569-000404' }, { pdf: t.deps.pdf, now: t.clock.now(), db: db(), locale: 'en' })
    assert.deepEqual(none, [], 'a receipt that does not exist: the mail goes without the PDF')
  })
})

describe('service-request form (แบบฟอร์มขอใช้บริการ)', () => {
  test('a signed-in business user downloads their own form from the portal, Thai and English', async () => {
    const { client } = await business('thongdee', GOLD_SHOP)
    const res = await client.get('/portal/service-request.pdf')
    assertPdfHeaders(res, /^แบบฟอร์มขอใช้บริการ-AMRAC-0105536112014\.pdf$/)
    const text = pdfText(res)
    for (const s of ['แบบฟอร์มขอใช้บริการระบบ AMRAC', 'ข้อมูลผู้มีหน้าที่รายงาน', 'บริษัท ทองดีเยาวราช จำกัด', '0-10-5-536-11201-4', 'สมชาย ทองดี', 'thongdee@example.com', 'ที่อยู่']) {
      assert.ok(text.includes(s), `missing in the PDF text layer: ${s}`)
    }
    await client.get('/language/en')
    const en = await client.get('/portal/service-request.pdf')
    assertPdfHeaders(en, /^AMRAC-service-request-0105536112014\.pdf$/)
    const enText = pdfText(en)
    assert.ok(enText.indexOf('AMRAC service request form') < enText.indexOf('แบบฟอร์มขอใช้บริการระบบ AMRAC'), 'English first, Thai beside it')
    for (const s of ['Reporting entity', 'Thongdee Yaowarat Co., Ltd.', 'Company seal (if any)']) assert.ok(enText.includes(s), `missing: ${s}`)
  })

  test('right after confirming the e-mail address, the confirmation page offers the form', async () => {
    const entity = await makeEntity(db(), GOLD_SHOP)
    const user = await makeUser(db(), { username: 'newcomer', entityId: entity.id, status: 'pending_email', firstName: 'มานี', lastName: 'มีนา' })
    const token = await createToken(db(), { userId: user.id, purpose: 'email_confirm', now: t.clock.now() })
    const client = new Client(t.app)
    const done = await client.submit(`/auth/confirm-email/${token.raw}`, '/auth/confirm-email', { token: token.raw })
    assert.equal(done.statusCode, 200)
    const link = html(done)('#service-request-download')
    assert.equal(link.attr('href'), '/auth/service-request.pdf')
    assert.match(link.text(), /ดาวน์โหลดแบบฟอร์มขอใช้บริการ \(PDF\)/)
    const res = await client.get('/auth/service-request.pdf')
    assertPdfHeaders(res, /^แบบฟอร์มขอใช้บริการ-AMRAC-0105536112014\.pdf$/)
    const text = pdfText(res)
    assert.ok(text.includes('บริษัท ทองดีเยาวราช จำกัด'))
    assert.ok(text.includes('มานี มีนา'))
  })

  test('without a confirmation in this browser: 404 for strangers, the portal copy for signed-in users', async () => {
    const stranger = await new Client(t.app).get('/auth/service-request.pdf')
    assert.equal(stranger.statusCode, 404)
    const { client } = await business('thongdee', GOLD_SHOP)
    const res = await client.get('/auth/service-request.pdf')
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/portal/service-request.pdf')
  })
})
