import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { render, testPageContext } from '#tests/support/render.ts'
import { Select } from './select.tsx'

const { t } = testPageContext()
const options = [
  { value: 'bangkok', label: 'กรุงเทพมหานคร' },
  { value: 'phuket', label: 'ภูเก็ต' },
]

describe('Select', () => {
  test('label, options and the selected value', () => {
    const $ = render(<Select t={t} id="province" label="จังหวัด" options={options} value="phuket" placeholder="โปรดเลือก" />)
    assert.equal($('label').attr('for'), 'province')
    assert.equal($('select').attr('id'), 'province')
    assert.deepEqual($('option').map((_, o) => $(o).attr('value')).get(), ['', 'bangkok', 'phuket'])
    assert.equal($('option:selected').val(), 'phuket')
    assert.equal($('option[selected]').length, 1)
  })

  test('the placeholder is selected when nothing is; hint and error described; invalid', () => {
    const $ = render(<Select t={t} id="province" label="จังหวัด" options={options} placeholder="โปรดเลือก" hint="h" error="โปรดเลือก" />)
    assert.equal($('option[selected]').val(), '')
    assert.equal($('select').attr('aria-describedby'), 'province-hint province-error')
    assert.equal($('select').attr('aria-invalid'), 'true')
  })
})
