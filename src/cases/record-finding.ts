/** Records a finding of a case (domain.md §8.4; use case; R3). The deadline defaults by severity. */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { CASE_WORK } from './case-status.rules.ts'
import { appendCaseEvent, insertFinding, type FindingRow } from './cases.repo.ts'
import { cleanText, lockCaseOnce, parseDueOn, requireCaseWorker, requiredText, storedKey, TEXT_MAX, TITLE_MAX } from './cases.shared.ts'
import { defaultFindingDueOn, isControlArea, isFindingSeverity } from './findings.rules.ts'

export type RecordFindingOptions = {
  actor: Actor
  caseId: string
  controlArea: string
  severity: string
  title: string
  description: string
  legalBasis: string
  rootCause?: string | null
  requiredAction: string
  /** Absent: the default for the severity (findings.rules.ts REMEDIATION_DAYS). */
  dueOn?: string | null
  idempotencyKey: string
}

export async function recordFinding(deps: Pick<AppDeps, 'database' | 'clock'>, opts: RecordFindingOptions): Promise<{ finding: FindingRow | null; duplicate: boolean }> {
  const staff = requireCaseWorker(opts.actor)
  const key = storedKey(staff, opts.idempotencyKey)
  if (!isControlArea(opts.controlArea)) throw new AppError('VALIDATION', { messageKey: 'cases.errors.controlArea' })
  if (!isFindingSeverity(opts.severity)) throw new AppError('VALIDATION', { messageKey: 'cases.errors.severity' })
  const severity = opts.severity
  const fields = {
    title: requiredText(opts.title, TITLE_MAX),
    description: requiredText(opts.description),
    legalBasis: requiredText(opts.legalBasis, TITLE_MAX),
    rootCause: cleanText(opts.rootCause, TEXT_MAX, false),
    requiredAction: requiredText(opts.requiredAction),
  }
  const now = deps.clock.now()
  const dueOn = opts.dueOn ? parseDueOn(opts.dueOn, now) : defaultFindingDueOn(severity, now)
  return deps.database.db.transaction(async (tx) => {
    const { found, duplicate } = await lockCaseOnce(tx, opts.caseId, key)
    if (duplicate) return { finding: null, duplicate }
    if (!CASE_WORK[found.status].findings) throw new AppError('INVALID_TRANSITION', { messageKey: 'cases.errors.findingsNotAllowed' })
    const finding = await insertFinding(tx, { caseId: found.id, entityId: found.entityId, controlArea: opts.controlArea, severity, dueOn, ...fields, recordedBy: staff.id, recordedAt: now })
    await appendCaseEvent(tx, { caseId: found.id, at: now, actorUserId: staff.id, idempotencyKey: key, event: { kind: 'finding_recorded', findingId: finding.id, severity, dueOn } })
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role },
      { action: 'case.finding_recorded', caseId: found.id, findingId: finding.id, severity },
      { targetType: 'case', targetId: found.id, entityId: found.entityId },
    )
    return { finding, duplicate: false }
  })
}
