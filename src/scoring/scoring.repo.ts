/**
 * Stored risk scores (R16). Staff-only data: nothing here is scoped to a business, so only staff use
 * cases (which call requireStaffActor) and the submit use case (for its own new submission) call it.
 */
import { and, eq, gt, inArray } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { assessments, submissions } from '#src/submissions/submissions.tables.ts'
import type { SubmissionSnapshot } from '#src/submissions/submit-assessment.ts'
import type { Score } from './score.model.ts'
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

/**
 * insertCurrentScore for many submissions (distinct ids) in two statements: one UPDATE clears the
 * old current rows (they stay as history), one multi-row INSERT adds the new ones.
 */
export async function insertCurrentScores(
  tx: DbOrTx,
  list: readonly { submission: Pick<ScorableSubmission, 'id' | 'entityId' | 'cycleId'>; score: Score }[],
  by: { computedAt: Date; computedBy: string | null },
): Promise<void> {
  if (!list.length) return
  const ids = list.map((r) => r.submission.id)
  await tx.update(riskScores).set({ isCurrent: false }).where(and(inArray(riskScores.submissionId, ids), eq(riskScores.isCurrent, true)))
  await tx.insert(riskScores).values(list.map((r) => scoreRow({ ...r, ...by })))
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

export type CycleSubmissionForRescore = ScorableSubmission & { current: { residualBand: string; rulesetVersion: string; previousSubmissionId: string | null; asOf: string | null } | null }

/**
 * Staff only: one page of the latest submission of every assessment of a cycle, with its current
 * score's band and the inputs to reuse (previous submission, scoring date), in receipt order; the
 * next page starts after the last receipt (keyset paging, so a whole cycle never sits in memory).
 */
export async function unsafeListCycleSubmissionsPage(db: DbOrTx, cycleId: string, page: { afterReceiptRef: string | null; limit: number }): Promise<CycleSubmissionForRescore[]> {
  const found = await db
    .select({ ...SCORABLE, band: riskScores.residualBand, rulesetVersion: riskScores.rulesetVersion, previousSubmissionId: riskScores.previousSubmissionId, asOf: riskScores.asOf })
    .from(submissions)
    .innerJoin(assessments, and(eq(assessments.id, submissions.assessmentId), eq(assessments.submittedVersions, submissions.version)))
    .leftJoin(riskScores, and(eq(riskScores.submissionId, submissions.id), eq(riskScores.isCurrent, true)))
    .where(and(eq(submissions.cycleId, cycleId), page.afterReceiptRef === null ? undefined : gt(submissions.receiptRef, page.afterReceiptRef)))
    .orderBy(submissions.receiptRef)
    .limit(page.limit)
  return found.map(({ band, rulesetVersion, previousSubmissionId, asOf, ...r }) => ({
    ...asScorable(r),
    current: band && rulesetVersion ? { residualBand: band, rulesetVersion, previousSubmissionId: previousSubmissionId ?? null, asOf: asOf ?? null } : null,
  }))
}
