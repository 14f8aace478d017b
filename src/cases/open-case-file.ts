/**
 * Staff open a file a business sent on a case (use case; R3): an attachment of its answer to an
 * information request, evidence for a remediation action, or a file of its response to the draft report; or a document staff attached to the case. The request or action must belong to
 * the case in the URL and the index must name one of its files, else NOT_FOUND. Every download is
 * on record (who read which business's file): one audit row, written once the stored file opened.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { OpenedAttachment } from '#src/submissions/open-attachment.ts'
import { findDocumentOfCase } from './case-documents.repo.ts'
import { findEvidenceOfCase, findRequestFilesOfCase, findResponseFilesOfCase } from './case-files.repo.ts'
import { caseNotFound, requireCaseWorker } from './cases.shared.ts'

export type CaseFileSource = 'information_request' | 'remediation_evidence' | 'report_response' | 'case_document'

const FIND = { information_request: findRequestFilesOfCase, remediation_evidence: findEvidenceOfCase, report_response: findResponseFilesOfCase, case_document: findDocumentOfCase } as const satisfies Record<CaseFileSource, unknown>

export type OpenCaseFileOptions = { actor: Actor; caseId: string; source: CaseFileSource; itemId: string; index: string; ip?: string | null; userAgent?: string | null }

export async function openCaseFile(deps: Pick<AppDeps, 'database' | 'files' | 'clock'>, opts: OpenCaseFileOptions): Promise<OpenedAttachment> {
  const staff = requireCaseWorker(opts.actor)
  if (!isUuid(opts.caseId) || !isUuid(opts.itemId) || !/^\d{1,2}$/.test(opts.index)) throw caseNotFound()
  const db = deps.database.db
  const found = await FIND[opts.source](db, opts.caseId, opts.itemId)
  const index = Number(opts.index)
  const file = found?.files[index]
  if (!found || !file) throw caseNotFound()
  const { stream, size } = await deps.files.open(file.fileKey)
  try {
    await appendAudit(
      db,
      { at: deps.clock.now(), actorUserId: staff.id, actorRole: staff.role, ip: opts.ip ?? null, userAgent: opts.userAgent ?? null },
      { action: 'case.file_downloaded', caseId: found.caseId, source: opts.source, itemId: found.id, index, fileName: file.displayName, sha256: file.sha256 },
      { targetType: 'case', targetId: found.caseId, entityId: found.entityId },
    )
  } catch (e) {
    // Not on record, not served.
    stream.destroy()
    throw e
  }
  return { displayName: file.displayName, mediaType: file.mediaType, size, stream }
}
