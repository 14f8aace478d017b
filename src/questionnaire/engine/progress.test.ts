/** Derived progress (house style R13), on the kitchen sink (R14). */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { CONTEXT, familyAnswers, JURISTIC_ID, kitchenSink } from '#tests/fixtures/questionnaires/kitchen-sink.ts'
import { assessmentProgress, pageProgress, PART_STATUS_LABELS, partProgress } from './progress.ts'

describe('partProgress and pageProgress', () => {
  test('nothing answered: not started everywhere', async () => {
    assert.deepEqual(await partProgress(kitchenSink, {}, CONTEXT), {
      'part-a': 'not_started',
      'part-b': 'not_started',
      'part-c': 'not_started',
    })
  })
  test('pre-filled answers alone do not start a part', async () => {
    const p = await partProgress(kitchenSink, { T01: JURISTIC_ID, T02: 'Club', T05: 'a@example.com' }, CONTEXT)
    assert.equal(p['part-a'], 'not_started')
  })
  test('some answers: in progress; every problem fixed: completed', async () => {
    const { T20: _files, T16_cash: _cash, ...rest } = familyAnswers
    assert.deepEqual(await partProgress(kitchenSink, rest, CONTEXT), {
      'part-a': 'completed',
      'part-b': 'in_progress',
      'part-c': 'not_started',
    })
    assert.deepEqual(await pageProgress(kitchenSink, rest, CONTEXT), {
      'part-a': { 1: 'completed' },
      'part-b': { 1: 'completed', 2: 'in_progress' },
      'part-c': { 1: 'not_started' },
    })
    assert.deepEqual(await partProgress(kitchenSink, familyAnswers, CONTEXT), {
      'part-a': 'completed',
      'part-b': 'completed',
      'part-c': 'completed',
    })
  })
  test('completed honours conditions: hidden questions need no answer', async () => {
    const parts = await assessmentProgress(kitchenSink, { ...familyAnswers, T09: 'adult', T13: undefined }, CONTEXT)
    assert.equal(parts.find((p) => p.partId === 'part-b')?.status, 'completed')
  })
  test('a cross-field problem keeps a part in progress', async () => {
    const parts = await assessmentProgress(kitchenSink, { ...familyAnswers, T16_cash: 1 }, CONTEXT)
    const b = parts.find((p) => p.partId === 'part-b')
    assert.equal(b?.status, 'in_progress')
    assert.deepEqual(b?.problems.map((p) => p.messageKey), ['ks.rule.paymentsNot100'])
  })
  test('every status has a task-list label, plus ต้องแก้ไข for returned parts', () => {
    assert.deepEqual(Object.keys(PART_STATUS_LABELS), ['not_started', 'in_progress', 'completed', 'needs_correction'])
  })
})
