import assert from 'node:assert/strict'
import { test } from 'node:test'
import { replyLinkExpiry, signReplyToken, verifyReplyToken } from './reply-link.ts'

const SECRET = 'test-secret-for-support-links-0123456789'
const ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301'
const OTHER = '3f2504e0-4f89-41d3-9a0c-0305e82c3302'
const now = new Date('2026-11-29T03:00:00Z')

test('a signed token opens its ticket until it expires (30 days)', () => {
  const exp = replyLinkExpiry(now)
  assert.equal(exp.toISOString(), '2026-12-29T03:00:00.000Z')
  const token = signReplyToken(SECRET, ID, exp)
  assert.match(token, /^[0-9a-f-]{36}\.\d+\.[A-Za-z0-9_-]{43}$/)
  assert.deepEqual(verifyReplyToken(SECRET, token, now), { ok: true, ticketId: ID, expiresAt: exp })
  assert.deepEqual(verifyReplyToken(SECRET, token, new Date(exp.getTime() - 1000)).ok, true)
  assert.deepEqual(verifyReplyToken(SECRET, token, exp), { ok: false, reason: 'expired' })
})

test('tampering with the ticket id, the expiry or the MAC, or another secret, is refused as invalid', () => {
  const token = signReplyToken(SECRET, ID, replyLinkExpiry(now))
  const [id, exp, mac] = token.split('.') as [string, string, string]
  const refused = { ok: false, reason: 'invalid' }
  assert.deepEqual(verifyReplyToken(SECRET, `${OTHER}.${exp}.${mac}`, now), refused, 'another ticket')
  assert.deepEqual(verifyReplyToken(SECRET, `${id}.${Number(exp) + 86_400}.${mac}`, now), refused, 'a longer life')
  assert.deepEqual(verifyReplyToken(SECRET, `${id}.${exp}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, now), refused, 'a changed MAC')
  assert.deepEqual(verifyReplyToken('another-secret-0123456789-abcdefghij', token, now), refused, 'another key')
  // An expired but forged token is "invalid", never "expired" (no oracle for old tickets).
  assert.deepEqual(verifyReplyToken(SECRET, `${id}.1.${mac}`, now), refused)
  for (const junk of ['', 'x', `${id}.${exp}`, `${id}.${exp}.${mac}.x`, `../${id}.${exp}.${mac}`, `${id}.-1.${mac}`, `${id}.${exp}.${mac}==`]) {
    assert.deepEqual(verifyReplyToken(SECRET, junk, now), refused, junk)
  }
})
