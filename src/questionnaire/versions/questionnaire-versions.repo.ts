/**
 * Imported questionnaire versions (admin only: no business scoping applies). A published row never
 * changes: updates and deletes here only touch drafts, and a trigger refuses the rest.
 */
import { and, asc, eq } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import type { QuestionnaireVersionStatus, VersionMessages } from './questionnaire-version.model.ts'
import { questionnaireVersions } from './questionnaire-versions.tables.ts'

export type StoredVersionSummary = {
  version: number
  status: QuestionnaireVersionStatus
  sha256: string
  fileName: string
  importedBy: string | null
  importedAt: Date
  publishedBy: string | null
  publishedAt: Date | null
}
export type StoredVersion = StoredVersionSummary & { definition: unknown; messages: VersionMessages }

const summaryColumns = {
  version: questionnaireVersions.version,
  status: questionnaireVersions.status,
  sha256: questionnaireVersions.sha256,
  fileName: questionnaireVersions.fileName,
  importedBy: questionnaireVersions.importedBy,
  importedAt: questionnaireVersions.importedAt,
  publishedBy: questionnaireVersions.publishedBy,
  publishedAt: questionnaireVersions.publishedAt,
}
const fullColumns = { ...summaryColumns, definition: questionnaireVersions.definition, messages: questionnaireVersions.messages }
const asStored = (r: Omit<StoredVersion, 'messages'> & { messages: unknown }): StoredVersion => ({ ...r, messages: r.messages as VersionMessages })

export async function listStoredVersions(db: DbOrTx): Promise<StoredVersionSummary[]> {
  return db.select(summaryColumns).from(questionnaireVersions).orderBy(asc(questionnaireVersions.version))
}

export async function listPublishedStoredVersions(db: DbOrTx): Promise<StoredVersion[]> {
  const rows = await db.select(fullColumns).from(questionnaireVersions).where(eq(questionnaireVersions.status, 'published')).orderBy(asc(questionnaireVersions.version))
  return rows.map(asStored)
}

export async function findStoredVersion(db: DbOrTx, version: number): Promise<StoredVersion | undefined> {
  const [row] = await db.select(fullColumns).from(questionnaireVersions).where(eq(questionnaireVersions.version, version))
  return row && asStored(row)
}

/** Inserts a draft; false when the version number is taken (nothing written). */
export async function insertDraftVersion(
  db: DbOrTx,
  row: { version: number; definition: unknown; messages: VersionMessages; sha256: string; fileName: string; importedBy: string; importedAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(questionnaireVersions)
    .values({ ...row, status: 'draft' })
    .onConflictDoNothing()
    .returning({ version: questionnaireVersions.version })
  return inserted.length === 1
}

/** Publishes a draft; false when there is no draft of that version. */
export async function markVersionPublished(db: DbOrTx, version: number, by: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(questionnaireVersions)
    .set({ status: 'published', publishedBy: by, publishedAt: at })
    .where(and(eq(questionnaireVersions.version, version), eq(questionnaireVersions.status, 'draft')))
    .returning({ version: questionnaireVersions.version })
  return rows.length === 1
}

/** Deletes a draft; false when there is no draft of that version. */
export async function deleteDraftVersion(db: DbOrTx, version: number): Promise<boolean> {
  const rows = await db
    .delete(questionnaireVersions)
    .where(and(eq(questionnaireVersions.version, version), eq(questionnaireVersions.status, 'draft')))
    .returning({ version: questionnaireVersions.version })
  return rows.length === 1
}
