/**
 * Reads for the submission receipt as a document (ใบรับ PDF) and for its public verification page.
 * - `findReceiptDocumentRow`: tenant-scoped (the business's own receipt only).
 * - `unsafeFindReceiptDocumentRow`: any business; only the mail worker, which attaches the PDF to
 *   the receipt e-mail it already addressed to the submitter, may use it.
 * - `findPubliclyVerifiableReceipt`: a DELIBERATE public read across businesses by receipt number.
 *   It selects exactly what the public page may show (reference, registered name, time) and nothing
 *   else: no answers, no hash, no declarant, no juristic number.
 */
import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { assessmentCycles, submissions } from './submissions.tables.ts'

const documentColumns = {
  receiptRef: submissions.receiptRef,
  submittedAt: submissions.submittedAt,
  version: submissions.version,
  declarantName: submissions.declarantName,
  declarantPosition: submissions.declarantPosition,
  snapshotSha256: submissions.snapshotSha256,
  juristicId: reportingEntities.juristicId,
  nameTh: reportingEntities.nameTh,
  nameEn: reportingEntities.nameEn,
  legalForm: reportingEntities.legalForm,
  cycleCode: assessmentCycles.code,
  cycleNameTh: assessmentCycles.nameTh,
  cycleNameEn: assessmentCycles.nameEn,
}

function selectDocument(db: DbOrTx) {
  return db
    .select(documentColumns)
    .from(submissions)
    .innerJoin(reportingEntities, eq(reportingEntities.id, submissions.entityId))
    .innerJoin(assessmentCycles, eq(assessmentCycles.id, submissions.cycleId))
}

export type ReceiptDocumentRow = Awaited<ReturnType<ReturnType<typeof selectDocument>['execute']>>[number]

/** The business's own receipt; another business's is simply not found. */
export async function findReceiptDocumentRow(db: DbOrTx, entityId: string, receiptRef: string): Promise<ReceiptDocumentRow | undefined> {
  const [row] = await selectDocument(db)
    .where(and(eq(submissions.entityId, entityId), eq(submissions.receiptRef, receiptRef)))
    .limit(1)
  return row
}

/** Any business's receipt (mail worker only: the receipt e-mail goes to the submitter). */
export async function unsafeFindReceiptDocumentRow(db: DbOrTx, receiptRef: string): Promise<ReceiptDocumentRow | undefined> {
  const [row] = await selectDocument(db).where(eq(submissions.receiptRef, receiptRef)).limit(1)
  return row
}

export type PubliclyVerifiableReceipt = { receiptRef: string; submittedAt: Date; nameTh: string; nameEn: string | null; legalForm: string }

/** Public by design (the QR code on the receipt): only the reference, the registered name and the time. */
export async function findPubliclyVerifiableReceipt(db: DbOrTx, receiptRef: string): Promise<PubliclyVerifiableReceipt | undefined> {
  const [row] = await db
    .select({
      receiptRef: submissions.receiptRef,
      submittedAt: submissions.submittedAt,
      nameTh: reportingEntities.nameTh,
      nameEn: reportingEntities.nameEn,
      legalForm: reportingEntities.legalForm,
    })
    .from(submissions)
    .innerJoin(reportingEntities, eq(reportingEntities.id, submissions.entityId))
    .where(eq(submissions.receiptRef, receiptRef))
    .limit(1)
  return row
}
