import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { RECOVERY_CODE_COUNT, recoveryCodeOf, timeStepOf } from './totp.rules.ts'
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, openSecret, qrCodeSvg, sealSecret, totpCodeAt, totpUri, verifyTotpCode } from './totp.ts'

const KEY = 'a-test-session-secret-of-at-least-32-characters'
// A fixed clock: 29/11/2026 10:00:15 Bangkok time, 15 seconds into a 30-second step.
const NOW = new Date('2026-11-29T03:00:15Z')
const at = (deltaS: number) => new Date(NOW.getTime() + deltaS * 1000)

describe('TOTP codes (fixed clock)', () => {
  const secret = newTotpSecret()

  test('a 160-bit base32 secret', () => assert.match(secret, /^[A-Z2-7]{32}$/))

  test('the current code is accepted and returns its time step', async () => {
    const code = await totpCodeAt(secret, NOW)
    assert.equal(await verifyTotpCode({ secret, code, now: NOW }), timeStepOf(NOW.getTime()))
  })

  test('one step of drift either side is accepted, two are not', async () => {
    assert.equal(await verifyTotpCode({ secret, code: await totpCodeAt(secret, at(-30)), now: NOW }), timeStepOf(at(-30).getTime()))
    assert.equal(await verifyTotpCode({ secret, code: await totpCodeAt(secret, at(30)), now: NOW }), timeStepOf(at(30).getTime()))
    assert.equal(await verifyTotpCode({ secret, code: await totpCodeAt(secret, at(-75)), now: NOW }), undefined)
    assert.equal(await verifyTotpCode({ secret, code: await totpCodeAt(secret, at(75)), now: NOW }), undefined)
  })

  test('a code is refused once its step (or a later one) was used', async () => {
    const code = await totpCodeAt(secret, NOW)
    const step = timeStepOf(NOW.getTime())
    assert.equal(await verifyTotpCode({ secret, code, now: NOW, afterStep: step }), undefined)
    assert.equal(await verifyTotpCode({ secret, code, now: NOW, afterStep: step + 1 }), undefined)
    assert.equal(await verifyTotpCode({ secret, code, now: NOW, afterStep: step - 1 }), step)
  })

  test('wrong, malformed and other-secret codes are refused without throwing', async () => {
    const code = await totpCodeAt(secret, NOW)
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    for (const bad of [wrong, '12345', 'abcdef', '', '1'.repeat(40), await totpCodeAt(newTotpSecret(), NOW)]) {
      assert.equal(await verifyTotpCode({ secret, code: bad, now: NOW }), undefined, bad)
    }
  })

  test('the otpauth URI and its QR code', async () => {
    const uri = totpUri(secret, 'admin')
    assert.match(uri, /^otpauth:\/\/totp\/AMRAC:admin\?/)
    assert.ok(uri.includes(`secret=${secret}`))
    const svg = await qrCodeSvg(uri)
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    assert.ok(!svg.includes('<script'))
  })
})

describe('secrets sealed at rest', () => {
  test('round trip, never the plaintext in the sealed value', () => {
    const sealed = sealSecret(KEY, 'totp_secret', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')
    assert.match(sealed, /^v1\.[\w-]+\.[\w-]+\.[\w-]+$/)
    assert.ok(!sealed.includes('JBSWY3DP'))
    assert.equal(openSecret(KEY, 'totp_secret', sealed), 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')
    assert.notEqual(sealSecret(KEY, 'totp_secret', 'x'), sealSecret(KEY, 'totp_secret', 'x'), 'a fresh IV every time')
  })

  test('another key, another purpose or a changed byte opens nothing', () => {
    const sealed = sealSecret(KEY, 'totp_secret', 'SECRET')
    assert.equal(openSecret(`${KEY}-rotated`, 'totp_secret', sealed), undefined)
    assert.equal(openSecret(KEY, 'session_totp_setup', sealed), undefined)
    const [v, iv, tag, ct] = sealed.split('.')
    // The first character carries 6 whole bits of the first byte (the last one may carry padding bits).
    const flipped = (ct!.startsWith('A') ? 'B' : 'A') + ct!.slice(1)
    assert.equal(openSecret(KEY, 'totp_secret', [v, iv, tag, flipped].join('.')), undefined)
    assert.equal(openSecret(KEY, 'totp_secret', 'not-sealed'), undefined)
  })
})

describe('recovery codes', () => {
  test('10 different codes, stored only as hashes that match the typed code', () => {
    const { codes, hashes } = newRecoveryCodes()
    assert.equal(codes.length, RECOVERY_CODE_COUNT)
    assert.equal(new Set(codes).size, RECOVERY_CODE_COUNT)
    assert.deepEqual(hashes, codes.map(hashRecoveryCode))
    for (const h of hashes) assert.match(h, /^[0-9a-f]{64}$/)
    assert.equal(hashRecoveryCode(recoveryCodeOf(codes[0]!.toUpperCase())!), hashes[0])
  })
})
