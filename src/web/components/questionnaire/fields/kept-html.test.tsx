import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import { createTranslator, withMessages, type Translator } from '#src/platform/i18n/translator.ts'
import { findQuestionnaireDefinition } from '#src/questionnaire/definition/index.ts'
import { pageFields, type Answers, type Definition } from '#src/questionnaire/engine/index.ts'
import { renderHtml, testPageContext } from '#tests/support/render.ts'
import { familyAnswers, kitchenSink, testTranslator } from '#tests/fixtures/questionnaires/kitchen-sink.ts'
import { goldShopAnswersV1 } from '#tests/fixtures/questionnaires/v1-gold-shop.ts'
import { QuestionPage, type PageError } from '../question-page.tsx'

const v1 = findQuestionnaireDefinition(1)!
const ERROR = 'questionnaire.errors.integer.notNumber' as MessageKey

/** The same texts, but not marked as the process's catalogue: every question is rendered afresh. */
function afresh(t: Translator): Translator {
  const out = ((key: MessageKey, params?: Parameters<Translator>[1]) => t(key, params)) as Translator
  out.locale = t.locale
  return out
}

function pageHtml(definition: Definition, t: Translator, partId: string, pageId: string, answers: Answers, errors?: PageError[], posted?: Record<string, unknown>): string {
  const ctx = { ...testPageContext({ locale: t.locale }), t }
  // As the portal renders it: file questions' "+ เพิ่มเอกสาร" and "ลบ" as buttons of the form.
  return renderHtml(
    <QuestionPage ctx={ctx} definition={definition} partId={partId} pageId={pageId} answers={answers} posted={posted} errors={errors} action="/p" documentIntents attachmentsById={new Map()} />,
  )
}

/** An error on every question of the page, and on every cell of a group's first row. */
function errorsEverywhere(definition: Definition, partId: string, pageId: string): PageError[] {
  return pageFields(definition, partId, pageId).flatMap(({ def }) =>
    def.type === 'group' ? [{ path: def.id, messageKey: ERROR }, ...def.fields.map((c) => ({ path: `${def.id}.0.${c.id}`, messageKey: ERROR }))] : [{ path: def.id, messageKey: ERROR }],
  )
}

const pagesOf = (definition: Definition) => definition.parts.flatMap((p) => p.pages.map((g) => [p.id, g.id] as const))

