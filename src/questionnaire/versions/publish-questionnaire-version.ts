/**
 * Publishing a draft questionnaire version (admin). It is checked again against today's catalogs,
 * frozen (the row can no longer change), audited, and from then on found by
 * findQuestionnaireDefinition in this process and, once told, in the deployment's other server
 * processes (src/platform/process-messages.ts), so cycles can use it.
 *
 * Refused (VALIDATION, naming the missing questions) when no scoring ruleset reads the version:
 * assessments submitted with it could not be scored (src/scoring/ruleset-reads.rules.ts).
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { announceToOtherProcesses } from '#src/platform/process-messages.ts'
import { checkDefinition } from '#src/questionnaire/engine/check-definition.rules.ts'
import { missingReadId, rulesetForDefinition } from '#src/scoring/ruleset-reads.rules.ts'
import { CURRENT_RULESET_VERSION, RULESETS } from '#src/scoring/rulesets/index.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { findStoredVersion, markVersionPublished } from './questionnaire-versions.repo.ts'
import { activateImportedVersion, APP_TEXT, requireVersionManager, storedDefinition, versionNotFound } from './questionnaire-versions.shared.ts'

export type PublishQuestionnaireVersionOptions = { actor: Actor; version: number; ip?: string | undefined; userAgent?: string | undefined }

const notDraft = () => new AppError('INVALID_TRANSITION', { messageKey: 'versions.errors.notDraft' })

export async function publishQuestionnaireVersion(deps: Pick<AppDeps, 'database' | 'clock'>, opts: PublishQuestionnaireVersionOptions): Promise<void> {
  const actor = requireVersionManager(opts.actor)
  const { db } = deps.database
  const found = await findStoredVersion(db, opts.version)
  if (!found) throw versionNotFound()
  if (found.status !== 'draft') throw notDraft()
  const own = found.messages
  const definition = storedDefinition(found)
  const problems = checkDefinition(definition, (locale, key) => (Object.hasOwn(own[locale], key) ? own[locale][key] : APP_TEXT(locale, key)))
  if (problems.length) throw new AppError('VALIDATION', { messageKey: 'versions.errors.noLongerValid' })
  const scoring = rulesetForDefinition(RULESETS, CURRENT_RULESET_VERSION, definition)
  if (!scoring.ok) {
    throw new AppError('VALIDATION', {
      messageKey: 'versions.errors.rulesetCannotRead',
      params: { version: opts.version, ruleset: scoring.currentRuleset, missing: scoring.missing.map(missingReadId).join(', ') },
    })
  }
  const now = deps.clock.now()
  await db.transaction(async (tx) => {
    if (!(await markVersionPublished(tx, opts.version, actor.id, now))) throw notDraft()
    await appendAudit(
      tx,
      { at: now, actorUserId: actor.id, actorRole: actor.role, ip: opts.ip, userAgent: opts.userAgent },
      { action: 'questionnaire.published', version: opts.version },
      { targetType: 'questionnaire_version', targetId: String(opts.version) },
    )
  })
  activateImportedVersion(found)
  announceToOtherProcesses('questionnaire-published')
}
