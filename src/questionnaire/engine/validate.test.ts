/** Draft vs submission validation, conditions and cross-field rules, on the kitchen sink (R14). */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { CONTEXT, familyAnswers, JURISTIC_ID, kitchenSink, LUMPHINI } from '#tests/fixtures/questionnaires/kitchen-sink.ts'
import { mergeDraft, type Answers } from './answers.ts'
import { indexDefinition } from './definition.ts'
import { validateDraft, validateSubmission, type Problem } from './validate.ts'

const where = (problems: readonly Problem[]) => problems.map((p) => `${p.fieldPath}: ${p.messageKey}`)

describe('validateDraft (บันทึกแบบร่าง: lenient)', () => {
  test('an empty page is fine', () => {
    assert.deepEqual(validateDraft(kitchenSink, 'part-a', '1', {}), { partId: 'part-a', pageId: '1', answers: {}, problems: [] })
  })
  test('normalises what was posted; only malformed values are problems', () => {
    const r = validateDraft(kitchenSink, 'part-a', '1', {
      T02: ' Somchai ',
      T04: { day: '31', month: '4', year: '2568' },
      T06: '081 234 5678',
      T09: 'adult',
      T11_rating: 'high',
    })
    assert.deepEqual(r.answers, { T02: 'Somchai', T06: '+66812345678', T09: 'adult' })
    assert.deepEqual(where(r.problems), ['T04: errors.date.impossible', 'T11_rating: questionnaire.errors.integer.notNumber'])
    assert.deepEqual(
      r.problems.map((p) => [p.partId, p.pageId, p.sectionId]),
      [
        ['part-a', '1', 'member'],
        ['part-a', '1', 'membership'],
      ],
    )
  })
  test('drops unknown names, questions of other pages and read-only questions', () => {
    const r = validateDraft(kitchenSink, 'part-a', '1', { T01: '0994000617721', T16_cash: '50', __proto__x: 'x', B99: 'x' })
    assert.deepEqual(r.answers, {})
    assert.deepEqual(r.problems, [])
  })
  test('keeps answers to questions whose condition is off (people may switch back)', () => {
    const r = validateDraft(kitchenSink, 'part-b', '1', { T14: JURISTIC_ID })
    assert.deepEqual(r.answers, { T14: JURISTIC_ID })
  })
  test('an unknown page is a programming error', () => {
    assert.throws(() => validateDraft(kitchenSink, 'part-z', '1', {}), RangeError)
  })
  test('mergeDraft replaces the page, keeps the stored value of a question in error, leaves other pages alone', () => {
    const stored: Answers = { T01: JURISTIC_ID, T02: 'Old', T04: '1985-12-28', T08: 'to be cleared', T16_cash: 50 }
    const page = validateDraft(kitchenSink, 'part-a', '1', { T02: 'New', T04: { day: '30', month: '2', year: '2568' }, T08: '' })
    assert.deepEqual(mergeDraft(kitchenSink, stored, page), { T01: JURISTIC_ID, T02: 'New', T04: '1985-12-28', T16_cash: 50 })
  })
  test('mergeDraft keeps the answer of a question that a changed answer now hides; a shown question left empty is cleared', () => {
    const partOf = (id: string) => indexDefinition(kitchenSink).byId.get(id)!
    const { partId, pageId } = partOf('T11_rating')
    const stored: Answers = { T11: 'yes', T11_rating: 5 }
    const hidden = mergeDraft(kitchenSink, stored, validateDraft(kitchenSink, partId, pageId, { T11: 'no' }))
    assert.equal(hidden.T11, 'no')
    assert.equal(hidden.T11_rating, 5, 'kept while hidden; submission drops it')
    const shown = mergeDraft(kitchenSink, stored, validateDraft(kitchenSink, partId, pageId, { T11: 'partly' }))
    assert.equal(shown.T11_rating, undefined, 'shown and posted empty: cleared')
  })
  test('mergeDraft saves what is well-formed in a group with a bad cell', () => {
    const page = validateDraft(kitchenSink, 'part-b', '1', { T13: [{ name: 'Nok', feeShare: '150' }, { name: 'Ball' }] })
    assert.deepEqual(where(page.problems), ['T13.0.feeShare: questionnaire.errors.percentage.range'])
    assert.deepEqual(mergeDraft(kitchenSink, { T13: [{ name: 'Old' }] }, page), { T13: [{ name: 'Nok' }, { name: 'Ball' }] })
  })
})

