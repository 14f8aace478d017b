/**
 * Submitting the assessment (stack.md §4.1). The whole questionnaire is validated outside the
 * transaction; with problems, every one is returned (part/page/fieldPath/messageKey). Otherwise ONE
 * transaction: mark the assessment submitted if it is still as it was read (else lock it and see
 * why: a request that lost the race returns the winner's receipt — never a second one), store the
 * immutable snapshot and its SHA-256 under a provisional reference, and its score. The COMMIT then
 * takes the next number from the cycle's gap-free counter and writes the reference, event, audit
 * row and receipt e-mail (outbox) — migration 0028. Submitting again with the same idempotency key,
 * or after the submission succeeded, returns the stored receipt.
 */
import { randomUUID } from 'node:crypto'
import { auditRowAtCommit } from '#src/audit/audit.repo.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { fullName } from '#src/identity/users.repo.ts'
import { mailRowAtCommit } from '#src/notifications/outbox.repo.ts'
import { scoreNewSubmission, storeSubmissionScore } from '#src/scoring/store-submission-score.ts'
import { AppError } from '#src/platform/errors.ts'
import { validateSubmission, type Problem } from '#src/questionnaire/engine/index.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { decideAssessmentAction } from './assessment-status.rules.ts'
import {
  findLatestSubmission,
  findReceiptAddressee,
  eventRowAtCommit,
  findReceiptRef,
  findSubmissionByIdempotencyKey,
  insertSubmissionRow,
  lockAssessment,
  markSubmittedIfUnchanged,
  provisionalReceiptRef,
  type AttachmentRow,
  type SubmissionRow,
} from './submissions.repo.ts'
import { isLateSubmission } from '#src/cycles/deadline.rules.ts'
import { assertCycleAcceptsFilings, attachmentRefs, bangkokToday, loadAssessment, notFound, oneAtATime, requireEntityActor, snapshotSha256, type EntityActor } from './submissions.shared.ts'

export type SubmitOptions = { actor: Actor; cycleCode: string; declarantName: string; declarantPosition: string; idempotencyKey: string }
export type SubmitResult = { ok: true; submission: SubmissionRow; duplicate: boolean } | { ok: false; problems: readonly Problem[] }

/** What a submission records, besides its row: answers and attachments exactly as submitted. */
export type SubmissionSnapshot = {
  definitionVersion: string
  cycleCode: string
  answers: Record<string, unknown>
  /** `uploadedAt` (ISO 8601) is recorded since the read-only view shows it; older snapshots lack it. */
  attachments: { id: string; partId: string; fieldId: string | null; documentType: string; displayName: string; mediaType: string; sizeBytes: number; sha256: string; uploadedAt?: string }[]
  declarant: { name: string; position: string }
}

export const receiptRef = (cycleCode: string, n: number) => `AMRAC-${cycleCode}-${String(n).padStart(6, '0')}`

const DECLARANT_MAX = 200
const KEY_MAX = 200
const MAX_ATTEMPTS = 3

/** Thrown inside the transaction when the draft changed after it was validated: validate again. */
class ChangedMeanwhile extends Error {}

const snapshotAttachment = (a: AttachmentRow): SubmissionSnapshot['attachments'][number] => ({
  id: a.id,
  partId: a.partId,
  fieldId: a.fieldId,
  documentType: a.documentType,
  displayName: a.displayName,
  mediaType: a.mediaType,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
  uploadedAt: a.uploadedAt.toISOString(),
})

export async function submitAssessment(deps: Pick<AppDeps, 'database' | 'clock' | 'config'>, opts: SubmitOptions): Promise<SubmitResult> {
  const actor = requireEntityActor(opts.actor)
  const declarant = { name: opts.declarantName.normalize('NFC').trim(), position: opts.declarantPosition.normalize('NFC').trim() }
  if (!declarant.name || !declarant.position || declarant.name.length > DECLARANT_MAX || declarant.position.length > DECLARANT_MAX) {
    throw new AppError('VALIDATION', { messageKey: 'questionnaire.errors.declarant' })
  }
  const key = opts.idempotencyKey.trim()
  if (!key || key.length > KEY_MAX) throw new AppError('BAD_REQUEST', { messageKey: 'questionnaire.errors.notAllowed' })
  return oneAtATime(`submit:${actor.entityId}:${opts.cycleCode}`, () => submitOnce(deps, actor, opts, declarant, key))
}

