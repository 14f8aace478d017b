/**
 * Output is escaped (house style R18): hostile text in labels, hints, values, option texts and
 * error messages comes out as text, never as markup, and cannot break out of an attribute.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import * as cheerio from 'cheerio'
import type { VNode } from 'preact'
import { renderHtml, testPageContext } from '#tests/support/render.ts'
import { Button, Checkboxes, DateInput, ErrorSummary, Radios, Select, TextInput, Textarea } from './form/index.ts'
import { NotificationBanner } from './layout/notification-banner.tsx'
import { Table } from './layout/table.tsx'

const { t } = testPageContext()
const XSS = '<script>alert(1)</script> "quoted" & <img src=x onerror="alert(2)">'

const cases: [string, VNode][] = [
  ['TextInput', <TextInput t={t} id="a" label={XSS} hint={XSS} error={XSS} value={XSS} />],
  ['Textarea', <Textarea t={t} id="a" label={XSS} hint={XSS} error={XSS} value={XSS} />],
  ['Select', <Select t={t} id="a" label={XSS} hint={XSS} error={XSS} placeholder={XSS} options={[{ value: XSS, label: XSS }]} value={XSS} />],
  ['Radios', <Radios t={t} id="a" legend={XSS} hint={XSS} error={XSS} options={[{ value: XSS, label: XSS, hint: XSS }]} value={XSS} />],
  ['Checkboxes', <Checkboxes t={t} id="a" legend={XSS} hint={XSS} error={XSS} options={[{ value: XSS, label: XSS }]} values={[XSS]} />],
  ['DateInput', <DateInput t={t} id="a" legend={XSS} hint={XSS} error={XSS} value={{ day: XSS, month: XSS, year: XSS }} />],
  ['ErrorSummary', <ErrorSummary t={t} items={[{ id: 'a', text: XSS }]} />],
  ['Button', <Button value={XSS}>{XSS}</Button>],
  ['NotificationBanner', <NotificationBanner t={t} title={XSS}>{XSS}</NotificationBanner>],
  ['Table', <Table t={t} caption={XSS} columns={[{ header: XSS }]} rows={[[XSS]]} />],
]

describe('escaping', () => {
  for (const [name, node] of cases) {
    test(`${name} escapes text and attribute values`, () => {
      const out = renderHtml(node)
      assert.doesNotMatch(out, /<script/i)
      assert.doesNotMatch(out, /<img/i)
      const $ = cheerio.load(out, null, false)
      assert.equal($('script, img').length, 0, 'no element was injected')
      assert.equal($('[onerror]').length, 0, 'no attribute was injected')
      // The text survives as text: every place it went still reads exactly the payload.
      const texts = $('*')
        .contents()
        .filter((_, n) => n.type === 'text')
        .map((_, n) => $(n).text())
        .get()
      assert.ok(texts.some((x) => x.includes(XSS)), 'the payload is shown as text')
      $('input, option, button').each((_, el) => {
        const v = $(el).attr('value')
        if (v !== undefined && v !== '' && !['true', 'false'].includes(v)) assert.equal(v, XSS)
      })
    })
  }
})
