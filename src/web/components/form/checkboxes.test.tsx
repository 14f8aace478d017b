import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { render, testPageContext } from '#tests/support/render.ts'
import { Checkboxes } from './checkboxes.tsx'

const { t } = testPageContext()
const options = [
  { value: 'shop', label: 'หน้าร้าน' },
  { value: 'online', label: 'ออนไลน์' },
]

describe('Checkboxes', () => {
  test('fieldset and legend; ids from the field id; one shared name', () => {
    const $ = render(<Checkboxes t={t} id="channels" legend="ช่องทางการขาย" hint="เลือกได้หลายข้อ" options={options} />)
    assert.equal($('fieldset > legend').text(), 'ช่องทางการขาย')
    assert.equal($('fieldset').attr('aria-describedby'), 'channels-hint')
    assert.deepEqual($('input[type="checkbox"]').map((_, i) => $(i).attr('id')).get(), ['channels', 'channels-2'])
    assert.deepEqual($('input[type="checkbox"]').map((_, i) => $(i).attr('name')).get(), ['channels', 'channels'])
    assert.equal($('label[for="channels-2"]').text(), 'ออนไลน์')
  })

  test('checked state comes from values; error is described on the fieldset', () => {
    const $ = render(<Checkboxes t={t} id="channels" legend="ช่องทาง" options={options} values={['online']} error="โปรดเลือก" />)
    assert.deepEqual($('input:checked').map((_, i) => $(i).val()).get(), ['online'])
    assert.equal($('fieldset').attr('aria-describedby'), 'channels-error')
    assert.ok($('.form-group').hasClass('form-group--error'))
  })
})
