/**
 * Stored risk scores (R16). Staff-only data: nothing here is scoped to a business, so only staff use
 * cases (which call requireStaffActor) and the submit use case (for its own new submission) call it.
 */
import { and, eq, gt, inArray, sql } from 'drizzle-orm'
import { executeRaw, type DbOrTx } from '#src/db/client.ts'
import { assessments, submissions } from '#src/submissions/submissions.tables.ts'
import type { SubmissionSnapshot } from '#src/submissions/submit-assessment.ts'
import type { Score } from './score.model.ts'
import type { StoredScore } from './stored-score.ts'
import { riskScores } from './scoring.tables.ts'

export type RiskScoreRow = Omit<typeof riskScores.$inferSelect, 'score'> & { score: Score }

/** What scoring needs of a submission. */
export type ScorableSubmission = { id: string; entityId: string; cycleId: string; assessmentId: string; receiptRef: string; submittedAt: Date; snapshot: SubmissionSnapshot }

const SCORABLE = {
  id: submissions.id,
  entityId: submissions.entityId,
  cycleId: submissions.cycleId,
  assessmentId: submissions.assessmentId,
  receiptRef: submissions.receiptRef,
  submittedAt: submissions.submittedAt,
  snapshot: submissions.snapshot,
}
const asScorable = (r: Omit<ScorableSubmission, 'snapshot'> & { snapshot: unknown }): ScorableSubmission => ({ ...r, snapshot: r.snapshot as SubmissionSnapshot })

/** Stores `score` as the current score of its submission (the previous current row stays as history). */
export async function insertCurrentScore(
  tx: DbOrTx,
  args: { submission: Pick<ScorableSubmission, 'id' | 'entityId' | 'cycleId'>; score: Score; computedAt: Date; computedBy: string | null },
): Promise<RiskScoreRow> {
  await tx.update(riskScores).set({ isCurrent: false }).where(and(eq(riskScores.submissionId, args.submission.id), eq(riskScores.isCurrent, true)))
  const [row] = await tx.insert(riskScores).values(scoreRow(args)).returning()
  return row as RiskScoreRow
}

/** The first score of a submission inserted in the same transaction: nothing to retire, nothing read back. */
export async function insertFirstScore(tx: DbOrTx, args: { submission: Pick<ScorableSubmission, 'id' | 'entityId' | 'cycleId'>; score: Score; computedAt: Date }): Promise<void> {
  await tx.insert(riskScores).values(scoreRow({ ...args, computedBy: null }))
}

/** Columns of the bulk insert below, in order (17: 3,000 rows stay under PostgreSQL's 65,535 parameters). */
const SCORE_COLUMNS = [
  'submission_id', 'entity_id', 'cycle_id', 'ruleset_version', 'residual_band', 'inherent_band', 'control_band', 'irs', 'ce_percent',
  'flags_count', 'flag_codes', 'previous_submission_id', 'as_of', 'score', 'computed_at', 'computed_by', 'is_current',
] as const
const ROWS_PER_INSERT = 3000

/**
 * insertCurrentScore for many submissions (distinct ids): one UPDATE clears the old current rows
 * (they stay as history), then multi-row INSERTs add the new ones. The INSERT is built by hand and
 * sent with executeRaw: a rescoring writes 2,000 scores of ~11 kB a page, and building its 34,000
 * parameters through the query builder cost more than scoring them. The score arrives serialised
 * (StoredScore.json = JSON.stringify(score)), exactly what insertCurrentScore stores through jsonText.
 */
export async function insertCurrentScores(
  tx: DbOrTx,
  list: readonly { submission: Pick<ScorableSubmission, 'id' | 'entityId' | 'cycleId'>; stored: StoredScore }[],
  by: { computedAt: Date; computedBy: string | null },
): Promise<void> {
  if (!list.length) return
  const ids = sql.join(list.map((r) => sql`${r.submission.id}::uuid`), sql`, `)
  await tx.execute(sql`update risk_scores set is_current = false where submission_id in (${ids}) and is_current`)
  const computedAt = by.computedAt.toISOString()
  const n = SCORE_COLUMNS.length
  for (let start = 0; start < list.length; start += ROWS_PER_INSERT) {
    const slice = list.slice(start, start + ROWS_PER_INSERT)
    const params: unknown[] = []
    const tuples: string[] = []
    for (const [i, { submission: sub, stored: s }] of slice.entries()) {
      tuples.push(`(${Array.from({ length: n }, (_, c) => `$${i * n + c + 1}`).join(',')})`)
      params.push(
        sub.id, sub.entityId, sub.cycleId, s.rulesetVersion, s.residualBand, s.inherentBand, s.controlBand, s.irs, s.cePercent,
        s.flagCodes.length, JSON.stringify(s.flagCodes), s.previousSubmissionId, s.asOf, s.json, computedAt, by.computedBy, true,
      )
    }
    await executeRaw(tx, `insert into risk_scores (${SCORE_COLUMNS.join(', ')}) values ${tuples.join(',')}`, params)
  }
}

