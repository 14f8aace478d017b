import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { FIELD_TYPES, FieldDef, type FieldType } from '#src/questionnaire/engine/index.ts'
import { render } from '#tests/support/render.ts'
import { testTranslator } from '#tests/fixtures/questionnaires/kitchen-sink.ts'
import { FIELD_RENDERERS, QuestionField, fieldDomId } from './registry.ts'

const t = testTranslator('th')
const k = (s: string) => s as MessageKey
const XSS = '<script>alert(1)</script>'

/** One definition per type, with a hint, and a value as toFormValue gives it. */
const CASES: Record<FieldType, { def: unknown; value: unknown; input: string }> = {
  text: { def: { type: 'text' }, value: `ชื่อ ${XSS}`, input: 'input' },
  longText: { def: { type: 'longText' }, value: `ยาว ${XSS}`, input: 'textarea' },
  integer: { def: { type: 'integer', unit: k('ks.unit') }, value: '12', input: 'input' },
  money: { def: { type: 'money' }, value: '1500.50', input: 'input' },
  percentage: { def: { type: 'percentage' }, value: '12.5', input: 'input' },
  date: { def: { type: 'date' }, value: { day: '28', month: '12', year: '2528' }, input: 'input' },
  singleChoice: { def: { type: 'singleChoice', options: [{ value: 'a', label: k('ks.a') }, { value: 'b', label: k('ks.b') }] }, value: 'b', input: 'input' },
  multipleChoice: {
    def: { type: 'multipleChoice', options: [{ value: 'a', label: k('ks.a') }, { value: 'b', label: k('ks.b') }] },
    value: ['a', 'b'],
    input: 'input',
  },
  ynp: { def: { type: 'ynp' }, value: 'partly', input: 'input' },
  thaiAddress: { def: { type: 'thaiAddress' }, value: { houseNo: '99/1', road: XSS, postcode: '10330' }, input: 'input' },
  phone: { def: { type: 'phone' }, value: '081-234-5678', input: 'input' },
  email: { def: { type: 'email' }, value: 'a@example.co.th', input: 'input' },
  thaiId13: { def: { type: 'thaiId13', kind: 'citizen' }, value: '3100600445635', input: 'input' },
  group: {
    def: { type: 'group', maxRows: 3, fields: [{ id: 'fullName', type: 'text', label: k('ks.fullName') }] },
    value: [{ fullName: XSS }],
    input: 'input',
  },
  file: { def: { type: 'file', documentTypes: ['AML_POLICY'] }, value: [], input: 'a' },
}

const defOf = (type: FieldType, extra: Record<string, unknown> = {}) =>
  FieldDef.parse({ id: 'Q1', label: k('ks.Q1'), hint: k('ks.Q1.hint'), ...(CASES[type].def as object), ...extra })

function renderField(type: FieldType, opts: { error?: string; value?: unknown; extra?: Record<string, unknown>; errors?: Record<string, string> } = {}) {
  const def = defOf(type, opts.extra)
  return render(
    <QuestionField
      t={t}
      locale="th"
      def={def}
      name="Q1"
      id="Q1"
      value={opts.value ?? CASES[type].value}
      error={opts.error}
      errorFor={(p) => opts.errors?.[p]}
      attachments={type === 'file' ? [{ id: 'att-1', fileName: `policy ${XSS}.pdf`, documentType: 'AML_POLICY' }] : undefined}
      addDocumentHref={type === 'file' ? '/portal/documents/new?question=Q1' : undefined}
    />,
  )
}

