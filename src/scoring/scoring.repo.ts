/**
 * Stored risk scores (R16). Staff-only data: nothing here is scoped to a business, so only staff use
 * cases (which call requireStaffActor) and the submit use case (for its own new submission) call it.
 */
import { and, eq, inArray } from 'drizzle-orm'
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
  const s = args.score
  const [row] = await tx
    .insert(riskScores)
    .values({
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
      score: s,
      computedAt: args.computedAt,
      computedBy: args.computedBy,
      isCurrent: true,
    })
    .returning()
  return row as RiskScoreRow
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
 * Staff only: the latest submission of every assessment of a cycle, with its current score's band
 * and the inputs to reuse (previous submission, scoring date), in a stable order.
 */
export async function unsafeListCycleSubmissions(db: DbOrTx, cycleId: string): Promise<CycleSubmissionForRescore[]> {
  const found = await db
    .select({ ...SCORABLE, band: riskScores.residualBand, rulesetVersion: riskScores.rulesetVersion, score: riskScores.score })
    .from(submissions)
    .innerJoin(assessments, and(eq(assessments.id, submissions.assessmentId), eq(assessments.submittedVersions, submissions.version)))
    .leftJoin(riskScores, and(eq(riskScores.submissionId, submissions.id), eq(riskScores.isCurrent, true)))
    .where(eq(submissions.cycleId, cycleId))
    .orderBy(submissions.receiptRef)
  return found.map(({ band, rulesetVersion, score, ...r }) => ({
    ...asScorable(r),
    current:
      band && rulesetVersion
        ? { residualBand: band, rulesetVersion, previousSubmissionId: (score as Score).previousSubmissionId ?? null, asOf: (score as Score).asOf ?? null }
        : null,
  }))
}
