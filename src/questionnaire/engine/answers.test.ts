/** Visibility, repeating-group rows and pre-filling, on the kitchen sink (R14). */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { familyAnswers, JURISTIC_ID, kitchenSink, LUMPHINI } from '#tests/fixtures/questionnaires/kitchen-sink.ts'
import {
  addRow,
  answersForPart,
  applyConditions,
  applyPrefill,
  applyRowIntent,
  canAddRow,
  parseRowIntent,
  removeRow,
  sectionKey,
} from './answers.ts'

describe('applyConditions', () => {
  test('shows sections and fields by their conditions and keeps only shown answers', () => {
    const v = applyConditions(kitchenSink, { ...familyAnswers, T14: JURISTIC_ID, nope: 1 })
    assert.ok(v.sections.has(sectionKey('part-b', '1', 'family')))
    assert.ok(!v.sections.has(sectionKey('part-b', '1', 'corporate')))
    assert.ok(v.fields.has('T13') && v.fields.has('T12'))
    assert.ok(!v.fields.has('T14'))
    assert.equal(v.answers.T14, undefined)
    assert.equal(v.answers.nope, undefined)
  })
  test('an unanswered condition hides its questions', () => {
    const v = applyConditions(kitchenSink, {})
    assert.ok(!v.fields.has('T11_rating') && !v.fields.has('T12') && !v.fields.has('T13'))
    assert.ok(v.fields.has('T01'))
  })
})

describe('repeating-group rows (submit buttons, JavaScript off)', () => {
  test('parseRowIntent reads add and remove intents and nothing else', () => {
    assert.deepEqual(parseRowIntent('add:T13'), { action: 'add', groupId: 'T13' })
    assert.deepEqual(parseRowIntent('remove:T13:2'), { action: 'remove', groupId: 'T13', index: 2 })
    for (const bad of ['add:T13.0', 'add:t13', 'remove:T13:-1', 'remove:T13', 'delete:T13', 'add:__proto__', 42, undefined]) {
      assert.equal(parseRowIntent(bad), undefined, String(bad))
    }
  })
  test('addRow appends an empty row up to maxRows; removeRow removes one', () => {
    let a = addRow(kitchenSink, {}, 'T13')
    assert.deepEqual(a, { T13: [{}] })
    a = { T13: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] }
    a = addRow(kitchenSink, a, 'T13')
    assert.equal((a.T13 as unknown[]).length, 4)
    assert.equal(canAddRow(kitchenSink, a, 'T13'), false)
    assert.equal(addRow(kitchenSink, a, 'T13'), a)
    a = removeRow(kitchenSink, a, 'T13', 1)
    assert.deepEqual(a.T13, [{ name: 'a' }, { name: 'c' }, {}])
    assert.deepEqual(applyRowIntent(kitchenSink, { T13: [{ name: 'x' }] }, { action: 'remove', groupId: 'T13', index: 0 }), {})
  })
  test('unknown groups, non-groups and out-of-range rows leave the answers unchanged', () => {
    const a = { T13: [{ name: 'a' }] }
    assert.equal(addRow(kitchenSink, a, 'T02'), a)
    assert.equal(addRow(kitchenSink, a, 'T99'), a)
    assert.equal(removeRow(kitchenSink, a, 'T13', 5), a)
    assert.equal(removeRow(kitchenSink, a, 'T13', -1), a)
  })
})

describe('applyPrefill', () => {
  const registry = {
    'registry.juristicId': '0-10-5-536-11201-4',
    'registry.nameTh': 'สโมสรเทนนิสสุขุมวิท',
    'registry.email': 'club@example.co.th',
    'registry.headOfficeAddress': LUMPHINI,
  } as const
  test('fills empty questions from the registry, normalised', () => {
    const a = applyPrefill(kitchenSink, {}, registry)
    assert.deepEqual(a, { T01: JURISTIC_ID, T02: 'สโมสรเทนนิสสุขุมวิท', T05: 'club@example.co.th', T07: LUMPHINI })
  })
  test('keeps what people changed, but always overwrites read-only questions', () => {
    const a = applyPrefill(kitchenSink, { T01: '0994000617721', T02: 'My name' }, registry)
    assert.equal(a.T01, JURISTIC_ID)
    assert.equal(a.T02, 'My name')
  })
  test('skips registry values that do not fit the question', () => {
    assert.deepEqual(applyPrefill(kitchenSink, {}, { 'registry.email': 'not-an-email' }), {})
  })
})

test('answersForPart picks one part for per-part storage', () => {
  assert.deepEqual(Object.keys(answersForPart(kitchenSink, familyAnswers, 'part-c')), ['T20'])
})