describe('field renderers', () => {
  test('the registry has a renderer for every field type', () => {
    assert.deepEqual(Object.keys(FIELD_RENDERERS).sort(), [...FIELD_TYPES].sort())
  })

  test('fieldDomId replaces dots with dashes', () => {
    assert.equal(fieldDomId('B01.0.fullName'), 'B01-0-fullName')
    assert.equal(fieldDomId('A05'), 'A05')
  })

  for (const type of FIELD_TYPES) {
    describe(type, () => {
      test('shows the label (or legend) and the hint', () => {
        const $ = renderField(type)
        const text = $('label, legend').first().text()
        assert.match(text, /ks\.Q1/)
        assert.match($('#Q1-hint').text(), /^ks\.Q1\.hint/)
      })

      test('shows the error, tied by aria-describedby, with aria-invalid on inputs', () => {
        const $ = renderField(type, { error: 'ผิดพลาด' })
        assert.match($('#Q1-error').text(), /ผิดพลาด/)
        const described = $('[aria-describedby~="Q1-error"]')
        assert.ok(described.length >= 1, 'something is described by the error')
        const invalid = $('[aria-invalid="true"]')
        const grouped = described.first().is('fieldset')
        assert.ok(grouped || invalid.length >= 1, 'a single input is aria-invalid')
        assert.ok($('.form-group--error').length >= 1)
      })

      test('keeps the value and escapes markup', () => {
        // Attribute values may hold a raw `<` (valid HTML); what matters is that no element is made.
        const $ = renderField(type)
        assert.equal($('script').length, 0)
        assert.doesNotMatch($.html().replace(/"[^"]*"/g, '""'), /<script/)
      })
    })
  }

  test('values are kept per type', () => {
    assert.equal(renderField('text')('#Q1').val(), `ชื่อ ${XSS}`)
    assert.equal(renderField('longText')('#Q1').text(), `ยาว ${XSS}`)
    assert.equal(renderField('integer')('#Q1').val(), '12')
    assert.equal(renderField('money')('#Q1').val(), '1500.50')
    assert.equal(renderField('percentage')('#Q1').val(), '12.5')
    const d = renderField('date')
    assert.deepEqual([d('#Q1-day').val(), d('#Q1-month').val(), d('#Q1-year').val()], ['28', '12', '2528'])
    assert.equal(d('#Q1-year').attr('name'), 'Q1.year')
    assert.deepEqual(renderField('singleChoice')('input:checked').map((_, e) => e.attribs.value).get(), ['b'])
    assert.deepEqual(renderField('multipleChoice')('input:checked').map((_, e) => e.attribs.value).get(), ['a', 'b'])
    assert.deepEqual(renderField('ynp')('input:checked').map((_, e) => e.attribs.value).get(), ['partly'])
    const a = renderField('thaiAddress')
    assert.equal(a('#Q1-houseNo').val(), '99/1')
    assert.equal(a('#Q1-road').val(), XSS)
    assert.equal(a('#Q1-postcode').attr('name'), 'Q1.postcode')
    assert.equal(renderField('phone')('#Q1').val(), '081-234-5678')
    assert.equal(renderField('email')('#Q1').val(), 'a@example.co.th')
    assert.equal(renderField('thaiId13')('#Q1').val(), '3100600445635')
    assert.equal(renderField('group')('#Q1-0-fullName').val(), XSS)
    const f = renderField('file')
    assert.equal(f('input[name="Q1.0.attachmentId"]').val(), 'att-1')
    assert.match(f('.attachment-list').text(), /policy <script>/)
  })

  test('number boxes: inputmode and suffix', () => {
    const money = renderField('money')
    assert.equal(money('#Q1').attr('inputmode'), 'decimal')
    assert.equal(money('#Q1-suffix').text(), 'บาท')
    assert.match(money('#Q1').attr('aria-describedby') ?? '', /Q1-suffix/)
    assert.equal(renderField('percentage')('#Q1-suffix').text(), '%')
    assert.equal(renderField('integer')('#Q1').attr('inputmode'), 'numeric')
  })

  test('ynp: ใช่ / ใช่ บางส่วน / ไม่ใช่, or yes / no', () => {
    assert.deepEqual(renderField('ynp')('label').map((_, e) => renderField('ynp')(e).text()).get(), ['ใช่', 'ใช่ บางส่วน', 'ไม่ใช่'])
    assert.equal(renderField('ynp', { extra: { partly: false } })('input[type=radio]').length, 2)
  })

  test('phone, email and 13-digit id: input modes and autocomplete', () => {
    const p = renderField('phone')('#Q1')
    assert.deepEqual([p.attr('type'), p.attr('inputmode'), p.attr('autocomplete')], ['tel', 'tel', 'tel'])
    const e = renderField('email')('#Q1')
    assert.deepEqual([e.attr('type'), e.attr('autocomplete')], ['email', 'email'])
    assert.equal(renderField('thaiId13')('#Q1').attr('inputmode'), 'numeric')
  })

  test('single choice: a select when the definition asks for one', () => {
    const $ = renderField('singleChoice', { extra: { display: 'select' } })
    assert.equal($('select#Q1').length, 1)
    assert.equal($('option[selected]').val(), 'b')
  })

  test('address: a fieldset whose parts show their own errors', () => {
    const $ = renderField('thaiAddress', { errors: { 'Q1.postcode': 'รหัสไปรษณีย์ไม่ตรง' } })
    assert.equal($('fieldset#Q1 > legend').text(), 'ks.Q1')
    assert.match($('#Q1-postcode-error').text(), /รหัสไปรษณีย์ไม่ตรง/)
    assert.equal($('#Q1-postcode').attr('aria-invalid'), 'true')
    assert.equal($('#Q1-postcode').attr('autocomplete'), 'postal-code')
  })

  test('file: lists the attachments and links to + เพิ่มเอกสาร', () => {
    const $ = renderField('file')
    assert.equal($('a[href="/portal/documents/new?question=Q1"]').text(), '+ เพิ่มเอกสาร')
    assert.equal($('input[name="Q1.0.documentType"]').val(), 'AML_POLICY')
  })

  test('file: each attachment shows its type, size and upload time (Bangkok), in Thai and English', () => {
    const def = defOf('file')
    const attachment = { id: 'att-1', fileName: 'policy.docx', documentType: 'AML_POLICY' as const, sizeBytes: 1.2 * 1024 * 1024, uploadedAt: new Date('2026-11-29T03:32:00Z') }
    const th = render(<QuestionField t={t} locale="th" def={def} name="Q1" id="Q1" value={[]} errorFor={() => undefined} attachments={[attachment]} />)
    assert.equal(th('.attachment-list li .attachment-list__details').text(), '(นโยบายการป้องกันการฟอกเงินฯ · 1.2 MB · แนบเมื่อ 29/11/2026 10:32)')
    const en = render(<QuestionField t={testTranslator('en')} locale="en" def={def} name="Q1" id="Q1" value={[]} errorFor={() => undefined} attachments={[attachment]} />)
    assert.match(en('.attachment-list li .attachment-list__details').text(), /· 1\.2 MB · uploaded 29\/11\/2026 10:32\)$/)
    // Older rows without size or time still list cleanly.
    const bare = render(<QuestionField t={t} locale="th" def={def} name="Q1" id="Q1" value={[]} errorFor={() => undefined} attachments={[{ id: 'att-2', fileName: 'a.pdf', documentType: 'AML_POLICY' }]} />)
    assert.equal(bare('.attachment-list__details').text(), '(นโยบายการป้องกันการฟอกเงินฯ)')
  })

  test('read-only questions show their value as text, without an input', () => {
    const $ = renderField('thaiId13', { extra: { readOnly: true, prefill: 'registry.juristicId', kind: 'juristic' }, value: '0105536112014' })
    assert.equal($('input').length, 0)
    assert.equal($('#Q1').text(), '0105536112014')
  })
})

