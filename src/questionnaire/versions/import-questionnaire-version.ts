/**
 * Importing a questionnaire version (admin): the uploaded JSON file is checked by the engine's
 * definition schema and the contract checker (every problem at once, each with its path); a valid
 * file becomes a draft version, audited in the same transaction.
 */
import { createHash } from 'node:crypto'
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { QUESTIONNAIRE_DEFINITIONS } from '#src/questionnaire/definition/index.ts'
import type { DefinitionProblem } from '#src/questionnaire/engine/check-definition.rules.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { checkQuestionnaireImport, IMPORT_MAX_BYTES } from './questionnaire-version.model.ts'
import { insertDraftVersion, listStoredVersions } from './questionnaire-versions.repo.ts'
import { APP_TEXT, requireVersionManager } from './questionnaire-versions.shared.ts'

export type ImportQuestionnaireVersionOptions = {
  actor: Actor
  fileName: string
  content: Buffer
  ip?: string | undefined
  userAgent?: string | undefined
}
export type ImportQuestionnaireVersionResult = { kind: 'imported'; version: number } | { kind: 'invalid'; problems: DefinitionProblem[] }

const invalid = (problem: DefinitionProblem): ImportQuestionnaireVersionResult => ({ kind: 'invalid', problems: [problem] })

export async function importQuestionnaireVersion(deps: Pick<AppDeps, 'database' | 'clock'>, opts: ImportQuestionnaireVersionOptions): Promise<ImportQuestionnaireVersionResult> {
  const actor = requireVersionManager(opts.actor)
  if (opts.content.length > IMPORT_MAX_BYTES) return invalid({ path: '(file)', messageKey: 'versions.import.tooLarge', params: { max: `${IMPORT_MAX_BYTES / 1024 / 1024} MB` } })
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(opts.content)
  } catch {
    return invalid({ path: '(file)', messageKey: 'versions.import.notUtf8' })
  }
  const { db } = deps.database
  const stored = await listStoredVersions(db)
  const takenVersions = new Set([...Object.keys(QUESTIONNAIRE_DEFINITIONS).map(Number), ...stored.map((v) => v.version)])
  const checked = checkQuestionnaireImport(text.replace(/^\uFEFF/, ''), { takenVersions, appText: APP_TEXT })
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems }

  const version = checked.definition.version
  const sha256 = createHash('sha256').update(opts.content).digest('hex')
  const now = deps.clock.now()
  return db.transaction(async (tx) => {
    const inserted = await insertDraftVersion(tx, {
      version,
      definition: checked.definition,
      messages: checked.messages,
      sha256,
      fileName: opts.fileName.slice(0, 200),
      importedBy: actor.id,
      importedAt: now,
    })
    if (!inserted) return invalid({ path: 'definition.version', messageKey: 'versions.import.versionTaken', params: { version } })
    await appendAudit(
      tx,
      { at: now, actorUserId: actor.id, actorRole: actor.role, ip: opts.ip, userAgent: opts.userAgent },
      { action: 'questionnaire.imported', version, sha256 },
      { targetType: 'questionnaire_version', targetId: String(version) },
    )
    return { kind: 'imported', version } as const
  })
}
