/** The definition schema, lint, index and summaries, on the kitchen sink (R14). */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { familyAnswers, kitchenSink, testTranslator } from '#tests/fixtures/questionnaires/kitchen-sink.ts'
import {
  collectMessageKeys,
  defineQuestionnaire,
  Definition,
  fieldsByFeed,
  findField,
  indexDefinition,
  lintDefinition,
  pageFields,
  type DefinitionInput,
} from './definition.ts'
import { summariseAnswers } from './summary.ts'

/** A deep copy of the kitchen sink to break on purpose. */
const copy = (): DefinitionInput => structuredClone(kitchenSink) as DefinitionInput
type MutableField = Record<string, unknown>
const fieldOf = (d: DefinitionInput, id: string) =>
  d.parts.flatMap((p) => p.pages.flatMap((pg) => pg.sections.flatMap((s) => s.fields))).find((f) => f.id === id) as MutableField

describe('the definition schema', () => {
  test('accepts the kitchen sink and freezes it', () => {
    assert.ok(Object.isFrozen(kitchenSink) && Object.isFrozen(kitchenSink.parts[0]!.pages[0]!.sections[0]!.fields[0]))
  })
  test('refuses ids with dots, Thai or lower-case first letters; unknown properties; unknown types', () => {
    for (const bad of ['T01.1', 'ก01', 't01', 'T1x', 'T01-a']) {
      const d = copy()
      fieldOf(d, 'T02').id = bad
      assert.equal(Definition.safeParse(d).success, false, bad)
    }
    const d = copy()
    fieldOf(d, 'T02').colour = 'red'
    assert.equal(Definition.safeParse(d).success, false)
    const e = copy()
    fieldOf(e, 'T02').type = 'slider'
    assert.equal(Definition.safeParse(e).success, false)
  })
  test('refuses conditions that are code, not JSON data', () => {
    const d = copy()
    fieldOf(d, 'T12').showIf = 'answers.T09 === "family"'
    assert.throws(() => defineQuestionnaire(d))
  })
})

describe('lintDefinition', () => {
  test('the kitchen sink is clean', () => {
    assert.deepEqual(lintDefinition(kitchenSink), [])
  })
  const broken: [string, (d: DefinitionInput) => void, RegExp][] = [
    ['duplicate field ids', (d) => (fieldOf(d, 'T03').id = 'T02'), /duplicate id "T02"/],
    ['a condition on a later question', (d) => (fieldOf(d, 'T04').showIf = { field: 'T09', equals: 'adult' }), /T04: condition refers to "T09"/],
    ['a condition on an unknown question', (d) => (fieldOf(d, 'T04').showIf = { field: 'T00', equals: 'x' }), /"T00", which is not an earlier/],
    ['a condition value that is not an option', (d) => (fieldOf(d, 'T11_rating').showIf = { field: 'T11', equals: 'maybe' }), /"maybe", which is not one of its options/],
    ['a section condition on a later question', (d) => (d.parts[1]!.pages[0]!.sections[0]!.showIf = { field: 'T19', equals: 'mon' }), /family: condition refers to "T19"/],
    ['readOnly without prefill', (d) => (fieldOf(d, 'T03').readOnly = true), /readOnly needs a prefill/],
    ['a prefill into the wrong type', (d) => (fieldOf(d, 'T03').prefill = 'registry.email'), /prefill registry.email needs type email/],
    ['a rule on an unknown field', (d) => ((d.rules as unknown[])[1] = { kind: 'compare', field: 'T15_paidUp', op: 'lte', other: 'T99', messageKey: 'x.y' }), /unknown field "T99"/],
    ['a sum over text', (d) => ((d.rules as unknown[])[2] = { kind: 'sum', terms: [{ field: 'T02' }], equals: 100, reportAt: 'T02', messageKey: 'x.y' }), /"T02" is text/],
    ['a sum with neither equals nor atMost', (d) => ((d.rules as unknown[])[2] = { kind: 'sum', terms: [{ field: 'T16_cash' }], reportAt: 'T16_cash', messageKey: 'x.y' }), /exactly one of equals/],
  ]
  for (const [name, breakIt, expected] of broken) {
    test(name, () => {
      const d = copy()
      breakIt(d)
      const problems = lintDefinition(Definition.parse(d))
      assert.ok(problems.some((p) => expected.test(p)), problems.join('\n'))
    })
  }
  test('a column condition may refer only to earlier columns of its row', () => {
    const d = copy()
    const group = fieldOf(d, 'T13') as { fields: MutableField[] }
    group.fields[1]!.showIf = { field: 'feeShare', equals: 1 }
    assert.ok(lintDefinition(Definition.parse(d)).some((p) => p.startsWith('T13.relation: condition refers to "feeShare"')))
  })
  test('reports message keys missing from the catalogs', () => {
    const problems = lintDefinition(kitchenSink, { hasMessage: (k) => !k.startsWith('ks.T0') })
    assert.ok(problems.includes('message key "ks.T01" is missing'))
  })
})

