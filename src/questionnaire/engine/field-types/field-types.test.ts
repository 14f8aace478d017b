/**
 * Every field type's valid and invalid forms, through its module contract, on the kitchen-sink
 * questionnaire's fields (house style R14).
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  CITIZEN_ID,
  CONTEXT,
  JURISTIC_ID,
  kitchenSink,
  LUMPHINI,
  testTranslator,
} from '#tests/fixtures/questionnaires/kitchen-sink.ts'
import { findField } from '../definition.ts'
import { FIELD_TYPES } from './names.ts'
import { FIELD_TYPE_REGISTRY, moduleFor, type FieldDef } from '../registry.ts'
import { indexDefinition } from '../definition.ts'
import { parseDraftValue, type ValidationContext } from './contract.ts'
import { leafModule, type LeafFieldDef } from './leaves.ts'

const def = (id: string): FieldDef => {
  const entry = findField(kitchenSink, id)
  if (!entry) throw new Error(`no field ${id}`)
  return entry.def
}
const column = (groupId: string, columnId: string): LeafFieldDef => {
  const g = def(groupId)
  if (g.type !== 'group') throw new Error('not a group')
  const c = g.fields.find((f) => f.id === columnId)
  if (!c) throw new Error(`no column ${columnId}`)
  return c
}
/** The draft pipeline: form post → { value, issue keys }. */
const draft = (id: string, raw: unknown) => {
  const d = def(id)
  const parsed = parseDraftValue(moduleFor(d), d, raw)
  return { value: parsed.value, keys: parsed.issues.map((i) => i.messageKey), issues: parsed.issues }
}
/** The submit schema on a stored answer. */
const submit = async (id: string, answer: unknown, ctx: ValidationContext = CONTEXT) => {
  const d = def(id)
  const r = await moduleFor(d).submitSchema(d, ctx).safeParseAsync(answer)
  return r.success ? { ok: true as const, value: r.data } : { ok: false as const, keys: r.error.issues.map((i) => i.message) }
}

describe('the registry', () => {
  test('has a module for every field type, and the kitchen sink uses every type', () => {
    for (const type of FIELD_TYPES) assert.equal(FIELD_TYPE_REGISTRY[type].type, type)
    const used = new Set(indexDefinition(kitchenSink).fields.flatMap((f) => [f.def.type, ...(f.def.type === 'group' ? f.def.fields.map((c) => c.type) : [])]))
    assert.deepEqual([...FIELD_TYPES].filter((t) => !used.has(t)), [])
  })
  test('possibleErrors lists message keys for every field', () => {
    for (const { def: d } of indexDefinition(kitchenSink).fields) {
      const keys = moduleFor(d).possibleErrors(d)
      assert.ok(keys.length > 0, d.id)
      for (const k of keys) assert.match(k, /^[a-z]+\./)
    }
  })
})

describe('text and longText', () => {
  test('trims, collapses spaces, keeps Thai, emoji and markup as text', () => {
    assert.equal(draft('T02', '  สมชาย   ใจดี  ').value, 'สมชาย ใจดี')
    assert.equal(draft('T02', 'Ace 🎾👨‍👩‍👧').value, 'Ace 🎾👨‍👩‍👧')
    assert.equal(draft('T02', '<script>alert(1)</script>').value, '<script>alert(1)</script>')
    assert.equal(draft('T08', 'line 1\r\n<b>line 2</b>  \n').value, 'line 1\n<b>line 2</b>')
  })
  test('removes invisible and bidi-override characters', () => {
    assert.equal(draft('T02', 'abc\u202Edef\u200B\u0000').value, 'abcdef')
  })
  test('empty is no answer in a draft and required at submission', async () => {
    assert.deepEqual(draft('T02', '   '), { value: undefined, keys: [], issues: [] })
    assert.deepEqual(await submit('T02', undefined), { ok: false, keys: ['errors.field.required'] })
    assert.deepEqual(await submit('T08', undefined), { ok: true, value: undefined })
  })
  test('rejects text over the maximum length, counting characters not UTF-16 units', () => {
    const r = draft('T02', 'ก'.repeat(61))
    assert.equal(r.value, undefined)
    assert.deepEqual(r.issues, [{ path: [], messageKey: 'errors.field.tooLong', params: { max: 60 } }])
    assert.equal(draft('T02', '🎾'.repeat(60)).value, '🎾'.repeat(60))
    assert.deepEqual(draft('T08', 'x'.repeat(100 * 1024)).keys, ['errors.field.tooLong'])
  })
  test('a repeated name (an array) is tampering, reported as invalid', () => {
    assert.deepEqual(draft('T02', ['a', 'b']).keys, ['errors.field.invalid'])
  })
})