async function submitOnce(
  deps: Pick<AppDeps, 'database' | 'clock' | 'config'>,
  actor: EntityActor,
  opts: SubmitOptions,
  declarant: SubmissionSnapshot['declarant'],
  key: string,
): Promise<SubmitResult> {
  const db = deps.database.db
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadAssessment(db, actor.entityId, opts.cycleCode)
    const { assessment, cycle, definition } = loaded
    // Keys are scoped by assessment and by the version being submitted: one business's key never
    // meets another's, and an old form re-posted after a return for correction submits the new
    // version instead of answering with the previous version's receipt.
    const storedKey = `${assessment.id}:${assessment.submittedVersions + 1}:${key}`
    if (!decideAssessmentAction(assessment.status, 'submit').ok) {
      // Submitted already: a retry of an earlier version's form gets that version's receipt.
      for (let v = assessment.submittedVersions; v >= 1; v--) {
        const earlier = await findSubmissionByIdempotencyKey(db, actor.entityId, `${assessment.id}:${v}:${key}`)
        if (earlier) return { ok: true, submission: earlier, duplicate: true }
      }
      const latest = await findLatestSubmission(db, actor.entityId, assessment.id)
      if (latest) return { ok: true, submission: latest, duplicate: true }
      throw new AppError('INVALID_TRANSITION', { messageKey: 'questionnaire.errors.alreadySubmitted' })
    }
    // The assessment can be submitted, so no submission has this key yet: storing one makes the
    // assessment `submitted` and counts its version in the same transaction.

    assertCycleAcceptsFilings(cycle)
    const now = deps.clock.now()
    // Late against the business's effective deadline (its granted extension, else the cycle's).
    const late = isLateSubmission(now, loaded.deadline)
    const result = await validateSubmission(definition, loaded.answers, { today: bangkokToday(now), attachments: attachmentRefs(loaded.attachments) })
    if (!result.ok) return { ok: false, problems: result.problems }
    const snapshot: SubmissionSnapshot = {
      definitionVersion: cycle.definitionVersion,
      cycleCode: cycle.code,
      answers: { ...result.answers },
      attachments: loaded.attachments.map(snapshotAttachment),
      declarant,
    }
    const sha256 = snapshotSha256(snapshot)
    const [addressee, score] = await Promise.all([
      findReceiptAddressee(db, actor.id, actor.entityId),
      scoreNewSubmission(db, { entityId: actor.entityId, cycleId: cycle.id, submittedAt: now, snapshot }),
    ])
    if (!addressee) throw notFound()

    // The receipt number is given out inside the COMMIT (migration 0028): until then the submission
    // carries a provisional reference, and the rows that show the reference (event, audit row,
    // receipt e-mail) wait in it with that reference, to be written by the same trigger. So the
    // cycle's counter row, which every business submitting now needs, is never locked while this
    // process still has statements to send (issue 4's deadline rush).
    const submissionId = randomUUID()
    const ref = provisionalReceiptRef(submissionId)
    const version = assessment.submittedVersions + 1
    const locale = addressee.locale === 'en' ? 'en' : 'th'
    const receiptRows = [
      eventRowAtCommit({ assessmentId: assessment.id, at: now, actorUserId: actor.id, kind: 'submitted', payload: { submissionId, receiptRef: ref, version, snapshotSha256: sha256, late } }),
      auditRowAtCommit(
        { at: now, actorUserId: actor.id, actorRole: actor.role },
        { action: 'assessment.submitted', assessmentId: assessment.id, receiptRef: ref, version, late },
        { targetType: 'assessment', targetId: assessment.id, entityId: actor.entityId },
      ),
      mailRowAtCommit({
        template: 'submission_receipt',
        to: addressee.email,
        locale,
        now,
        payload: {
          fullName: fullName(addressee),
          businessName: registeredName(addressee.nameTh, addressee.legalForm as LegalForm, locale, addressee.nameEn),
          cycleName: locale === 'en' ? cycle.nameEn : cycle.nameTh,
          receiptRef: ref,
          version,
          submittedAt: now.toISOString(),
          receiptUrl: `${deps.config.baseUrl}/portal/receipts/${ref}`,
        },
      }),
    ]

    try {
      const outcome = await db.transaction(async (tx): Promise<SubmitResult> => {
        if (!(await markSubmittedIfUnchanged(tx, actor.entityId, assessment, now))) {
          // It changed since it was read: lock it and see why.
          const locked = await lockAssessment(tx, actor.entityId, assessment.id)
          if (!locked) throw notFound()
          const raced = await findSubmissionByIdempotencyKey(tx, actor.entityId, storedKey)
          if (raced) return { ok: true, submission: raced, duplicate: true }
          if (!decideAssessmentAction(locked.status, 'submit').ok) {
            // Another request submitted first: its receipt is the answer.
            const latest = await findLatestSubmission(tx, actor.entityId, assessment.id)
            if (latest) return { ok: true, submission: latest, duplicate: true }
            throw new AppError('INVALID_TRANSITION', { messageKey: 'questionnaire.errors.alreadySubmitted' })
          }
          throw new ChangedMeanwhile()
        }
        const stored: SubmissionRow = {
          id: submissionId,
          assessmentId: assessment.id,
          entityId: actor.entityId,
          cycleId: cycle.id,
          version,
          receiptRef: ref,
          submittedAt: now,
          submittedBy: actor.id,
          declarantName: declarant.name,
          declarantPosition: declarant.position,
          definitionVersion: cycle.definitionVersion,
          snapshot,
          snapshotSha256: sha256,
          idempotencyKey: storedKey,
          receiptRows,
        }
        await insertSubmissionRow(tx, stored)
        // Risk score (staff only), computed from the snapshot just stored, in the same transaction;
        // none when no ruleset reads the questionnaire version (the submission never fails for it).
        await storeSubmissionScore(tx, stored, score)
        return { ok: true, submission: stored, duplicate: false }
      })
      if (!outcome.ok || outcome.duplicate) return outcome
      // Committed: the reference is the one the COMMIT gave it.
      const receiptRef = await findReceiptRef(db, actor.entityId, submissionId)
      if (!receiptRef || receiptRef === ref) throw new Error(`submission ${submissionId} committed without a receipt number`)
      return { ok: true, submission: { ...outcome.submission, receiptRef, receiptRows: null }, duplicate: false }
    } catch (e) {
      if (e instanceof ChangedMeanwhile && attempt < MAX_ATTEMPTS) continue
      if (e instanceof ChangedMeanwhile) throw new AppError('CONFLICT', { messageKey: 'questionnaire.errors.notAllowed' })
      throw e
    }
  }
}
