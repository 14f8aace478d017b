/**
 * Everything the staff case page shows (issue 8; use case; R3): the case with its business and
 * linked assessment, the SLA state at `now`, the timeline (events with the officers' names),
 * internal notes, information requests, findings with their remediation actions, the documents staff attached, who can be
 * assigned, and the actions this officer may take (availableActions). Read-only.
 */
import type { Actor } from '#src/identity/permissions.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { listCaseDocuments } from './case-documents.repo.ts'
import { findCaseAssessment, findCaseEntity, listUserNames } from './case-inbox.repo.ts'
import { caseReportsForStaff } from './get-case-reports.ts'
import { actionNeedsReason, availableActions, CASE_WORK, type CaseAction, type CaseStatus, type CaseType } from './case-status.rules.ts'
import { findCase, listCaseEvents, listCaseFindingStates, listCaseNotes, listCaseWorkers, listFindings, listInformationRequests, listRemediationActions } from './cases.repo.ts'
import { loadCaseEnforcement } from './case-enforcement-view.ts'
import { caseNotFound, requireCaseWorker } from './cases.shared.ts'
import { blocksClosing } from './findings.rules.ts'
import { bangkokDay, caseSla, daysLeft } from './sla.rules.ts'

export async function getCaseView(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { actor: Actor; caseId: string }) {
  const staff = requireCaseWorker(opts.actor)
  if (!isUuid(opts.caseId)) throw caseNotFound()
  const db = deps.database.db
  const now = deps.clock.now()
  const found = await findCase(db, opts.caseId)
  if (!found) throw caseNotFound()
  const [entity, assessment, events, notes, requests, findingRows, states, workers, reports, documents] = await Promise.all([
    findCaseEntity(db, found.entityId),
    findCaseAssessment(db, found),
    listCaseEvents(db, found.id),
    listCaseNotes(db, found.id),
    listInformationRequests(db, found.id),
    listFindings(db, found.id),
    listCaseFindingStates(db, found.id),
    listCaseWorkers(db),
    caseReportsForStaff(db, found.id, now),
    listCaseDocuments(db, found.id),
  ])
  const findings = await Promise.all(findingRows.map(async (f) => ({ ...f, actions: await listRemediationActions(db, f.id) })))
  const enforcement = await loadCaseEnforcement(db, found, states, now)
  const names = await listUserNames(db, [
    ...events.flatMap((e) => [e.actorUserId, ...(e.payload.kind === 'assigned' ? [e.payload.from, e.payload.to] : [])]),
    ...notes.map((n) => n.authorUserId),
    ...(found.assigneeUserId ? [found.assigneeUserId] : []),
  ].filter((x): x is string => !!x))
  const actions: { action: CaseAction; needsReason: boolean }[] = availableActions(found.status, staff.role, found.type).map((action) => ({ action, needsReason: actionNeedsReason(found.status, action) }))
  return {
    case: found,
    entity: entity!,
    assessment,
    sla: caseSla(found, now),
    daysOpen: -daysLeft(bangkokDay(found.openedAt), now),
    today: bangkokDay(now),
    events,
    names,
    notes,
    requests,
    findings,
    unresolvedFindings: states.filter(blocksClosing).length,
    workers,
    actions,
    work: CASE_WORK[found.status],
    /** Escalation due, linked referral cases and enforcement measures (case-enforcement-view.ts). */
    enforcement,
    /** The draft report, the business's response and the final report (get-case-reports.ts). */
    reports,
    /** Documents staff attached (case-documents.repo.ts). */
    documents,
    /** On-site types while fieldwork is done or written up (recordVisit decides; this only shows the form). */
    visitAllowed: (['onsite_inspection', 'thematic_review'] as const satisfies readonly CaseType[]).some((ty) => ty === found.type) && (['fieldwork', 'exit_meeting', 'draft_report'] as const satisfies readonly CaseStatus[]).some((st) => st === found.status),
    viewer: { id: staff.id, role: staff.role },
  }
}
export type CaseView = Awaited<ReturnType<typeof getCaseView>>
