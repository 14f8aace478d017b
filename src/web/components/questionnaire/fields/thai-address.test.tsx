import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { CheerioAPI } from 'cheerio'
import { PROVINCE_NAMES } from '#src/entities/thai-address.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { ADDRESS_PARTS, FieldDef, moduleFor } from '#src/questionnaire/engine/index.ts'
import { render } from '#tests/support/render.ts'
import { testTranslator } from '#tests/fixtures/questionnaires/kitchen-sink.ts'
import { QuestionField } from './registry.ts'
import { THAI_ADDRESS_ENDPOINT } from './thai-address.tsx'

const def = FieldDef.parse({ id: 'T07', type: 'thaiAddress', label: 'ks.T07' as MessageKey })

function renderAddress(value: unknown, opts: { locale?: Locale; errors?: Record<string, string> } = {}) {
  const locale = opts.locale ?? 'th'
  return render(
    <QuestionField t={testTranslator(locale)} locale={locale} def={def} name="T07" id="T07" value={value} errorFor={(p) => opts.errors?.[p]} />,
  )
}

/** What the browser would post from the rendered field (the selected option for the select). */
function posted($: CheerioAPI): Record<string, string> {
  const out: Record<string, string> = {}
  $('[name^="T07."]').each((_, el) => {
    const e = $(el)
    const v = e.is('select') ? (e.find('option[selected]').attr('value') ?? e.find('option').first().attr('value')) : e.attr('value')
    out[e.attr('name')!.slice('T07.'.length)] = v ?? ''
  })
  return out
}

const CHIANG_MAI = { houseNo: '12', road: 'ราชดำเนิน', subdistrict: 'ศรีภูมิ', district: 'เมืองเชียงใหม่', province: 'เชียงใหม่', postcode: '50200' }

describe('thaiAddress field: province list, boxes and hooks for the pickers', () => {
  test('province is a select of the 77 provinces in Thai order after an empty "เลือกจังหวัด", the stored one selected', () => {
    const $ = renderAddress(CHIANG_MAI)
    const select = $('select#T07-province')
    assert.equal(select.attr('name'), 'T07.province')
    assert.equal($('label[for="T07-province"]').text(), 'จังหวัด')
    const options = select.find('option')
    assert.equal(options.length, 78)
    assert.deepEqual([options.first().attr('value'), options.first().text()], ['', 'เลือกจังหวัด'])
    assert.deepEqual(options.slice(1).map((_, o) => $(o).attr('value')).get(), [...PROVINCE_NAMES])
    assert.deepEqual(select.find('option[selected]').map((_, o) => $(o).attr('value')).get(), ['เชียงใหม่'])
  })

  test('nothing stored: the empty option is selected', () => {
    const $ = renderAddress(undefined)
    assert.deepEqual($('#T07-province option[selected]').map((_, o) => $(o).attr('value')).get(), [''])
  })

  test('a province stored another accepted way ("กทม.") selects its canonical name', () => {
    const $ = renderAddress({ province: 'กทม.' })
    assert.deepEqual($('#T07-province option[selected]').map((_, o) => $(o).attr('value')).get(), ['กรุงเทพมหานคร'])
    assert.equal($('#T07-province option').length, 78)
  })

  test('a stored value that is no province is kept, selected, so saving again loses nothing', () => {
    const kept = 'เมืองลับแล <b>"x"</b>'
    const $ = renderAddress({ province: kept })
    const selected = $('#T07-province option[selected]')
    assert.equal(selected.length, 1)
    assert.equal(selected.attr('value'), kept)
    assert.equal(selected.text(), `${kept} (ตามที่บันทึกไว้)`)
    assert.equal($('#T07-province option').length, 79)
    assert.equal($('#T07-province b').length, 0, 'escaped')
    assert.equal(posted($).province, kept)
  })

  test('all nine parts keep their names and ids; on screen the province comes before district, subdistrict and postcode', () => {
    const $ = renderAddress(CHIANG_MAI)
    for (const part of ADDRESS_PARTS) assert.equal($(`#T07-${part}`).attr('name'), `T07.${part}`, part)
    const order = $('[name^="T07."]').map((_, e) => $(e).attr('name')).get()
    assert.deepEqual(order.slice(0, 5), ['T07.houseNo', 'T07.villageNo', 'T07.building', 'T07.soi', 'T07.road'])
    assert.deepEqual(order.slice(5), ['T07.province', 'T07.district', 'T07.subdistrict', 'T07.postcode'])
    assert.equal($('#T07-district').val(), 'เมืองเชียงใหม่')
    assert.equal($('#T07-subdistrict').val(), 'ศรีภูมิ')
    assert.equal($('#T07-postcode').val(), '50200')
  })

  test('district and subdistrict stay free text boxes with a hint tied by aria-describedby', () => {
    const $ = renderAddress(undefined)
    for (const part of ['district', 'subdistrict']) {
      const input = $(`input#T07-${part}`)
      assert.equal(input.attr('type'), 'text')
      assert.equal(input.attr('list'), undefined, 'no datalist without JavaScript')
      assert.match(input.attr('aria-describedby') ?? '', new RegExp(`T07-${part}-hint`))
      assert.match($(`#T07-${part}-hint`).text(), /^พิมพ์ชื่อ/)
    }
  })

  test('an error on the province is shown at the select, which is aria-invalid', () => {
    const $ = renderAddress({ province: 'ไม่มี' }, { errors: { 'T07.province': 'ไม่พบจังหวัดนี้' } })
    assert.match($('#T07-province-error').text(), /ไม่พบจังหวัดนี้/)
    assert.equal($('#T07-province').attr('aria-invalid'), 'true')
    assert.equal($('#T07-province').attr('aria-describedby'), 'T07-province-error')
  })

  test('the fieldset names the endpoint for the script and holds a polite live region with its messages', () => {
    const $ = renderAddress(undefined)
    assert.equal($('fieldset#T07').attr('data-thai-address'), THAI_ADDRESS_ENDPOINT)
    const status = $('fieldset#T07 [data-thai-address-status]')
    assert.equal(status.attr('aria-live'), 'polite')
    assert.equal(status.attr('data-msg-postcode'), 'ใส่รหัสไปรษณีย์ {postcode} ให้แล้ว')
    assert.equal(status.text(), '')
  })

  test('in English, labels are English and the Thai province names are marked lang="th"', () => {
    const $ = renderAddress(CHIANG_MAI, { locale: 'en' })
    assert.equal($('label[for="T07-province"]').text(), 'Province')
    assert.equal($('#T07-province option').first().text(), 'Choose a province')
    assert.equal($('#T07-province option[value="เชียงใหม่"]').attr('lang'), 'th')
    assert.equal(renderAddress(CHIANG_MAI)('#T07-province option[value="เชียงใหม่"]').attr('lang'), undefined)
  })

  test('what the field posts without JavaScript passes the engine (normalise, then submit validation)', async () => {
    const module = moduleFor(def)
    const parsed = module.normalise(posted(renderAddress({ ...CHIANG_MAI, province: 'จ.เชียงใหม่' })), def)
    assert.deepEqual(parsed.issues, [])
    const checked = await module.submitSchema(def, { today: '2026-11-29' }).safeParseAsync(parsed.value)
    assert.equal(checked.success, true, JSON.stringify(checked.error?.issues))
    assert.equal((checked.data as { province: string }).province, 'เชียงใหม่')
  })
})