describe('integer', () => {
  test('accepts thousands separators and Thai digits', () => {
    assert.equal(draft('T18_count', '๓').value, 3)
    assert.equal(draft('T11_rating', ' 4 ').value, 4)
  })
  test('rejects words, decimals and out-of-range values', () => {
    assert.deepEqual(draft('T11_rating', 'four').keys, ['questionnaire.errors.integer.notNumber'])
    assert.deepEqual(draft('T11_rating', '4.5').keys, ['questionnaire.errors.integer.notWhole'])
    assert.deepEqual(draft('T11_rating', '9').keys, ['questionnaire.errors.number.tooLarge'])
    assert.deepEqual(draft('T11_rating', '0').keys, ['questionnaire.errors.number.tooSmall'])
    assert.deepEqual(draft('T18_count', '-1').keys, ['questionnaire.errors.number.tooSmall'])
    assert.deepEqual(draft('T18_count', '1'.repeat(40)).keys, ['questionnaire.errors.number.tooLarge'])
  })
})

describe('money (stored as integer satang)', () => {
  const cases: [string, number][] = [
    ['1,500,000.00', 150_000_000],
    ['฿ 2,000', 200_000],
    ['12.5 บาท', 1250],
    ['0.07', 7],
    ['๑๒๓.๔๕', 12345],
    ['1.500', 150],
  ]
  for (const [raw, satang] of cases) test(`${raw} → ${satang} satang`, () => assert.equal(draft('T17', raw).value, satang))
  test('rejects negative amounts, more than two decimals and words', () => {
    assert.deepEqual(draft('T17', '-100').keys, ['questionnaire.errors.money.negative'])
    assert.deepEqual(draft('T17', '1.234').keys, ['questionnaire.errors.money.decimals'])
    assert.deepEqual(draft('T17', 'ten baht').keys, ['questionnaire.errors.money.notNumber'])
    assert.deepEqual(draft('T17', '1'.repeat(20)).keys, ['questionnaire.errors.money.tooLarge'])
  })
  test('summarises as baht in the locale', () => {
    const d = def('T17')
    assert.equal(moduleFor(d).summarise(150_000_000, testTranslator('en'), d), '฿1,500,000.00')
  })
})

describe('percentage', () => {
  test('accepts 0–100 with two decimals, with or without %', () => {
    assert.equal(draft('T16_cash', '12.5%').value, 12.5)
    assert.equal(draft('T16_cash', '100').value, 100)
    assert.equal(draft('T16_cash', '0').value, 0)
  })
  test('rejects 101 %, negatives and three decimals', () => {
    assert.deepEqual(draft('T16_cash', '101').keys, ['questionnaire.errors.percentage.range'])
    assert.deepEqual(draft('T16_cash', '-1').keys, ['questionnaire.errors.percentage.range'])
    assert.deepEqual(draft('T16_cash', '33.333').keys, ['questionnaire.errors.percentage.decimals'])
    assert.deepEqual(draft('T16_cash', 'half').keys, ['questionnaire.errors.percentage.notNumber'])
  })
})

