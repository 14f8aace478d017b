/** Deleting a draft questionnaire version (admin), audited. A published version cannot be deleted. */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { deleteDraftVersion, findStoredVersion } from './questionnaire-versions.repo.ts'
import { requireVersionManager, versionNotFound } from './questionnaire-versions.shared.ts'

export type DeleteQuestionnaireVersionOptions = { actor: Actor; version: number; ip?: string | undefined; userAgent?: string | undefined }

export async function deleteQuestionnaireVersion(deps: Pick<AppDeps, 'database' | 'clock'>, opts: DeleteQuestionnaireVersionOptions): Promise<void> {
  const actor = requireVersionManager(opts.actor)
  const now = deps.clock.now()
  await deps.database.db.transaction(async (tx) => {
    if (!(await deleteDraftVersion(tx, opts.version))) {
      if (await findStoredVersion(tx, opts.version)) throw new AppError('INVALID_TRANSITION', { messageKey: 'versions.errors.notDraft' })
      throw versionNotFound()
    }
    await appendAudit(
      tx,
      { at: now, actorUserId: actor.id, actorRole: actor.role, ip: opts.ip, userAgent: opts.userAgent },
      { action: 'questionnaire.draft_deleted', version: opts.version },
      { targetType: 'questionnaire_version', targetId: String(opts.version) },
    )
  })
}
