/**
 * The definition checker: v1 passes with the app catalogs; the kitchen sink (a made-up questionnaire
 * whose ids and texts are not AMRAC's) and broken copies of v1 fail with the expected problems.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { en } from '#locales/en/index.ts'
import { th } from '#locales/th/index.ts'
import { questionnaireV1 } from '#src/questionnaire/definition/v1/index.ts'
import { kitchenSink } from '#tests/fixtures/questionnaires/kitchen-sink.ts'
import { catalogLookup, checkDefinition, type MessageLookup } from './check-definition.rules.ts'
import { defineQuestionnaire, type DefinitionInput } from './definition.ts'

const app = catalogLookup({ th, en })
const keysOf = (problems: ReturnType<typeof checkDefinition>) => [...new Set(problems.map((p) => p.messageKey))].sort()
/** A mutable deep copy of v1 to break. */
type Mutable = { parts: { id: string; pages: { sections: { fields: Record<string, unknown>[] }[] }[] }[] }
const v1Copy = () => JSON.parse(JSON.stringify(questionnaireV1)) as Mutable

describe('checkDefinition', () => {
  test('v1 with the app catalogs has no problem', () => {
    assert.deepEqual(checkDefinition(questionnaireV1, app), [])
  })

  test('the kitchen sink fails: no part ง, texts missing, ids of the wrong letter, unfed risk factors — each with a path', () => {
    const problems = checkDefinition(kitchenSink, app)
    assert.deepEqual(keysOf(problems), ['versions.check.feedUnused', 'versions.check.messageMissing', 'versions.check.partLetter', 'versions.check.parts'])
    assert.ok(problems.some((p) => p.messageKey === 'versions.check.partLetter' && p.path === 'part-a/1/member/T01' && p.params?.letters === 'A'))
    assert.ok(problems.some((p) => p.messageKey === 'versions.check.messageMissing' && p.path === 'ks.title' && p.params?.locale === 'th'))
  })

  test('the kitchen sink with every text supplied only misses the AMRAC-specific rules', () => {
    const all: MessageLookup = (locale, key) => app(locale, key) ?? `${locale}:${key}`
    assert.deepEqual(keysOf(checkDefinition(kitchenSink, all)), ['versions.check.feedUnused', 'versions.check.partLetter', 'versions.check.parts'])
  })

  test('a missing English text and a broken ICU message are reported per language', () => {
    const lookup: MessageLookup = (locale, key) => {
      if (key === 'questionnaire.A02.label' && locale === 'en') return undefined
      if (key === 'questionnaire.A03.label' && locale === 'th') return 'ชื่อ {ไม่ปิดวงเล็บ'
      return app(locale, key)
    }
    assert.deepEqual(checkDefinition(questionnaireV1, lookup), [
      { path: 'questionnaire.A02.label', messageKey: 'versions.check.messageMissing', params: { key: 'questionnaire.A02.label', locale: 'en' } },
      { path: 'questionnaire.A03.label', messageKey: 'versions.check.messageInvalid', params: { key: 'questionnaire.A03.label', locale: 'th' } },
    ])
  })

  test('parts out of order, a condition on a later question and a duplicate id', () => {
    const broken = v1Copy()
    broken.parts.reverse()
    const a = broken.parts.find((p) => p.id === 'part-a')!
    const fields = a.pages[0]!.sections[0]!.fields
    fields[1] = { ...fields[1], showIf: { field: 'A05', equals: 'x' } }
    fields.push({ ...fields[2] })
    const problems = checkDefinition(defineQuestionnaire(broken as unknown as DefinitionInput), app)
    assert.ok(problems.some((p) => p.messageKey === 'versions.check.parts' && p.params?.found === 'part-d, part-c, part-b, part-a'))
    assert.ok(problems.some((p) => p.messageKey === 'versions.check.structure' && p.path === fields[1]!.id && /not an earlier question/.test(String(p.params?.detail))))
    assert.ok(problems.some((p) => p.messageKey === 'versions.check.structure' && p.path === 'fields' && /duplicate id/.test(String(p.params?.detail))))
  })

  test('every problem message exists in both languages', () => {
    const problems = checkDefinition(kitchenSink, app)
    for (const p of problems) assert.ok(Object.hasOwn(th, p.messageKey) && Object.hasOwn(en, p.messageKey), p.messageKey)
  })
})