describe('date (BE or CE year, stored ISO)', () => {
  test('reads a Buddhist-Era or Gregorian year', () => {
    assert.equal(draft('T04', { day: '28', month: '12', year: '2528' }).value, '1985-12-28')
    assert.equal(draft('T04', { day: '28', month: '12', year: '1985' }).value, '1985-12-28')
    assert.equal(draft('T04', '1985-12-28').value, '1985-12-28')
  })
  test('rejects impossible and incomplete dates', () => {
    assert.deepEqual(draft('T04', { day: '31', month: '4', year: '2568' }).keys, ['errors.date.impossible'])
    assert.deepEqual(draft('T04', { day: '29', month: '2', year: '2025' }).keys, ['errors.date.impossible'])
    assert.deepEqual(draft('T04', { day: '1', month: '', year: '2568' }).keys, ['errors.date.incomplete'])
    assert.deepEqual(draft('T04', '2025-02-30').keys, ['errors.date.impossible'])
    assert.deepEqual(draft('T04', { day: '', month: '', year: '' }), { value: undefined, keys: [], issues: [] })
  })
  test('"not in the future" is checked at submission against ctx.today', async () => {
    assert.deepEqual(await submit('T04', '2025-06-16'), { ok: false, keys: ['questionnaire.errors.date.future'] })
    assert.deepEqual(await submit('T04', '2025-06-15'), { ok: true, value: '2025-06-15' })
    assert.deepEqual(await submit('T04', undefined), { ok: false, keys: ['errors.date.required'] })
  })
  test('goes back into the boxes with a BE year in Thai and a CE year in English', () => {
    const d = def('T04')
    assert.deepEqual(moduleFor(d).toFormValue('1985-12-28', d, 'th'), { day: '28', month: '12', year: '2528' })
    assert.deepEqual(moduleFor(d).toFormValue('1985-12-28', d, 'en'), { day: '28', month: '12', year: '1985' })
  })
})

describe('singleChoice, multipleChoice and ynp', () => {
  test('single choice accepts an option and refuses anything else', async () => {
    assert.equal(draft('T09', 'family').value, 'family')
    assert.deepEqual(draft('T09', 'platinum').keys, ['errors.field.invalid'])
    assert.deepEqual(await submit('T09', undefined), { ok: false, keys: ['errors.field.chooseOne'] })
  })
  test('multiple choice takes one value or several, in option order, without duplicates', () => {
    assert.deepEqual(draft('T10', 'coaching').value, ['coaching'])
    assert.deepEqual(draft('T10', ['coaching', '', 'singles', 'singles']).value, ['singles', 'coaching'])
    assert.deepEqual(draft('T10', ['']).value, undefined)
    assert.deepEqual(draft('T10', ['singles', 'squash']).keys, ['errors.field.invalid'])
  })
  test('an exclusive option cannot be combined (at submission); maxSelections holds', async () => {
    assert.deepEqual(await submit('T10', ['singles', 'none']), { ok: false, keys: ['questionnaire.errors.choice.exclusive'] })
    assert.deepEqual(await submit('T10', ['none']), { ok: true, value: ['none'] })
    assert.deepEqual(draft('T10', ['singles', 'doubles', 'coaching', 'none']).keys, ['questionnaire.errors.choice.tooMany'])
    assert.deepEqual(await submit('T10', undefined), { ok: false, keys: ['errors.field.chooseAtLeastOne'] })
  })
  test('ynp accepts yes / partly / no', () => {
    for (const v of ['yes', 'partly', 'no']) assert.equal(draft('T11', v).value, v)
    assert.deepEqual(draft('T11', 'maybe').keys, ['errors.field.invalid'])
    const d = def('T11')
    assert.equal(moduleFor(d).summarise('partly', testTranslator('th'), d), 'ใช่ บางส่วน')
  })
})

