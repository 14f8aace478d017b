/**
 * Questionnaire versions on the real migrations: import (valid, invalid, duplicate), publish (audited,
 * found by findQuestionnaireDefinition with its own texts, listed for cycles), a published version
 * frozen by the database itself, drafts deleted, and the start-up load.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { fixedClock } from '#src/platform/clock.ts'
import { AppError } from '#src/platform/errors.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import { findQuestionnaireDefinition, forgetImportedDefinitions } from '#src/questionnaire/definition/index.ts'
import { definitionForVersion } from '#src/submissions/submissions.shared.ts'
import { importFile, importFileText, V2_A02_EN, V2_A02_TH } from '#tests/fixtures/questionnaires/import-v2.ts'
import { makeUser } from '#tests/support/builders.ts'
import { createTestDatabase, type TestDatabase } from '#tests/support/test-db.ts'
import { deleteQuestionnaireVersion } from './delete-questionnaire-version.ts'
import { getQuestionnaireVersion, listQuestionnaireVersions } from './get-questionnaire-versions.ts'
import { importQuestionnaireVersion } from './import-questionnaire-version.ts'
import { listPublishedQuestionnaireVersions } from './list-published-questionnaire-versions.ts'
import { loadPublishedQuestionnaireVersions } from './load-published-questionnaire-versions.ts'
import { publishQuestionnaireVersion } from './publish-questionnaire-version.ts'
import { questionnaireVersions } from './questionnaire-versions.tables.ts'

let tdb: TestDatabase
const clock = fixedClock('2026-11-29T03:00:00Z')
const deps = () => ({ database: tdb.handle, clock })
const db = () => tdb.handle.db
let admin: Actor

before(async () => {
  tdb = await createTestDatabase()
})
after(() => tdb.close())
beforeEach(async () => {
  await tdb.reset()
  forgetImportedDefinitions()
  const user = await makeUser(db(), { role: 'admin', username: 'qv.admin' })
  admin = { kind: 'user', id: user.id, role: 'admin', entityId: null, displayName: 'Admin' }
})

const upload = (text: string, fileName = 'v2.json') => importQuestionnaireVersion(deps(), { actor: admin, fileName, content: Buffer.from(text, 'utf8') })
const actions = async () => (await db().select({ action: auditLog.action, payload: auditLog.payload }).from(auditLog).orderBy(auditLog.id)).map((r) => r.action)
const code = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    return e instanceof AppError ? e.code : String(e)
  }
  return 'no error'
}

describe('importing a questionnaire version', () => {
  test('a valid file becomes an audited draft, not yet usable by cycles', async () => {
    const text = importFileText()
    assert.deepEqual(await upload(text), { kind: 'imported', version: 2 })
    const [row] = await db().select().from(questionnaireVersions)
    assert.equal(row?.status, 'draft')
    assert.equal(row?.importedBy, (admin as { id: string }).id)
    assert.match(row!.sha256, /^[0-9a-f]{64}$/)
    assert.equal(row?.fileName, 'v2.json')
    assert.equal((row?.messages as { th: Record<string, string> }).th['qv2.A02.label'], V2_A02_TH)
    assert.deepEqual(await actions(), ['questionnaire.imported'])
    assert.equal(findQuestionnaireDefinition(2), undefined)
    assert.deepEqual((await listPublishedQuestionnaireVersions(deps())).map((v) => v.code), ['v1'])
    assert.deepEqual((await listQuestionnaireVersions(deps(), { actor: admin })).map((v) => `${v.version}:${v.status}`), ['1:published', '2:draft'])
  })

  test('an invalid file stores nothing; a taken version number is refused', async () => {
    const broken = importFile()
    delete (broken.messages.en as Record<string, string>)['qv2.A02.label']
    const r = await upload(JSON.stringify(broken))
    assert.equal(r.kind, 'invalid')
    assert.ok(r.kind === 'invalid' && r.problems.some((p) => p.path === 'qv2.A02.label' && p.messageKey === 'versions.check.messageMissing'))
    assert.equal((await db().select().from(questionnaireVersions)).length, 0)
    assert.deepEqual(await actions(), [])

    await upload(importFileText())
    const again = await upload(importFileText())
    assert.ok(again.kind === 'invalid' && again.problems.some((p) => p.messageKey === 'versions.import.versionTaken'))
    const builtIn = await upload(importFileText(importFile(1)))
    assert.ok(builtIn.kind === 'invalid' && builtIn.problems.some((p) => p.messageKey === 'versions.import.versionTaken'))
  })

  test('only an admin may import', async () => {
    const user = await makeUser(db(), { role: 'supervisor', username: 'qv.supervisor' })
    const supervisor: Actor = { kind: 'user', id: user.id, role: 'supervisor', entityId: null, displayName: '' }
    assert.equal(await code(importQuestionnaireVersion(deps(), { actor: supervisor, fileName: 'x.json', content: Buffer.from(importFileText()) })), 'FORBIDDEN')
  })
})

describe('publishing', () => {
  test('a published version is audited, found synchronously with its own texts, and offered to cycles', async () => {
    await upload(importFileText())
    await publishQuestionnaireVersion(deps(), { actor: admin, version: 2 })
    const [row] = await db().select().from(questionnaireVersions)
    assert.equal(row?.status, 'published')
    assert.ok(row?.publishedAt instanceof Date)
    assert.deepEqual(await actions(), ['questionnaire.imported', 'questionnaire.published'])

    const def = findQuestionnaireDefinition(2)
    assert.equal(def?.version, 2)
    assert.equal(definitionForVersion('v2'), def)
    const a02 = def!.parts[0]!.pages[0]!.sections.flatMap((s) => s.fields).find((f) => f.id === 'A02')!
    assert.equal(createTranslator('th')(a02.label), V2_A02_TH)
    assert.equal(createTranslator('en')(a02.label), V2_A02_EN)
    assert.equal(createTranslator('th')('questionnaire.A03.label').length > 0, true, 'app keys still resolve')
    assert.deepEqual((await listPublishedQuestionnaireVersions(deps())).map((v) => [v.code, v.source]), [['v1', 'built_in'], ['v2', 'imported']])
  })

  test('a published version is frozen: the database refuses updates and deletes, the use cases refuse too', async () => {
    await upload(importFileText())
    await publishQuestionnaireVersion(deps(), { actor: admin, version: 2 })
    await assert.rejects(db().update(questionnaireVersions).set({ messages: { th: {}, en: {} } }).where(eq(questionnaireVersions.version, 2)))
    await assert.rejects(db().execute(sql`update questionnaire_versions set status = 'draft', published_at = null where version = 2`))
    await assert.rejects(db().delete(questionnaireVersions).where(eq(questionnaireVersions.version, 2)))
    assert.equal(await code(deleteQuestionnaireVersion(deps(), { actor: admin, version: 2 })), 'INVALID_TRANSITION')
    assert.equal(await code(publishQuestionnaireVersion(deps(), { actor: admin, version: 2 })), 'INVALID_TRANSITION')
    const [row] = await db().select().from(questionnaireVersions)
    assert.equal(row?.status, 'published')
    assert.equal((row?.messages as { th: Record<string, string> }).th['qv2.A02.label'], V2_A02_TH)
  })

  test('start-up loads published versions only', async () => {
    await upload(importFileText(importFile(2)))
    await upload(importFileText(importFile(3)))
    await publishQuestionnaireVersion(deps(), { actor: admin, version: 3 })
    forgetImportedDefinitions()
    assert.equal(findQuestionnaireDefinition(3), undefined)
    assert.deepEqual(await loadPublishedQuestionnaireVersions(deps()), { loaded: [3], skipped: [] })
    assert.equal(findQuestionnaireDefinition(3)?.version, 3)
    assert.equal(findQuestionnaireDefinition(2), undefined)
  })
})

describe('deleting a draft', () => {
  test('removes it, audited; an unknown version is not found', async () => {
    await upload(importFileText())
    await deleteQuestionnaireVersion(deps(), { actor: admin, version: 2 })
    assert.equal((await db().select().from(questionnaireVersions)).length, 0)
    assert.deepEqual(await actions(), ['questionnaire.imported', 'questionnaire.draft_deleted'])
    assert.equal(await code(deleteQuestionnaireVersion(deps(), { actor: admin, version: 2 })), 'NOT_FOUND')
    assert.equal(await code(getQuestionnaireVersion(deps(), { actor: admin, version: 2 })), 'NOT_FOUND')
  })
})