function scoreRow(args: { submission: Pick<ScorableSubmission, 'id' | 'entityId' | 'cycleId'>; score: Score; computedAt: Date; computedBy: string | null }) {
  const s = args.score
  return {
    submissionId: args.submission.id,
    entityId: args.submission.entityId,
    cycleId: args.submission.cycleId,
    rulesetVersion: s.rulesetVersion,
    residualBand: s.residualBand,
    inherentBand: s.inherentBand,
    controlBand: s.controlBand,
    irs: s.irs,
    cePercent: s.cePercent,
    flagsCount: s.flags.length,
    flagCodes: s.flags.map((f) => f.code),
    previousSubmissionId: s.previousSubmissionId,
    asOf: s.asOf,
    score: s,
    computedAt: args.computedAt,
    computedBy: args.computedBy,
    isCurrent: true,
  }
}

export async function findCurrentScore(db: DbOrTx, submissionId: string): Promise<RiskScoreRow | undefined> {
  const [row] = await db
    .select()
    .from(riskScores)
    .where(and(eq(riskScores.submissionId, submissionId), eq(riskScores.isCurrent, true)))
    .limit(1)
  return row as RiskScoreRow | undefined
}

/** Every score row of a submission (history included), oldest first. */
export async function listScores(db: DbOrTx, submissionId: string): Promise<RiskScoreRow[]> {
  const found = await db.select().from(riskScores).where(eq(riskScores.submissionId, submissionId)).orderBy(riskScores.computedAt, riskScores.id)
  return found as RiskScoreRow[]
}

/** Staff only (no entity scoping): one submission by id. */
export async function unsafeFindScorableSubmission(db: DbOrTx, submissionId: string): Promise<ScorableSubmission | undefined> {
  const [row] = await db.select(SCORABLE).from(submissions).where(eq(submissions.id, submissionId)).limit(1)
  return row ? asScorable(row) : undefined
}

/** Staff only: snapshots by submission id (the previous answers a stored score compared with). */
export async function unsafeFindSnapshots(db: DbOrTx, ids: readonly string[]): Promise<Map<string, SubmissionSnapshot>> {
  if (!ids.length) return new Map()
  const found = await db.select({ id: submissions.id, snapshot: submissions.snapshot }).from(submissions).where(inArray(submissions.id, [...ids]))
  return new Map(found.map((r) => [r.id, r.snapshot as SubmissionSnapshot]))
}

/** What a rescoring reads of a submission: its snapshot as the JSON text PostgreSQL prints (parsed only where it is scored). */
export type CycleSubmissionForRescore = Omit<ScorableSubmission, 'snapshot'> & {
  snapshotJson: string
  definitionVersion: string
  current: { residualBand: string; rulesetVersion: string; previousSubmissionId: string | null; asOf: string | null } | null
}

/** Staff only: snapshots by submission id as JSON text (the previous answers a rescoring compares with). */
export async function unsafeFindSnapshotTexts(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const found = await db.select({ id: submissions.id, json: sql<string>`${submissions.snapshot}::text` }).from(submissions).where(inArray(submissions.id, [...ids]))
  return new Map(found.map((r) => [r.id, r.json]))
}

/**
 * Staff only: one page of the latest submission of every assessment of a cycle, with its current
 * score's band and the inputs to reuse (previous submission, scoring date), in receipt order; the
 * next page starts after the last receipt (keyset paging, so a whole cycle never sits in memory).
 */
export async function unsafeListCycleSubmissionsPage(db: DbOrTx, cycleId: string, page: { afterReceiptRef: string | null; limit: number }): Promise<CycleSubmissionForRescore[]> {
  const { snapshot: _snapshot, ...columns } = SCORABLE
  const found = await db
    .select({
      ...columns,
      snapshotJson: sql<string>`${submissions.snapshot}::text`,
      definitionVersion: sql<string>`${submissions.snapshot}->>'definitionVersion'`,
      band: riskScores.residualBand,
      rulesetVersion: riskScores.rulesetVersion,
      previousSubmissionId: riskScores.previousSubmissionId,
      asOf: riskScores.asOf,
    })
    .from(submissions)
    .innerJoin(assessments, and(eq(assessments.id, submissions.assessmentId), eq(assessments.submittedVersions, submissions.version)))
    .leftJoin(riskScores, and(eq(riskScores.submissionId, submissions.id), eq(riskScores.isCurrent, true)))
    .where(and(eq(submissions.cycleId, cycleId), page.afterReceiptRef === null ? undefined : gt(submissions.receiptRef, page.afterReceiptRef)))
    .orderBy(submissions.receiptRef)
    .limit(page.limit)
  return found.map(({ band, rulesetVersion, previousSubmissionId, asOf, ...r }) => ({
    ...r,
    current: band && rulesetVersion ? { residualBand: band, rulesetVersion, previousSubmissionId: previousSubmissionId ?? null, asOf: asOf ?? null } : null,
  }))
}
