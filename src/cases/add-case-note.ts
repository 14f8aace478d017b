/** A staff-only note on a case (use case; R3). Notes may be added in every status, closed cases too. */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { appendCaseEvent, insertCaseNote } from './cases.repo.ts'
import { lockCaseOnce, requireCaseWorker, requiredText, storedKey } from './cases.shared.ts'

export type AddCaseNoteOptions = { actor: Actor; caseId: string; body: string; idempotencyKey: string }

export async function addCaseNote(deps: Pick<AppDeps, 'database' | 'clock'>, opts: AddCaseNoteOptions): Promise<{ noteId: string | null; duplicate: boolean }> {
  const staff = requireCaseWorker(opts.actor)
  const key = storedKey(staff, opts.idempotencyKey)
  const body = requiredText(opts.body)
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    const { found, duplicate } = await lockCaseOnce(tx, opts.caseId, key)
    if (duplicate) return { noteId: null, duplicate }
    const note = await insertCaseNote(tx, { caseId: found.id, authorUserId: staff.id, at: now, body })
    await appendCaseEvent(tx, { caseId: found.id, at: now, actorUserId: staff.id, idempotencyKey: key, event: { kind: 'note_added', noteId: note.id } })
    await appendAudit(tx, { at: now, actorUserId: staff.id, actorRole: staff.role }, { action: 'case.note_added', caseId: found.id }, { targetType: 'case', targetId: found.id, entityId: found.entityId })
    return { noteId: note.id, duplicate: false }
  })
}
