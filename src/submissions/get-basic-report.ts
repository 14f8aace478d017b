/**
 * What the basic-information report (รายงานข้อมูลพื้นฐาน) shows for the business's assessment of a
 * cycle: either the working draft (marked ฉบับร่าง) or one submitted version exactly as its
 * immutable snapshot recorded it (answers, attachments, questionnaire version). Without a version,
 * an assessment that cannot be edited (submitted, accepted) shows its latest submitted version.
 * Another business's assessment, an unknown cycle or version: NOT_FOUND.
 */
import type { Actor } from '#src/identity/permissions.ts'
import type { Definition } from '#src/questionnaire/engine/definition.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { AssessmentStatus } from './assessment-status.rules.ts'
import { listAttachmentUploadTimes } from './basic-report.repo.ts'
import { getAssessmentForActor } from './get-assessment.ts'
import type { SubmissionSnapshot } from './submit-assessment.ts'
import { listSubmissions, type AttachmentRow, type SubmissionRow } from './submissions.repo.ts'
import { definitionForVersion, loadAssessment, notFound, requireEntityActor, type EntityActor } from './submissions.shared.ts'

export type BasicReportAttachment = { documentType: string; displayName: string; uploadedAt: Date | null; sha256: string }

export type BasicReportSubmission = {
  version: number
  receiptRef: string
  submittedAt: Date
  declarantName: string
  declarantPosition: string
}

export type BasicReport = {
  cycle: { code: string; nameTh: string; nameEn: string }
  /** The assessment's status now (a shown version may be older than the latest one). */
  status: AssessmentStatus
  /** The working draft (answers may be incomplete) rather than a submitted version. */
  draft: boolean
  /** The questionnaire version the answers belong to, e.g. `v1`. */
  definitionVersion: string
  definition: Definition
  /** Flat answers across all parts (the engine's Answers). */
  answers: Record<string, unknown>
  attachments: BasicReportAttachment[]
  /** The submitted version shown; null for the draft. */
  submission: BasicReportSubmission | null
  submittedVersions: number
  generatedAt: Date
}

export type GetBasicReportOptions = { actor: Actor; cycleCode: string; version?: number | undefined }

type Deps = Pick<AppDeps, 'database' | 'clock'>

const fromRow = (a: AttachmentRow): BasicReportAttachment => ({ documentType: a.documentType, displayName: a.displayName, uploadedAt: a.uploadedAt, sha256: a.sha256 })

export async function getBasicReport(deps: Deps, opts: GetBasicReportOptions): Promise<BasicReport> {
  const actor = requireEntityActor(opts.actor)
  const generatedAt = deps.clock.now()
  if (opts.version === undefined) {
    // Opens (and pre-fills) the draft on first access, like the task list.
    const view = await getAssessmentForActor(deps, { actor, cycleCode: opts.cycleCode })
    if (view.editable || view.submittedVersions === 0) {
      const { cycle } = view
      return {
        cycle: { code: cycle.code, nameTh: cycle.nameTh, nameEn: cycle.nameEn },
        status: view.status,
        draft: true,
        definitionVersion: cycle.definitionVersion,
        definition: definitionForVersion(cycle.definitionVersion),
        answers: view.answers,
        attachments: view.attachments.map(fromRow),
        submission: null,
        submittedVersions: view.submittedVersions,
        generatedAt,
      }
    }
    return submittedVersion(deps, actor, opts.cycleCode, view.submittedVersions, generatedAt)
  }
  return submittedVersion(deps, actor, opts.cycleCode, opts.version, generatedAt)
}

async function submittedVersion(deps: Deps, actor: EntityActor, cycleCode: string, version: number, generatedAt: Date): Promise<BasicReport> {
  const db = deps.database.db
  const { cycle, assessment } = await loadAssessment(db, actor.entityId, cycleCode)
  const row: SubmissionRow | undefined = (await listSubmissions(db, actor.entityId, assessment.id)).find((s) => s.version === version)
  if (!row) throw notFound()
  const snapshot = row.snapshot as Partial<SubmissionSnapshot>
  const uploaded = new Map((await listAttachmentUploadTimes(db, actor.entityId, assessment.id)).map((a) => [a.id, a.uploadedAt]))
  return {
    cycle: { code: cycle.code, nameTh: cycle.nameTh, nameEn: cycle.nameEn },
    status: assessment.status,
    draft: false,
    definitionVersion: row.definitionVersion,
    definition: definitionForVersion(row.definitionVersion),
    answers: snapshot.answers ?? {},
    attachments: (snapshot.attachments ?? []).map((a) => ({ documentType: a.documentType, displayName: a.displayName, uploadedAt: uploaded.get(a.id) ?? null, sha256: a.sha256 })),
    submission: { version: row.version, receiptRef: row.receiptRef, submittedAt: row.submittedAt, declarantName: row.declarantName, declarantPosition: row.declarantPosition },
    submittedVersions: assessment.submittedVersions,
    generatedAt,
  }
}
