/** Declarative conditions: a table of cases (house style R11). */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { conditionReferences, evaluateCondition, type Condition } from './conditions.ts'

const answers: Record<string, unknown> = { plan: 'family', sports: ['singles', 'coaching'], rating: 4, member: true }
const lookup = (id: string) => answers[id]

describe('evaluateCondition', () => {
  const cases: [string, Condition, boolean][] = [
    ['equals a value', { field: 'plan', equals: 'family' }, true],
    ['equals another value', { field: 'plan', equals: 'adult' }, false],
    ['equals is strict (4 is not "4")', { field: 'rating', equals: '4' }, false],
    ['equals a number', { field: 'rating', equals: 4 }, true],
    ['equals a boolean', { field: 'member', equals: true }, true],
    ['in a list', { field: 'plan', in: ['adult', 'family'] }, true],
    ['not in a list', { field: 'plan', in: ['adult', 'junior'] }, false],
    ['a ticked value of a multiple choice', { field: 'sports', equals: 'coaching' }, true],
    ['an unticked value of a multiple choice', { field: 'sports', equals: 'doubles' }, false],
    ['any listed value ticked', { field: 'sports', in: ['doubles', 'singles'] }, true],
    ['unanswered: equals is false', { field: 'missing', equals: 'x' }, false],
    ['unanswered: in is false', { field: 'missing', in: ['x'] }, false],
    ['unanswered: not equals is true', { not: { field: 'missing', equals: 'x' } }, true],
    ['all', { all: [{ field: 'plan', equals: 'family' }, { field: 'rating', equals: 4 }] }, true],
    ['all with one false', { all: [{ field: 'plan', equals: 'family' }, { field: 'rating', equals: 5 }] }, false],
    ['any', { any: [{ field: 'plan', equals: 'adult' }, { field: 'rating', equals: 4 }] }, true],
    ['any all false', { any: [{ field: 'plan', equals: 'adult' }, { field: 'rating', equals: 5 }] }, false],
    [
      'nested all / any / not',
      {
        all: [
          { field: 'sports', in: ['coaching'] },
          { any: [{ field: 'plan', equals: 'adult' }, { field: 'plan', equals: 'family' }] },
          { not: { field: 'rating', equals: 1 } },
        ],
      },
      true,
    ],
  ]
  for (const [name, condition, expected] of cases) test(name, () => assert.equal(evaluateCondition(condition, lookup), expected))

  test('a condition nested deeper than the limit throws instead of recursing on', () => {
    let c: Condition = { field: 'plan', equals: 'family' }
    for (let i = 0; i < 3; i++) c = { not: { not: c } }
    assert.equal(evaluateCondition(c, lookup), true)
    for (let i = 0; i < 10; i++) c = { not: { not: c } }
    assert.throws(() => evaluateCondition(c, lookup), RangeError)
  })
})

test('conditionReferences lists every field read, with its values', () => {
  assert.deepEqual(
    conditionReferences({ all: [{ field: 'a', equals: 'x' }, { not: { field: 'b', in: ['y', 'z'] } }] }),
    [
      { field: 'a', values: ['x'] },
      { field: 'b', values: ['y', 'z'] },
    ],
  )
})
