import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { render, testPageContext } from '#tests/support/render.ts'
import { Radios } from './radios.tsx'

const { t } = testPageContext()
const options = [
  { value: 'precious_goods', label: 'ทองคำ' },
  { value: 'car_dealer', label: 'รถยนต์', hint: 'รวมเช่าซื้อ' },
  { value: 'real_estate', label: 'อสังหาริมทรัพย์' },
]

describe('Radios', () => {
  test('a fieldset with a legend; the first option has the field id, later ones -2, -3', () => {
    const $ = render(<Radios t={t} id="businessType" legend="ประเภทธุรกิจ" options={options} />)
    assert.equal($('fieldset > legend').text(), 'ประเภทธุรกิจ')
    assert.deepEqual($('input[type="radio"]').map((_, i) => $(i).attr('id')).get(), ['businessType', 'businessType-2', 'businessType-3'])
    $('input[type="radio"]').each((_, i) => {
      assert.equal($(i).attr('name'), 'businessType')
      assert.equal($(`label[for="${$(i).attr('id')}"]`).length, 1)
    })
    assert.equal($('fieldset').attr('aria-describedby'), undefined)
    assert.equal($('input:checked').length, 0)
  })

  test('hint and error tied to the fieldset; an option hint to its own input', () => {
    const $ = render(<Radios t={t} id="businessType" legend="ประเภท" hint="เลือกหนึ่งข้อ" error="โปรดเลือกหนึ่งรายการ" options={options} />)
    assert.equal($('fieldset').attr('aria-describedby'), 'businessType-hint businessType-error')
    assert.equal($('#businessType-hint').text(), 'เลือกหนึ่งข้อ')
    assert.match($('#businessType-error').text(), /โปรดเลือกหนึ่งรายการ/)
    assert.equal($('#businessType-2').attr('aria-describedby'), 'businessType-2-item-hint')
    assert.equal($('#businessType-2-item-hint').text(), 'รวมเช่าซื้อ')
    assert.ok($('.form-group').hasClass('form-group--error'))
  })

  test('the first option with a hint does not clash with the field hint', () => {
    const $ = render(<Radios t={t} id="x" legend="L" hint="field" options={[{ value: 'a', label: 'A', hint: 'option' }]} />)
    assert.equal($('#x-hint').text(), 'field')
    assert.equal($('#x-item-hint').text(), 'option')
  })

  test('the value is checked', () => {
    const $ = render(<Radios t={t} id="businessType" legend="ประเภท" options={options} value="real_estate" />)
    assert.deepEqual($('input:checked').map((_, i) => $(i).val()).get(), ['real_estate'])
  })
})
