import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { decideAfterFailure, describeMailError, isConnectionFailure, MAX_MAIL_ATTEMPTS, retryDelayMs, smtpSecrets } from './outbox.rules.ts'

describe('back-off', () => {
  const table: [number, number][] = [
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [4, 240_000],
    [7, 1_920_000],
    [8, 3_600_000],
    [9, 3_600_000],
    [20, 3_600_000],
  ]
  for (const [attempts, ms] of table) test(`after ${attempts} failed attempt(s): wait ${ms / 1000} s`, () => assert.equal(retryDelayMs(attempts), ms))

  test(`pending with a later next attempt until attempt ${MAX_MAIL_ATTEMPTS}, then failed`, () => {
    const now = new Date('2026-11-29T03:00:00Z')
    assert.deepEqual(decideAfterFailure(1, now), { status: 'pending', nextAttemptAt: new Date('2026-11-29T03:00:30Z') })
    assert.equal(decideAfterFailure(MAX_MAIL_ATTEMPTS - 1, now).status, 'pending')
    assert.deepEqual(decideAfterFailure(MAX_MAIL_ATTEMPTS, now), { status: 'failed' })
    assert.deepEqual(decideAfterFailure(1, now, { permanent: true }), { status: 'failed' })
  })
})

describe('stored error text', () => {
  test('code, SMTP response code and message on one line, secrets redacted, bounded', () => {
    const url = 'smtp://mailer%40amlo:p%40ss-w0rd@mail.example:587'
    const err = Object.assign(new Error('Invalid login for mailer@amlo with p@ss-w0rd\n535 5.7.8 rejected'), { code: 'EAUTH', responseCode: 535 })
    const text = describeMailError(err, smtpSecrets(url))
    assert.equal(text, 'EAUTH 535 Invalid login for *** with *** 535 5.7.8 rejected')
    assert.ok(describeMailError(new Error('x'.repeat(2000))).length <= 500)
    assert.equal(describeMailError('plain string'), 'plain string')
  })
  test('connection failures defer the rest of the batch; a rejected message does not', () => {
    assert.equal(isConnectionFailure(Object.assign(new Error('refused'), { code: 'ECONNECTION' })), true)
    assert.equal(isConnectionFailure(Object.assign(new Error('greeting'), { code: 'ETIMEDOUT' })), true)
    assert.equal(isConnectionFailure(Object.assign(new Error('451'), { code: 'EENVELOPE' })), false)
    assert.equal(isConnectionFailure(new Error('pdf')), false)
  })
})
