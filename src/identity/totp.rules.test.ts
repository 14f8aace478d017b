import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { usernameCandidates } from './staff-invitation.rules.ts'
import { USERNAME_PATTERN } from './identity.rules.ts'
import {
  PENDING_ENROL_MS,
  RECOVERY_ALPHABET,
  RECOVERY_CODE_LENGTH,
  classifySecondFactor,
  formatRecoveryCode,
  groupSecret,
  isPendingFresh,
  recoveryCodeFromBytes,
  recoveryCodeOf,
  timeStepOf,
  totpCodeOf,
} from './totp.rules.ts'

describe('app codes', () => {
  const cases: [string, string | undefined][] = [
    ['123456', '123456'],
    [' 123 456 ', '123456'],
    ['123-456', '123456'],
    ['１２３４５６', '123456'], // full-width digits from a Thai keyboard/IME
    ['12345', undefined],
    ['1234567', undefined],
    ['12345a', undefined],
    ['', undefined],
  ]
  for (const [raw, code] of cases) test(`${JSON.stringify(raw)} → ${code ?? 'not a code'}`, () => assert.equal(totpCodeOf(raw), code))

  test('time steps are 30 seconds', () => {
    assert.equal(timeStepOf(0), 0)
    assert.equal(timeStepOf(29_999), 0)
    assert.equal(timeStepOf(30_000), 1)
    assert.equal(timeStepOf(Date.parse('2026-11-29T03:00:00Z')), Math.floor(Date.parse('2026-11-29T03:00:00Z') / 30_000))
  })
})

describe('recovery codes', () => {
  test('canonical form: any case, hyphens or spaces, o/0 and i/l/1 confusions', () => {
    assert.equal(recoveryCodeOf('abcd-efgh-jkmn-pqrs'), 'abcdefghjkmnpqrs')
    assert.equal(recoveryCodeOf('ABCD EFGH JKMN PQRS'), 'abcdefghjkmnpqrs')
    assert.equal(recoveryCodeOf('oOil-0000-1111-2222'), '0011000011112222')
    assert.equal(recoveryCodeOf('abcd-efgh-jkmn-pqr'), undefined)
    assert.equal(recoveryCodeOf('abcd-efgh-jkmn-pqru'), undefined) // u is not in the alphabet
  })

  test('one box tells app codes from recovery codes', () => {
    assert.deepEqual(classifySecondFactor('123 456'), { kind: 'totp', code: '123456' })
    assert.deepEqual(classifySecondFactor('abcd-efgh-jkmn-pqrs'), { kind: 'recovery', code: 'abcdefghjkmnpqrs' })
    assert.deepEqual(classifySecondFactor('<script>'), { kind: 'malformed' })
  })

  test('generated codes use only the alphabet and round-trip through display and typing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: RECOVERY_CODE_LENGTH, maxLength: RECOVERY_CODE_LENGTH }), (bytes) => {
        const code = recoveryCodeFromBytes(bytes)
        assert.equal(code.length, RECOVERY_CODE_LENGTH)
        assert.ok([...code].every((c) => RECOVERY_ALPHABET.includes(c)))
        assert.match(formatRecoveryCode(code), /^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/)
        assert.equal(recoveryCodeOf(formatRecoveryCode(code).toUpperCase()), code)
      }),
    )
    assert.throws(() => recoveryCodeFromBytes(new Uint8Array(4)))
  })

  test('the alphabet has 32 characters, so each byte maps without bias', () => assert.equal(new Set(RECOVERY_ALPHABET).size, 32))
})

describe('display and pending steps', () => {
  test('secrets are grouped by four', () => assert.equal(groupSecret('ABCDEFGHIJKLMNOPQ'), 'ABCD EFGH IJKL MNOP Q'))

  test('a pending code step lasts its own limit; enrolment gets 15 minutes', () => {
    const at = 1_000_000
    assert.ok(isPendingFresh({ at, step: 'totp' }, at + 5 * 60_000, 5 * 60_000))
    assert.equal(isPendingFresh({ at, step: 'totp' }, at + 5 * 60_000 + 1, 5 * 60_000), false)
    assert.ok(isPendingFresh({ at, step: 'enrol' }, at + PENDING_ENROL_MS, 5 * 60_000))
    assert.equal(isPendingFresh({ at, step: 'enrol' }, at + PENDING_ENROL_MS + 1, 5 * 60_000), false)
    assert.equal(isPendingFresh({ at, step: 'totp' }, at - 1, 5 * 60_000), false, 'a time in the future is not trusted')
  })
})

describe('staff user names from e-mail', () => {
  test('the local part, cleaned, then numbered', () => {
    assert.deepEqual(usernameCandidates('Pornthip.W@amlo.go.th', 3), ['pornthip.w', 'pornthip.w2', 'pornthip.w3'])
    assert.equal(usernameCandidates('9ab+x@amlo.go.th')[0], 'staff.abx') // too short after cleaning
    assert.equal(usernameCandidates('สมชาย@amlo.go.th')[0], 'staff')
  })
  test('always valid user names', () => {
    fc.assert(fc.property(fc.emailAddress(), (email) => usernameCandidates(email, 5).every((u) => USERNAME_PATTERN.test(u))))
  })
})