describe('group', () => {
  const group = (rows: unknown[], extra: Record<string, unknown> = {}) =>
    renderField('group', {
      value: rows,
      extra: {
        maxRows: 3,
        fields: [
          { id: 'fullName', type: 'text', label: k('ks.fullName') },
          { id: 'relation', type: 'singleChoice', label: k('ks.relation'), options: [{ value: 'spouse', label: k('ks.spouse') }, { value: 'other', label: k('ks.other') }] },
          { id: 'relationOther', type: 'text', label: k('ks.relationOther'), showIf: { field: 'relation', equals: 'other' } },
        ],
        ...extra,
      },
    })

  test('a fieldset per row headed รายการที่ n, cells named by dotted path, remove and add intents', () => {
    const $ = group([{ fullName: 'ก' }, { fullName: 'ข' }])
    assert.deepEqual($('fieldset.repeating-group__row > legend').map((_, e) => $(e).text()).get(), ['รายการที่ 1', 'รายการที่ 2'])
    assert.equal($('#Q1-1-fullName').attr('name'), 'Q1.1.fullName')
    assert.deepEqual($('button[name=intent]').map((_, e) => $(e).attr('value')).get(), ['remove:Q1:0', 'remove:Q1:1', 'add:Q1'])
    assert.match($('button[value="remove:Q1:1"]').text(), /ลบรายการนี้/)
    assert.equal($('button[value="add:Q1"]').text(), '+ เพิ่มรายการ')
    $('button[name=intent]').each((_, e) => assert.equal($(e).attr('type'), 'submit'))
  })

  test('no add button at maxRows', () => {
    const $ = group([{}, {}, {}])
    assert.equal($('button[value="add:Q1"]').length, 0)
    assert.equal($('button[value^="remove:"]').length, 3)
    assert.match($('.repeating-group').text(), /3/)
  })

  test('an empty required group shows one row to fill in, without a remove button', () => {
    const $ = group([])
    assert.equal($('fieldset.repeating-group__row').length, 1)
    assert.equal($('button[value^="remove:"]').length, 0)
  })

  test('a conditional column shows only when its condition holds in that row', () => {
    const $ = group([{ relation: 'spouse' }, { relation: 'other', relationOther: 'หลาน' }])
    assert.equal($('#Q1-0-relationOther').length, 0)
    assert.equal($('#Q1-1-relationOther').val(), 'หลาน')
  })

  test('a cell error is shown at the cell', () => {
    const $ = renderField('group', { value: [{ fullName: '' }], errors: { 'Q1.0.fullName': 'โปรดกรอก' } })
    assert.equal($('#Q1-0-fullName').attr('aria-invalid'), 'true')
    assert.match($('#Q1-0-fullName-error').text(), /โปรดกรอก/)
  })
})
