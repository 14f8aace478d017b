import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { render, testPageContext } from '#tests/support/render.ts'
import { Table } from './table.tsx'

const { t } = testPageContext()
const columns = [{ header: 'ชื่อ' }, { header: 'คะแนน', numeric: true }]

describe('Table', () => {
  test('caption, column headers with scope=col, numeric columns aligned in header and cells', () => {
    const $ = render(
      <Table
        t={t}
        caption="กิจการ"
        columns={columns}
        rows={[
          ['ก', '72.5'],
          ['ข', '8'],
        ]}
      />,
    )
    assert.equal($('caption').text(), 'กิจการ')
    assert.deepEqual($('thead th').map((_, th) => $(th).attr('scope')).get(), ['col', 'col'])
    assert.equal($('thead th').eq(1).attr('class'), 'numeric')
    assert.equal($('thead th').eq(0).attr('class'), undefined)
    assert.deepEqual($('tbody tr').map((_, tr) => $(tr).find('td.numeric').text()).get(), ['72.5', '8'])
  })

  test('row headers get scope=row', () => {
    const $ = render(<Table t={t} caption="c" columns={columns} rows={[['ก', '1']]} rowHeaders />)
    assert.equal($('tbody th').attr('scope'), 'row')
    assert.equal($('tbody th').text(), 'ก')
  })

  test('no rows: one cell spanning every column says there is no data', () => {
    const $ = render(<Table t={t} caption="c" columns={columns} rows={[]} />)
    assert.equal($('tbody td').length, 1)
    assert.equal($('tbody td').attr('colspan'), '2')
    assert.equal($('tbody td').text(), 'ไม่มีข้อมูล')
    const en = render(<Table t={testPageContext({ locale: 'en' }).t} caption="c" columns={columns} rows={[]} />)
    assert.equal(en('tbody td').text(), 'No data')
  })

  test('a hidden caption is still there for screen readers', () => {
    const $ = render(<Table t={t} caption="c" captionHidden columns={columns} rows={[]} />)
    assert.equal($('caption').attr('class'), 'visually-hidden')
  })
})
