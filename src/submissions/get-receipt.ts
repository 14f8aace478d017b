/**
 * A submission's receipt (ใบรับ) for the business that submitted it: by id or by receipt number.
 * Another business's submission is "not found".
 */
import type { Actor } from '#src/identity/permissions.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { findSubmission, type SubmissionRow } from './submissions.repo.ts'
import { notFound, requireEntityActor } from './submissions.shared.ts'

export type GetReceiptOptions = { actor: Actor } & ({ submissionId: string } | { receiptRef: string })

export async function getReceipt(deps: Pick<AppDeps, 'database'>, opts: GetReceiptOptions): Promise<SubmissionRow> {
  const actor = requireEntityActor(opts.actor)
  if ('submissionId' in opts && !isUuid(opts.submissionId)) throw notFound()
  const by = 'submissionId' in opts ? { submissionId: opts.submissionId } : { receiptRef: opts.receiptRef }
  const row = await findSubmission(deps.database.db, actor.entityId, by)
  if (!row) throw notFound()
  return row
}
