import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { questionnaireV1 } from '#src/questionnaire/definition/v1/index.ts'
import { defineQuestionnaire, type DefinitionInput } from '#src/questionnaire/engine/definition.ts'
import { importFile } from '#tests/fixtures/questionnaires/import-v2.ts'
import { rulesetV1 } from './rulesets/v1.ts'
import { missingReadId, rulesetFieldIds, rulesetReadsDefinition } from './ruleset-reads.rules.ts'

type MutableField = { id: string; type: string; label: string; feeds?: string[]; fields?: { id: string }[] }
type MutableDefinition = { version: number; parts: { pages: { sections: { fields: MutableField[] }[] }[] }[] }

/** v1 as version 9, changed by `edit` (every section's fields are editable). */
function variant(edit: (fields: (fn: (list: MutableField[]) => MutableField[]) => void) => void) {
  const d = JSON.parse(JSON.stringify(questionnaireV1)) as MutableDefinition
  d.version = 9
  edit((fn) => {
    for (const part of d.parts) for (const page of part.pages) for (const section of page.sections) section.fields = fn(section.fields)
  })
  return defineQuestionnaire(d as unknown as DefinitionInput)
}
const without = (id: string) => variant((each) => each((list) => list.filter((f) => f.id !== id)))

describe('rulesetReadsDefinition', () => {
  test('ruleset v1 reads questionnaire v1', () => {
    assert.deepEqual(rulesetReadsDefinition(rulesetV1, questionnaireV1), { ok: true })
  })

  test('it reads an imported version with the same questions and other wording (import-v2 fixture)', () => {
    const v2 = defineQuestionnaire(importFile(2).definition as unknown as DefinitionInput)
    assert.deepEqual(rulesetReadsDefinition(rulesetV1, v2), { ok: true })
  })

  test('a version without a question the ruleset reads is listed, with the types it must have', () => {
    assert.deepEqual(rulesetReadsDefinition(rulesetV1, without('D02')), {
      ok: false,
      missing: [{ fieldId: 'D02', expected: ['integer', 'money', 'percentage'], found: null }],
    })
  })

  test('questions read only by the consistency flags and the province lists count too', () => {
    const noStr = rulesetReadsDefinition(rulesetV1, without('C5_4'))
    assert.equal(noStr.ok, false)
    assert.deepEqual(!noStr.ok && noStr.missing.map(missingReadId), ['C5_4'])
    const noHeadOffice = rulesetReadsDefinition(rulesetV1, without('A10'))
    assert.deepEqual(!noHeadOffice.ok && noHeadOffice.missing, [{ fieldId: 'A10', expected: ['thaiAddress'], found: null }])
  })

  test('a question of an incompatible type is listed with the type found', () => {
    const textD15 = variant((each) => each((list) => list.map((f) => (f.id === 'D15' ? { id: 'D15', label: f.label, feeds: f.feeds, type: 'text' } : f))))
    assert.deepEqual(rulesetReadsDefinition(rulesetV1, textD15), {
      ok: false,
      missing: [{ fieldId: 'D15', expected: ['integer', 'money', 'percentage'], found: 'text' }],
    })
  })

  test('a group lacking a column the ruleset reads is listed as group.column', () => {
    const noShares = variant((each) => each((list) => list.map((f) => (f.id === 'B03' ? { ...f, fields: f.fields!.filter((c) => c.id !== 'sharePercent') } : f))))
    const result = rulesetReadsDefinition(rulesetV1, noShares)
    assert.deepEqual(!result.ok && result.missing.map(missingReadId), ['B03.sharePercent'])
  })

  test('several missing questions are each listed once', () => {
    const d = variant((each) => each((list) => list.filter((f) => f.id !== 'D15' && f.id !== 'D14_count')))
    const result = rulesetReadsDefinition(rulesetV1, d)
    assert.deepEqual(!result.ok && result.missing.map(missingReadId).sort(), ['D14_count', 'D15'])
  })

  test('the ids it reads are the ruleset data plus the fixed reads, without repeats', () => {
    const ids = rulesetFieldIds(rulesetV1)
    assert.equal(new Set(ids).size, ids.length)
    for (const id of ['D01_foreignIndividuals', 'D02', 'C1_1_evidence', 'A10', 'B09', 'B03']) assert.ok(ids.includes(id), id)
  })
})
