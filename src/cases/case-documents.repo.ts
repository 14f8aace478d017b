/** The documents staff attach to a case (R16): staff-only rows, always looked up with their case. */
import { and, asc, eq } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { users } from '#src/identity/users.tables.ts'
import type { CaseFilesOf } from './case-files.repo.ts'
import { caseDocuments } from './case-documents.tables.ts'

export type CaseDocumentRow = typeof caseDocuments.$inferSelect
export type CaseDocumentListed = Pick<CaseDocumentRow, 'id' | 'title' | 'displayName' | 'mediaType' | 'sizeBytes' | 'uploadedAt'> & { uploadedByName: string }

export async function insertCaseDocument(tx: DbOrTx, values: typeof caseDocuments.$inferInsert): Promise<CaseDocumentRow> {
  const [row] = await tx.insert(caseDocuments).values(values).returning()
  return row!
}

/** The case's documents, oldest first, with who attached each. */
export async function listCaseDocuments(db: DbOrTx, caseId: string): Promise<CaseDocumentListed[]> {
  const rows = await db
    .select({
      id: caseDocuments.id,
      title: caseDocuments.title,
      displayName: caseDocuments.displayName,
      mediaType: caseDocuments.mediaType,
      sizeBytes: caseDocuments.sizeBytes,
      uploadedAt: caseDocuments.uploadedAt,
      firstName: users.firstName,
      lastName: users.lastName,
    })
    .from(caseDocuments)
    .innerJoin(users, eq(users.id, caseDocuments.uploadedBy))
    .where(eq(caseDocuments.caseId, caseId))
    .orderBy(asc(caseDocuments.uploadedAt), asc(caseDocuments.id))
  return rows.map(({ firstName, lastName, ...r }) => ({ ...r, uploadedByName: `${firstName} ${lastName}`.trim() }))
}

/** One document of the case as a one-file list (openCaseFile reads it like the business's files). */
export async function findDocumentOfCase(db: DbOrTx, caseId: string, documentId: string): Promise<CaseFilesOf | undefined> {
  const [row] = await db
    .select()
    .from(caseDocuments)
    .where(and(eq(caseDocuments.id, documentId), eq(caseDocuments.caseId, caseId)))
    .limit(1)
  if (!row) return undefined
  return { id: row.id, caseId: row.caseId, entityId: row.entityId, files: [{ fileKey: row.fileKey, displayName: row.displayName, mediaType: row.mediaType, sizeBytes: row.sizeBytes, sha256: row.sha256 }] }
}