describe('thaiAddress (validated together, asynchronously)', () => {
  test('a draft keeps a partial address and normalises the postcode', () => {
    assert.deepEqual(draft('T07', { province: ' กทม ', postcode: '๑๐๓๓๐', road: '' }).value, { province: 'กทม', postcode: '10330' })
    assert.deepEqual(draft('T07', { houseNo: '', province: '' }).value, undefined)
    assert.deepEqual(draft('T07', { postcode: '1033' }).keys, ['questionnaire.errors.address.postcodeFormat'])
    assert.deepEqual(draft('T07', 'Bangkok').keys, ['errors.field.invalid'])
  })
  test('a real address passes and takes the canonical spelling', async () => {
    const r = await submit('T07', { ...LUMPHINI, province: 'กทม.', district: 'เขตปทุมวัน', subdistrict: 'แขวงลุมพินี' })
    assert.ok(r.ok)
    assert.deepEqual(r.value, LUMPHINI)
  })
  test('a postcode that does not match the subdistrict is refused at the postcode', async () => {
    const d = def('T07')
    const r = await moduleFor(d).submitSchema(d, CONTEXT).safeParseAsync({ ...LUMPHINI, postcode: '10200' })
    assert.equal(r.success, false)
    assert.deepEqual(
      r.error?.issues.map((i) => [i.path.join('.'), i.message]),
      [['postcode', 'questionnaire.errors.address.postcode']],
    )
  })
  test('a district from another province, and missing parts, are refused', async () => {
    assert.deepEqual(await submit('T07', { ...LUMPHINI, district: 'เมืองเชียงใหม่' }), {
      ok: false,
      keys: ['questionnaire.errors.address.district'],
    })
    const r = await submit('T07', { houseNo: '1', province: 'กรุงเทพมหานคร' })
    assert.deepEqual(r, { ok: false, keys: ['errors.field.required', 'errors.field.required', 'errors.field.required'] })
  })
  test('summarises in Thai order with Bangkok wording', () => {
    const d = def('T07')
    assert.equal(
      moduleFor(d).summarise(LUMPHINI, testTranslator('th'), d),
      '99/1 ซอยร่วมฤดี ถนนวิทยุ แขวงลุมพินี เขตปทุมวัน กรุงเทพมหานคร 10330',
    )
  })
})

describe('phone, email and thaiId13', () => {
  test('phones are stored as E.164', () => {
    assert.equal(draft('T06', '081-234-5678').value, '+66812345678')
    assert.equal(draft('T06', '+66 2 123 4567 ต่อ 12').value, '+6621234567;ext=12')
    assert.deepEqual(draft('T06', '12345').keys, ['questionnaire.errors.phone'])
  })
  test('e-mail addresses must look like one', () => {
    assert.equal(draft('T05', ' somchai@example.co.th ').value, 'somchai@example.co.th')
    assert.deepEqual(draft('T05', 'somchai@').keys, ['errors.field.email'])
  })
  test('13-digit IDs: separators and Thai digits accepted, checksum and kind enforced', () => {
    assert.equal(draft('T03', '3-1006-00445-63-5').value, CITIZEN_ID)
    assert.equal(draft('T03', '๓๑๐๐๖๐๐๔๔๕๖๓๕').value, CITIZEN_ID)
    assert.deepEqual(draft('T03', '3100600445634').keys, ['errors.field.thaiId'])
    assert.deepEqual(draft('T03', '310060044563').keys, ['questionnaire.errors.thaiId.format'])
    assert.deepEqual(draft('T03', JURISTIC_ID).keys, ['questionnaire.errors.thaiId.notCitizen'])
    assert.deepEqual(draft('T14', CITIZEN_ID).keys, ['errors.field.juristicId'])
    assert.deepEqual(draft('T14', '0105536112015').keys, ['errors.field.juristicId'])
    assert.equal(draft('T14', JURISTIC_ID).value, JURISTIC_ID)
  })
})

describe('group', () => {
  test('rows come from the form post; unknown columns are dropped; bad cells are reported by path', () => {
    const r = draft('T13', [
      { name: ' Nok ', relation: 'child', feeShare: '50', admin: 'yes' },
      { name: '', relation: 'cousin', feeShare: '101', thaiId: '3100600445634' },
    ])
    assert.deepEqual(r.value, [{ name: 'Nok', relation: 'child', feeShare: 50 }, {}])
    assert.deepEqual(
      r.issues.map((i) => [i.path.join('.'), i.messageKey]),
      [
        ['1.relation', 'errors.field.invalid'],
        ['1.thaiId', 'errors.field.thaiId'],
        ['1.feeShare', 'questionnaire.errors.percentage.range'],
      ],
    )
  })
  test('more rows than maxRows are cut in a draft, with a problem', () => {
    const r = draft('T13', Array.from({ length: 6 }, () => ({ name: 'x' })))
    assert.equal((r.value as unknown[]).length, 4)
    assert.deepEqual(r.keys, ['questionnaire.errors.group.tooManyRows'])
  })
  test('at submission: blank rows are ignored, minRows holds, hidden columns are dropped', async () => {
    assert.deepEqual(await submit('T13', [{}, {}]), { ok: false, keys: ['ks.T13.atLeastOne'] })
    const r = await submit('T13', [{}, { name: 'Nok', relation: 'child', relationOther: 'stale', feeShare: 100 }])
    assert.deepEqual(r, { ok: true, value: [{ name: 'Nok', relation: 'child', feeShare: 100 }] })
  })
  test('a conditional column is required when shown; error paths keep the row index people saw', async () => {
    const d = def('T13')
    const res = await moduleFor(d)
      .submitSchema(d, CONTEXT)
      .safeParseAsync([{}, { name: 'Nok', relation: 'other', feeShare: 10, address: { ...LUMPHINI, postcode: '10200' } }])
    assert.deepEqual(
      res.error?.issues.map((i) => [i.path.join('.'), i.message]),
      [
        ['1.relationOther', 'errors.field.required'],
        ['1.address.postcode', 'questionnaire.errors.address.postcode'],
      ],
    )
  })
  test('an optional group may be empty', async () => {
    assert.deepEqual(await submit('T18', undefined), { ok: true, value: undefined })
  })
})

