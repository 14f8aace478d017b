/**
 * The data of the submission receipt PDF (ใบรับ), in the requester's language.
 * - `getReceiptDocument`: the signed-in business's own receipt; another business's is "not found".
 * - `receiptDocumentForMail`: for the outbox worker attaching the PDF to the receipt e-mail, which
 *   was addressed to the submitter when the submission was stored (no actor at send time).
 */
import type { DbOrTx } from '#src/db/client.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import { formatJuristicId } from '#src/entities/juristic-id.rules.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { SubmissionReceiptData } from '#src/reports/submission-receipt.tsx'
import type { AppDeps } from '#src/server/deps.ts'
import { findReceiptDocumentRow, unsafeFindReceiptDocumentRow, type ReceiptDocumentRow } from './receipt-document.repo.ts'
import { notFound, requireEntityActor } from './submissions.shared.ts'

/** Receipt numbers look like AMRAC-2569-000001; anything else is not looked up. */
export const RECEIPT_REF_PATTERN = /^[A-Z0-9-]{1,60}$/

export const verifyUrlOf = (baseUrl: string, receiptRef: string) => `${baseUrl}/verify/${encodeURIComponent(receiptRef)}`

function toDocument(row: ReceiptDocumentRow, locale: Locale, baseUrl: string): SubmissionReceiptData {
  return {
    receiptRef: row.receiptRef,
    businessName: registeredName(row.nameTh, row.legalForm as LegalForm, locale, row.nameEn),
    juristicId: formatJuristicId(row.juristicId),
    cycleName: locale === 'en' ? row.cycleNameEn : row.cycleNameTh,
    submittedAt: row.submittedAt,
    version: row.version,
    declarantName: row.declarantName,
    declarantPosition: row.declarantPosition,
    snapshotSha256: row.snapshotSha256,
    verifyUrl: verifyUrlOf(baseUrl, row.receiptRef),
  }
}

export async function getReceiptDocument(
  deps: Pick<AppDeps, 'database' | 'config'>,
  opts: { actor: Actor; receiptRef: string; locale: Locale },
): Promise<SubmissionReceiptData> {
  const actor = requireEntityActor(opts.actor)
  if (!RECEIPT_REF_PATTERN.test(opts.receiptRef)) throw notFound()
  const row = await findReceiptDocumentRow(deps.database.db, actor.entityId, opts.receiptRef)
  if (!row) throw notFound()
  return toDocument(row, opts.locale, deps.config.baseUrl)
}

/** Undefined when the receipt does not exist (the mail is then sent without the PDF). */
export async function receiptDocumentForMail(
  deps: { db: DbOrTx; baseUrl: string },
  opts: { receiptRef: string; locale: Locale },
): Promise<SubmissionReceiptData | undefined> {
  if (!RECEIPT_REF_PATTERN.test(opts.receiptRef)) return undefined
  const row = await unsafeFindReceiptDocumentRow(deps.db, opts.receiptRef)
  return row && toDocument(row, opts.locale, deps.baseUrl)
}
