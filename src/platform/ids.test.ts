import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isUuid, newReference } from './ids.ts'

test('a reference reads XXXXX-XXXXX in Crockford letters (no I, L, O, U) and does not repeat, across many pool refills', () => {
  const seen = new Set<string>()
  for (let i = 0; i < 5_000; i++) {
    const ref = newReference()
    assert.match(ref, /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/)
    seen.add(ref)
  }
  assert.equal(seen.size, 5_000)
})

test('isUuid accepts a canonical UUID only', () => {
  assert.ok(isUuid('8a921e3c-4c00-49c7-8d93-d2751c73a039'))
  assert.ok(!isUuid('8a921e3c4c0049c78d93d2751c73a039'))
  assert.ok(!isUuid('../8a921e3c-4c00-49c7-8d93-d2751c73a039'))
})