describe('file', () => {
  test('takes attachment rows, or bare ids when the question has one document type', () => {
    assert.deepEqual(draft('T20', [{ attachmentId: 'att-form', documentType: 'SERVICE_REQUEST_SIGNED' }]).value, [
      { attachmentId: 'att-form', documentType: 'SERVICE_REQUEST_SIGNED' },
    ])
    assert.deepEqual(draft('T21', ['att-coach', 'att-coach']).value, [{ attachmentId: 'att-coach', documentType: 'TRAINING_RECORDS' }])
    assert.deepEqual(draft('T20', 'att-form').keys, ['questionnaire.errors.file.documentType'])
    assert.deepEqual(draft('T20', [{ attachmentId: '../../etc/passwd', documentType: 'OTHER' }]).keys, ['errors.field.invalid'])
    assert.deepEqual(draft('T20', [{ attachmentId: 'a', documentType: 'AML_POLICY' }]).keys, ['questionnaire.errors.file.documentType'])
  })
  test('at submission the attachments must exist and have an accepted type (the recorded one wins)', async () => {
    assert.deepEqual(await submit('T20', undefined), { ok: false, keys: ['questionnaire.errors.file.required'] })
    assert.deepEqual(await submit('T20', [{ attachmentId: 'att-gone', documentType: 'OTHER' }]), {
      ok: false,
      keys: ['questionnaire.errors.file.missing'],
    })
    assert.deepEqual(await submit('T20', [{ attachmentId: 'att-other', documentType: 'SERVICE_REQUEST_SIGNED' }]), {
      ok: true,
      value: [{ attachmentId: 'att-other', documentType: 'OTHER' }],
    })
    assert.deepEqual(await submit('T20', [{ attachmentId: 'att-coach', documentType: 'OTHER' }]), {
      ok: false,
      keys: ['questionnaire.errors.file.documentType'],
    })
  })
})

describe('toFormValue is the inverse of normalise', () => {
  const samples: Record<string, unknown> = {
    T02: 'สมชาย ใจดี',
    T03: CITIZEN_ID,
    T04: '2024-02-29',
    T05: 'a@example.com',
    T06: '+6621234567;ext=12',
    T07: LUMPHINI,
    T08: 'two\nlines',
    T09: 'adult',
    T10: ['singles', 'doubles'],
    T11: 'no',
    T11_rating: 7,
    T13: [{ name: 'Nok', relation: 'other', relationOther: 'niece', feeShare: 12.5, address: LUMPHINI }],
    T15_paidUp: 123_456_789,
    T16_card: 33.33,
    T20: [{ attachmentId: 'att-form', documentType: 'SERVICE_REQUEST_SIGNED' }],
  }
  for (const [id, answer] of Object.entries(samples)) {
    for (const locale of ['th', 'en'] as const) {
      test(`${id} (${locale})`, () => {
        const d = def(id)
        const m = moduleFor(d)
        assert.deepEqual(parseDraftValue(m, d, m.toFormValue(answer, d, locale)), { value: answer, issues: [] })
      })
    }
  }
  test('columns too', () => {
    const c = column('T13', 'feeShare')
    assert.equal(leafModule(c).toFormValue(12.5, c, 'th'), '12.5')
  })
})