describe('questions kept as HTML', () => {
  test('every page of version 1, in Thai and English — empty, answered, and with an error on every question — is the same, character for character, as when every question is rendered afresh', () => {
    const seen = new Set<string>()
    for (const locale of ['th', 'en'] as Locale[]) {
      const t = createTranslator(locale)
      for (const [partId, pageId] of pagesOf(v1)) {
        for (const [answers, errors] of [
          [{}, undefined],
          [goldShopAnswersV1, undefined],
          [goldShopAnswersV1, errorsEverywhere(v1, partId, pageId)],
          [{}, errorsEverywhere(v1, partId, pageId)],
        ] as const) {
          const expected = pageHtml(v1, afresh(t), partId, pageId, answers, errors)
          // The first rendering keeps the questions; the second is built from what was kept.
          assert.equal(pageHtml(v1, t, partId, pageId, answers, errors), expected, `${locale} ${partId}/${pageId}`)
          assert.equal(pageHtml(v1, t, partId, pageId, answers, errors), expected, `${locale} ${partId}/${pageId}, kept`)
          seen.add(`${partId}/${pageId}`)
        }
      }
    }
    assert.ok(seen.size >= 5)
  })

  test('the kitchen-sink questionnaire (dates, addresses, files, groups, conditions) renders the same kept and afresh, with its answers and with what was posted', () => {
    const t = testTranslator('th')
    t.processCatalog = true
    const posted = { T02: '<b>"ชื่อ"</b> & co', T06: '02-123 4567', T08: '</textarea><script>x()</script>', T09: 'family', T10: ['coaching', 'coaching', 'nope'] }
    for (const [partId, pageId] of pagesOf(kitchenSink)) {
      for (const [answers, sent] of [
        [{}, undefined],
        [familyAnswers, undefined],
        [familyAnswers, posted],
      ] as const) {
        const expected = pageHtml(kitchenSink, afresh(t), partId, pageId, answers, undefined, sent)
        assert.equal(pageHtml(kitchenSink, t, partId, pageId, answers, undefined, sent), expected)
        assert.equal(pageHtml(kitchenSink, t, partId, pageId, answers, undefined, sent), expected)
      }
    }
  })

  test("a business's value is never served to another: each page shows its own values, escaped, in the kept template", () => {
    const t = createTranslator('th')
    const shown = (value: string) => {
      const html = pageHtml(v1, t, 'part-d', '1', { ...goldShopAnswersV1 }, undefined, { D02: value })
      return /<input[^<]*id="D02"[^<]*\/>/.exec(html)![0]
    }
    assert.match(shown('60'), /value="60"/)
    const hostile = shown('"><script>alert(1)</script>&')
    assert.match(hostile, /value="&quot;>&lt;script>alert\(1\)&lt;\/script>&amp;"/)
    assert.doesNotMatch(hostile, /value="60"/)
    assert.match(shown('7'), /value="7"/)
    // A value holding the template's own marker character is rendered afresh, as it was posted.
    assert.match(shown('1\uE0002'), /value="1\uE0002"/)
  })

  test('a long text is escaped inside its kept textarea', () => {
    const t = createTranslator('th')
    const box = (value: string) => /<textarea[^>]*id="B02"[^>]*>([^<]*)<\/textarea>/.exec(pageHtml(v1, t, 'part-b', '1', goldShopAnswersV1, undefined, { B02: value }))![1]
    assert.equal(box('ร้านทอง'), 'ร้านทอง')
    assert.equal(box('</textarea><script>alert(1)</script>'), '&lt;/textarea>&lt;script>alert(1)&lt;/script>')
  })

  test('a page rendered before asks for none of its kept questions\' texts, only for the rest', () => {
    const asked = new Set<string>()
    const real = createTranslator('en')
    const t = ((key: MessageKey, params?: Parameters<Translator>[1]) => (asked.add(key), real(key, params))) as Translator
    t.locale = 'en'
    t.processCatalog = true
    const fields = pageFields(v1, 'part-d', '1').map((f) => f.def)
    const integer = fields.find((d) => d.type === 'integer')!
    const group = fields.find((d) => d.type === 'group')!
    pageHtml(v1, t, 'part-d', '1', goldShopAnswersV1)
    asked.clear()
    const again = pageHtml(v1, t, 'part-d', '1', goldShopAnswersV1)
    assert.equal(again, pageHtml(v1, afresh(real), 'part-d', '1', goldShopAnswersV1))
    assert.ok(!asked.has(integer.label), 'a kept number question is not rendered again')
    assert.ok(asked.has(group.label), 'a group (not kept) is rendered again')
  })

  test('a chosen value that is not an option of the question is rendered afresh: no option is checked', () => {
    const t = createTranslator('th')
    const single = pageFields(v1, 'part-d', '1').find(({ def }) => def.type === 'ynp' || def.type === 'singleChoice')!.def
    const html = pageHtml(v1, t, 'part-d', '1', goldShopAnswersV1, undefined, { [single.id]: 'not-an-option' })
    assert.equal(html, pageHtml(v1, afresh(t), 'part-d', '1', goldShopAnswersV1, undefined, { [single.id]: 'not-an-option' }))
    const options = html.match(new RegExp(`<input[^<]*name="${single.id}"[^<]*/>`, 'g')) ?? []
    assert.ok(options.length >= 2, 'the question is on the page')
    for (const option of options) assert.doesNotMatch(option, /checked/)
  })

  test("a draft version previewed with its own texts is rendered with those texts, not with what was kept", () => {
    const t = createTranslator('th')
    const label = pageFields(v1, 'part-d', '1').find(({ def }) => def.type === 'integer')!.def.label
    pageHtml(v1, t, 'part-d', '1', goldShopAnswersV1)
    const draft = withMessages(t, { [label]: 'ข้อความของฉบับร่าง' })
    assert.match(pageHtml(v1, draft, 'part-d', '1', goldShopAnswersV1), /ข้อความของฉบับร่าง/)
    assert.doesNotMatch(pageHtml(v1, t, 'part-d', '1', goldShopAnswersV1), /ข้อความของฉบับร่าง/)
  })
})