describe('validateSubmission (ส่งข้อมูล: strict)', () => {
  test('a complete answer set passes and comes back cleaned', async () => {
    const r = await validateSubmission(kitchenSink, familyAnswers, CONTEXT)
    assert.deepEqual(r.problems, [])
    assert.equal(r.ok, true)
    assert.deepEqual(r.answers, familyAnswers)
  })
  test('lists every problem at once, in document order, located by part, page and field path', async () => {
    const r = await validateSubmission(kitchenSink, {}, CONTEXT)
    assert.equal(r.ok, false)
    assert.deepEqual(where(r.problems), [
      'T01: errors.field.required',
      'T02: errors.field.required',
      'T03: errors.field.required',
      'T04: errors.date.required',
      'T05: errors.field.required',
      'T06: errors.field.required',
      'T07: errors.field.required',
      'T09: errors.field.chooseOne',
      'T10: errors.field.chooseAtLeastOne',
      'T11: errors.field.chooseOne',
      'T16_cash: errors.field.required',
      'T16_card: errors.field.required',
      'T16_transfer: errors.field.required',
      'T19: errors.field.chooseAtLeastOne',
      'T19_preferred: errors.field.chooseOne',
      'T20: questionnaire.errors.file.required',
    ])
  })
  test('answers to hidden questions and unknown ids are ignored and cleared, never errors', async () => {
    const r = await validateSubmission(
      kitchenSink,
      {
        ...familyAnswers,
        T09: 'adult', // hides the family section: T13 is ignored even though its rows are invalid
        T13: [{ name: '', feeShare: 500 }],
        T14: 'not an id', // corporate section hidden
        T11: 'no', // hides T11_rating and, through the nested condition, T12
        T11_rating: 99,
        B01: 'unknown',
        constructor: 'x',
      },
      CONTEXT,
    )
    assert.deepEqual(r.problems, [])
    for (const gone of ['T13', 'T14', 'T11_rating', 'T12', 'B01']) assert.equal(Object.hasOwn(r.answers, gone), false, gone)
  })
  test('a question that depends on a hidden question is hidden too', async () => {
    // T12 needs T09 adult/family; with T09 junior it is hidden whatever T10 and T11 say
    const r = await validateSubmission(kitchenSink, { ...familyAnswers, T09: 'junior', T12: 'x'.repeat(5000) }, CONTEXT)
    assert.deepEqual(r.problems, [])
    assert.equal(r.answers.T12, undefined)
  })
  test('conditional questions become required when shown', async () => {
    const { T11_rating: _r, ...rest } = familyAnswers
    const r = await validateSubmission(kitchenSink, { ...rest, T09: 'corporate' }, CONTEXT)
    assert.deepEqual(where(r.problems), [
      'T11_rating: errors.field.required',
      'T14: errors.field.required',
      'T15_registered: errors.field.required',
      'T15_paidUp: errors.field.required',
    ])
    assert.deepEqual(
      r.problems.map((p) => `${p.partId}/${p.pageId}/${p.sectionId}`),
      ['part-a/1/membership', 'part-b/1/corporate', 'part-b/1/corporate', 'part-b/1/corporate'],
    )
  })
  test('an address whose postcode does not match its subdistrict is reported at the postcode', async () => {
    const r = await validateSubmission(kitchenSink, { ...familyAnswers, T07: { ...LUMPHINI, postcode: '10200' } }, CONTEXT)
    assert.deepEqual(where(r.problems), ['T07.postcode: questionnaire.errors.address.postcode'])
  })
  test('stored values that are no longer valid (tampered JSON) are problems, not crashes', async () => {
    const r = await validateSubmission(kitchenSink, { ...familyAnswers, T04: 'yesterday', T10: 'singles', T16_cash: '33.33' }, CONTEXT)
    assert.deepEqual(where(r.problems), [
      'T04: errors.date.impossible',
      'T10: errors.field.invalid',
      'T16_cash: questionnaire.errors.percentage.notNumber',
    ])
  })
})

describe('cross-field rules', () => {
  const problemsOf = async (patch: Answers) => where((await validateSubmission(kitchenSink, { ...familyAnswers, ...patch }, CONTEXT)).problems)

  test('a group column may not add up to more than 100 %', async () => {
    const r = await validateSubmission(
      kitchenSink,
      { ...familyAnswers, T13: [{ name: 'a', relation: 'spouse', feeShare: 70 }, { name: 'b', relation: 'child', feeShare: 30.5 }] },
      CONTEXT,
    )
    assert.deepEqual(r.problems.map((p) => [p.fieldPath, p.messageKey, p.params]), [['T13', 'ks.rule.feeShareOver100', { total: 100.5, expected: 100 }]])
  })
  test('shares that must add up to 100 % (compared in hundredths)', async () => {
    assert.deepEqual(await problemsOf({ T16_cash: 50, T16_card: 25, T16_transfer: 24.99 }), ['T16_cash: ks.rule.paymentsNot100'])
    assert.deepEqual(await problemsOf({ T16_cash: 100, T16_card: 0, T16_transfer: 0 }), [])
  })
  test('paid-up capital may not exceed registered capital', async () => {
    const corporate = { T09: 'corporate', T14: JURISTIC_ID, T15_registered: 100_000_000, T15_paidUp: 100_000_001 }
    assert.deepEqual(await problemsOf(corporate), ['T15_paidUp: ks.rule.paidUpOverRegistered'])
    assert.deepEqual(await problemsOf({ ...corporate, T15_paidUp: 100_000_000 }), [])
  })
  test('the number of rows must agree with the declared count', async () => {
    const r = await validateSubmission(kitchenSink, { ...familyAnswers, T18_count: 2 }, CONTEXT)
    assert.deepEqual(r.problems.map((p) => [p.fieldPath, p.messageKey, p.params]), [['T18', 'ks.rule.lockerCount', { rows: 1, count: 2 }]])
    assert.deepEqual(await problemsOf({ T18_count: undefined, T18: undefined }), [])
  })
  test('a primary choice must be among the ticked ones', async () => {
    assert.deepEqual(await problemsOf({ T19_preferred: 'mon' }), ['T19_preferred: ks.rule.preferredDay'])
  })
  test('a rule is skipped while a field it reads has its own problem', async () => {
    assert.deepEqual(await problemsOf({ T16_cash: 101 }), ['T16_cash: questionnaire.errors.percentage.range'])
  })
  test('a rule on a hidden section is skipped', async () => {
    assert.deepEqual(await problemsOf({ T09: 'adult', T13: [{ name: 'a', relation: 'spouse', feeShare: 900 }] }), [])
  })
})
