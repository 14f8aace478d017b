import assert from 'node:assert/strict'
import { test } from 'node:test'
import { bangkokBuddhistYear, SUPPORT_QUEUE_BY_CATEGORY, TICKET_REFERENCE_PATTERN, ticketReference } from './support.rules.ts'
import { cleanMessage, ContactInput } from './support.schemas.ts'

test('technical problems go to the admins, questionnaire questions to supervision staff', () => {
  assert.deepEqual(SUPPORT_QUEUE_BY_CATEGORY, { technical: 'admin', content: 'supervision' })
})

test('references carry the Buddhist-Era year in Bangkok and a zero-padded number', () => {
  assert.equal(ticketReference(new Date('2026-11-29T03:00:00Z'), 123), 'T-2569-000123')
  // 31 Dec 2026 18:00 UTC is already 1 Jan 2027 in Bangkok.
  assert.equal(bangkokBuddhistYear(new Date('2026-12-31T18:00:00Z')), 2570)
  assert.equal(ticketReference(new Date('2026-12-31T16:59:59Z'), 1_234_567), 'T-2569-1234567')
  assert.match(ticketReference(new Date(), 1), TICKET_REFERENCE_PATTERN)
  assert.throws(() => ticketReference(new Date(), 0), RangeError)
})

const valid = {
  category: 'technical',
  businessName: 'บริษัท ทองดี จำกัด',
  contactName: 'สมชาย ใจดี',
  phone: '081-234-5678',
  email: 'somchai@example.com',
  message: 'เข้าสู่ระบบไม่ได้',
}

test('the contact schema normalises phone, juristic id and text', () => {
  const withId = ContactInput.parse({ ...valid, juristicId: '๐-๑๐๕๕-๖๑๒๓๔-๕๖-๐', businessType: '' })
  assert.equal(withId.juristicId, '0105561234560')
  assert.equal(withId.businessType, undefined)
  const ok = ContactInput.parse({ ...valid, juristicId: '', businessType: 'car_dealer', topic: 'login' })
  assert.equal(ok.phone, '+66812345678')
  assert.equal(ok.juristicId, undefined)
  assert.equal(ok.businessType, 'car_dealer')
  assert.equal(ok.topic, 'login')
  const unknownTopic = ContactInput.parse({ ...valid, topic: '<script>' })
  assert.equal(unknownTopic.topic, undefined)
})

test('the contact schema reports message keys per field', () => {
  const r = ContactInput.safeParse({ category: 'other', businessName: ' ', contactName: '', phone: '12', email: 'x@', message: 'ก'.repeat(2001), juristicId: '0105561234568', businessType: 'casino' })
  assert.equal(r.success, false)
  const byPath = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]))
  assert.deepEqual(byPath, {
    category: 'errors.field.chooseOne',
    businessName: 'errors.field.required',
    contactName: 'errors.field.required',
    phone: 'auth.errors.phone',
    email: 'errors.field.email',
    message: 'errors.field.tooLong',
    juristicId: 'errors.field.juristicId',
    businessType: 'errors.field.chooseOne',
  })
})

test('2,000 characters are counted as characters, not bytes', () => {
  assert.equal(ContactInput.safeParse({ ...valid, message: 'ก'.repeat(2000) }).success, true)
})

test('cleanMessage keeps lines, drops control and bidi-override characters', () => {
  assert.equal(cleanMessage(' บรรทัด 1\r\nบรรทัด 2\u202E\u0007\tจบ '), 'บรรทัด 1\nบรรทัด 2\tจบ')
})
