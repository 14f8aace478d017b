/**
 * The public verification of a receipt (the QR code on the ใบรับ PDF): a DELIBERATE read across
 * businesses by receipt number, for anyone, without signing in. It returns only the reference, the
 * business's registered name (in the page's language) and the submission time — nothing else.
 * Junk and unknown numbers are both "not found" (undefined). The route rate-limits callers.
 */
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { RECEIPT_REF_PATTERN } from './get-receipt-document.ts'
import { findPubliclyVerifiableReceipt } from './receipt-document.repo.ts'

export type VerifiedReceipt = { receiptRef: string; businessName: string; submittedAt: Date }

export async function verifyReceipt(deps: Pick<AppDeps, 'database'>, opts: { receiptRef: string; locale: Locale }): Promise<VerifiedReceipt | undefined> {
  const ref = opts.receiptRef.trim().toUpperCase()
  if (!RECEIPT_REF_PATTERN.test(ref)) return undefined
  const row = await findPubliclyVerifiableReceipt(deps.database.db, ref)
  if (!row) return undefined
  return {
    receiptRef: row.receiptRef,
    businessName: registeredName(row.nameTh, row.legalForm as LegalForm, opts.locale, row.nameEn),
    submittedAt: row.submittedAt,
  }
}
