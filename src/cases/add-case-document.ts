/**
 * Staff attach a document to a case (use case; R3): a title (else the file's name) and one stored file (received and
 * checked by content by the route: receiveUpload). Staff-only: the business never sees case
 * documents. Any status, closed cases too (a letter signed after closing belongs on the record);
 * documents are never removed. One transaction: the row, a case event, an audit row. A repeated
 * post (same idempotency key) stores nothing and says so, so the caller removes its file.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { CaseFile } from './case-tasks.repo.ts'
import { insertCaseDocument } from './case-documents.repo.ts'
import { appendCaseEvent } from './cases.repo.ts'
import { cleanText, lockCaseOnce, requireCaseWorker, storedKey, TITLE_MAX } from './cases.shared.ts'

export type AddCaseDocumentOptions = { actor: Actor; caseId: string; title: string; file: CaseFile | null; idempotencyKey: string }

export async function addCaseDocument(deps: Pick<AppDeps, 'database' | 'clock'>, opts: AddCaseDocumentOptions): Promise<{ documentId: string | null; duplicate: boolean }> {
  const staff = requireCaseWorker(opts.actor)
  const key = storedKey(staff, opts.idempotencyKey)
  const typed = cleanText(opts.title, TITLE_MAX, false)
  const file = opts.file
  if (!file) throw new AppError('VALIDATION', { messageKey: 'casedocs.errors.fileRequired', params: { field: 'documentFile' } })
  // Without a title the file's name serves, so a good upload is never refused for want of one.
  const title = typed ?? file.displayName.slice(0, TITLE_MAX)
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    const { found, duplicate } = await lockCaseOnce(tx, opts.caseId, key)
    if (duplicate) return { documentId: null, duplicate }
    const doc = await insertCaseDocument(tx, { caseId: found.id, entityId: found.entityId, title, ...file, uploadedBy: staff.id, uploadedAt: now })
    await appendCaseEvent(tx, { caseId: found.id, at: now, actorUserId: staff.id, idempotencyKey: key, event: { kind: 'document_added', documentId: doc.id, title } })
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role },
      { action: 'case.document_added', caseId: found.id, documentId: doc.id, fileName: file.displayName, sha256: file.sha256 },
      { targetType: 'case', targetId: found.id, entityId: found.entityId },
    )
    return { documentId: doc.id, duplicate: false }
  })
}
