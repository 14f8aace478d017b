/**
 * The business's assessment of a cycle, created as a draft on first access: part ก pre-filled from
 * AMLO's registry, and — when the business had an ACCEPTED submission in an earlier cycle — the
 * answers of that submission (same questionnaire version only; otherwise the engine drops unknown
 * ids at submission anyway). Returns what the task list and pages need.
 */
import { answersForPart, applyPrefill, partProgress, type PartStatus, type PrefillValues } from '#src/questionnaire/engine/index.ts'
import type { Definition } from '#src/questionnaire/engine/definition.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { AssessmentStatus } from './assessment-status.rules.ts'
import { isEditable } from './assessment-status.rules.ts'
import {
  appendAssessmentEvent,
  findAssessmentBundle,
  findLastAcceptedSubmission,
  findRegistryRowForPrefill,
  insertAssessmentIfAbsent,
  upsertPartAnswers,
  type AttachmentRow,
  type Cycle,
} from './submissions.repo.ts'
import { attachmentRefs, bangkokToday, definitionForVersion, flatten, requireEntityActor } from './submissions.shared.ts'
import type { DbOrTx } from '#src/db/client.ts'
import { acceptsFilings } from '#src/cycles/cycle-status.rules.ts'
import { effectiveDeadline } from '#src/cycles/deadline.rules.ts'
import { AppError } from '#src/platform/errors.ts'

export type Corrections = { parts?: Record<string, string>; fields?: Record<string, string> }

export type AssessmentView = {
  assessmentId: string
  /** `deadline` here is the business's effective deadline (its granted extension, else the cycle's). */
  cycle: Pick<Cycle, 'id' | 'code' | 'nameTh' | 'nameEn' | 'deadline' | 'definitionVersion' | 'status'>
  status: AssessmentStatus
  /** Draft or returned, in a cycle that is not closed. */
  editable: boolean
  /** The cycle's own deadline, and whether the business's deadline was extended past it. */
  cycleDeadline: Date
  extended: boolean
  submittedVersions: number
  answers: Record<string, unknown>
  attachments: AttachmentRow[]
  /** partId → not_started | in_progress | completed (engine). */
  progress: Record<string, PartStatus>
  deadline: Date
  lastSavedAt: Date | null
  corrections: Corrections | null
}

async function prefillFor(db: DbOrTx, entityId: string, cycle: Cycle, definition: Definition): Promise<Record<string, unknown>> {
  const previous = await findLastAcceptedSubmission(db, entityId, cycle.id)
  const fromPrevious =
    previous && previous.definitionVersion === cycle.definitionVersion
      ? (((previous.snapshot as { answers?: Record<string, unknown> }).answers ?? {}) as Record<string, unknown>)
      : {}
  const e = await findRegistryRowForPrefill(db, entityId)
  if (!e) return { ...fromPrevious }
  const values: PrefillValues = {
    'registry.juristicId': e.juristicId,
    'registry.nameTh': e.nameTh,
    ...(e.nameEn ? { 'registry.nameEn': e.nameEn } : {}),
    'registry.legalForm': e.legalForm,
    ...(e.registeredOn ? { 'registry.registeredOn': e.registeredOn } : {}),
    'registry.businessTypes': e.businessTypes,
    'registry.primaryBusinessType': e.primaryBusinessType,
    'registry.headOfficeAddress': { houseNo: e.addressLine, subdistrict: e.subdistrict, district: e.district, province: e.province, postcode: e.postcode },
    ...(e.phone ? { 'registry.phone': e.phone } : {}),
    ...(e.email ? { 'registry.email': e.email } : {}),
  }
  // File answers of an earlier cycle point at that cycle's attachments: they are not carried over.
  const carried = Object.fromEntries(Object.entries(fromPrevious).filter(([, v]) => !isFileAnswer(v)))
  return { ...applyPrefill(definition, carried, values) }
}

const isFileAnswer = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((x) => !!x && typeof x === 'object' && 'attachmentId' in x)

/**
 * `withProgress: false` skips deriving the parts' statuses (a full validation of every answer),
 * for pages that do not show them; `progress` is then empty.
 */
export async function getAssessmentForActor(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { actor: Actor; cycleCode: string; withProgress?: boolean }): Promise<AssessmentView> {
  const actor = requireEntityActor(opts.actor)
  const db = deps.database.db
  // Every page of the questionnaire comes through here: one round trip once the assessment exists.
  let bundle = await findAssessmentBundle(db, actor.entityId, opts.cycleCode)
  if (!bundle) throw new AppError('NOT_FOUND', { messageKey: 'questionnaire.errors.noOpenCycle' })
  const cycle = bundle.cycle
  if (!bundle.assessment) {
    // A closed cycle opens no new drafts: say so rather than show an empty assessment.
    if (!acceptsFilings(cycle)) throw new AppError('INVALID_TRANSITION', { messageKey: 'cycles.portal.closedNotStarted' })
    const definition = definitionForVersion(cycle.definitionVersion)
    const answers = await prefillFor(db, actor.entityId, cycle, definition) // reads, outside the transaction
    const now = deps.clock.now()
    await db.transaction(async (tx) => {
      const created = await insertAssessmentIfAbsent(tx, { entityId: actor.entityId, cycleId: cycle.id, now })
      if (!created) return // another request created it first
      for (const part of definition.parts) {
        const partAnswers = answersForPart(definition, answers, part.id)
        if (Object.keys(partAnswers).length) await upsertPartAnswers(tx, { assessmentId: created.id, partId: part.id, answers: { ...partAnswers }, now, userId: null })
      }
      await appendAssessmentEvent(tx, { assessmentId: created.id, at: now, actorUserId: actor.id, kind: 'created', payload: { cycleCode: cycle.code } })
    })
    bundle = await findAssessmentBundle(db, actor.entityId, opts.cycleCode)
  }
  const assessment = bundle?.assessment
  if (!bundle || !assessment) throw new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })
  const deadline = effectiveDeadline(cycle, bundle.extendedDeadline && { status: 'granted', grantedDeadline: bundle.extendedDeadline })
  const loaded = { answers: flatten(bundle.parts), attachments: bundle.attachments }
  const progress =
    opts.withProgress === false
      ? {}
      : await partProgress(definitionForVersion(cycle.definitionVersion), loaded.answers, { today: bangkokToday(deps.clock.now()), attachments: attachmentRefs(loaded.attachments) })
  const a = assessment
  return {
    assessmentId: a.id,
    cycle: { id: cycle.id, code: cycle.code, nameTh: cycle.nameTh, nameEn: cycle.nameEn, deadline, definitionVersion: cycle.definitionVersion, status: cycle.status },
    status: a.status,
    editable: isEditable(a.status) && acceptsFilings(cycle),
    cycleDeadline: cycle.deadline,
    extended: deadline.getTime() !== cycle.deadline.getTime(),
    submittedVersions: a.submittedVersions,
    answers: loaded.answers,
    attachments: loaded.attachments,
    progress,
    deadline,
    lastSavedAt: a.lastSavedAt,
    corrections: (a.corrections as Corrections | null) ?? null,
  }
}