describe('index and helpers', () => {
  test('fields are indexed in document order with their part, page and section', () => {
    const index = indexDefinition(kitchenSink)
    assert.equal(index.fields[0]!.def.id, 'T01')
    assert.deepEqual(
      { part: findField(kitchenSink, 'T16_cash')!.partId, page: findField(kitchenSink, 'T16_cash')!.pageId },
      { part: 'part-b', page: '2' },
    )
    assert.deepEqual(pageFields(kitchenSink, 'part-b', '1').map((f) => f.def.id), ['T13', 'T14', 'T15_registered', 'T15_paidUp'])
    assert.equal(indexDefinition(kitchenSink), index)
  })
  test('fieldsByFeed lists field ids per factor / area', () => {
    const feeds = fieldsByFeed(kitchenSink)
    assert.deepEqual(feeds.TXN, ['T16_cash', 'T16_card', 'T16_transfer'])
    assert.deepEqual(feeds.GEO, ['T07'])
    assert.deepEqual(feeds.C1, [])
  })
  test('collectMessageKeys includes labels, options, columns, rules and generic keys', () => {
    const keys = collectMessageKeys(kitchenSink)
    for (const k of ['ks.T13.relationOther', 'ks.option.day.sun', 'ks.rule.lockerCount', 'questionnaire.ynp.partly', 'questionnaire.address.postcode']) {
      assert.ok(keys.has(k as never), k)
    }
  })
})

describe('summariseAnswers (check your answers)', () => {
  test('lists shown questions of a part with their answers as text', () => {
    const rows = summariseAnswers(kitchenSink, { ...familyAnswers, T14: 'hidden' }, testTranslator('en'), 'part-b')
    assert.deepEqual(rows.map((r) => r.fieldId), ['T13', 'T16_cash', 'T16_card', 'T16_transfer', 'T17', 'T18_count', 'T18', 'T19', 'T19_preferred'])
    assert.equal(rows.find((r) => r.fieldId === 'T17')?.value, undefined)
    assert.equal(
      rows.find((r) => r.fieldId === 'T13')?.value,
      '1. ks.T13.name: สมหญิง ใจดี · ks.T13.relation: ks.option.relation.spouse · ks.T13.feeShare: 60%\n' +
        '2. ks.T13.name: Khun Nok · ks.T13.relation: ks.option.relation.other · ks.T13.relationOther: niece · ks.T13.feeShare: 40%',
    )
  })
  test('dates in the Buddhist Era in Thai, files by document type', () => {
    const rows = summariseAnswers(kitchenSink, familyAnswers, testTranslator('th'))
    assert.equal(rows.find((r) => r.fieldId === 'T04')?.value, '28 ธันวาคม 2528')
    assert.equal(rows.find((r) => r.fieldId === 'T20')?.value, '1 ไฟล์: แบบคำขอใช้บริการที่ลงนามแล้ว')
  })
})
