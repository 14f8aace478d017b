/** The import file checks: a valid file, and each kind of problem with its path. */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { en } from '#locales/en/index.ts'
import { th } from '#locales/th/index.ts'
import { catalogLookup } from '#src/questionnaire/engine/check-definition.rules.ts'
import { importFile, importFileText, V2_A02_TH } from '#tests/fixtures/questionnaires/import-v2.ts'
import { checkQuestionnaireImport } from './questionnaire-version.model.ts'

const ctx = { takenVersions: new Set([1]), appText: catalogLookup({ th, en }) }
const problemsOf = (text: string) => {
  const r = checkQuestionnaireImport(text, ctx)
  assert.equal(r.ok, false)
  return r.ok ? [] : r.problems.map((p) => `${p.path} ${p.messageKey}`)
}

describe('checkQuestionnaireImport', () => {
  test('a valid file gives the definition and its own texts', () => {
    const r = checkQuestionnaireImport(importFileText(), ctx)
    assert.ok(r.ok)
    assert.equal(r.definition.version, 2)
    assert.equal(r.messages.th['qv2.A02.label'], V2_A02_TH)
  })

  test('not JSON, or not the expected shape', () => {
    assert.deepEqual(problemsOf('{ nope'), ['(file) versions.import.notJson'])
    assert.deepEqual(problemsOf(`{"definition":${'{"not":'.repeat(5000)}1${'}'.repeat(5000)},"messages":{"th":{},"en":{}}}`), ['(file) versions.import.tooDeep'])
    assert.deepEqual(problemsOf(JSON.stringify({ definition: {}, messages: { th: {} }, extra: 1 })), ['messages.en versions.import.shape', '(file) versions.import.shape'])
  })

  test('a definition that does not fit the engine schema names the path', () => {
    const f = importFile()
    ;(f.definition.parts[0] as { pages: { sections: { fields: { id: string }[] }[] }[] }).pages[0]!.sections[0]!.fields[0]!.id = 'a.1'
    const problems = problemsOf(JSON.stringify(f))
    assert.ok(problems.some((p) => p.startsWith('definition.parts.0.pages.0.sections.0.fields.0.id versions.import.schema')), problems.join('\n'))
  })

  test('a taken version, un-namespaced, shadowing, unused and missing texts', () => {
    const f = importFile()
    f.definition.version = 1
    const problems = problemsOf(JSON.stringify(f))
    assert.ok(problems.includes('definition.version versions.import.versionTaken'))
    assert.ok(problems.includes('messages.th.qv2.title versions.import.keyNamespace'), 'qv2 keys in a version-1 file')

    const g = importFile()
    g.messages.th['common.app.name'] = 'ชื่อปลอม'
    g.messages.en['qv2.unused'] = 'Unused'
    delete (g.messages.en as Record<string, string>)['qv2.A02.label']
    const more = problemsOf(JSON.stringify(g))
    assert.ok(more.includes('messages.th.common.app.name versions.import.keyShadows'), more.join('\n'))
    assert.ok(more.includes('messages.en.qv2.unused versions.import.keyUnused'))
    assert.ok(more.includes('qv2.A02.label versions.check.messageMissing'))
  })
})
