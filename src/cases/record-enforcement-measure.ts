/**
 * Records an enforcement measure on an enforcement referral case, or updates the payment and
 * appeal status of one (domain.md §8.5; use cases; R3). An examiner or supervisor; the case must
 * be an enforcement referral, open to record a measure and not cancelled to update one. Amounts
 * are parsed like the questionnaire's money fields (baht, at most two decimals, "1,500,000.00",
 * "฿" or "บาท" allowed). One transaction: the measure, an `enforcement_measure_recorded` case event
 * and an audit row; a retry with the same idempotency key changes nothing.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { isUuid } from '#src/platform/ids.ts'
import { moneyField, satangToBahtString, type MoneyDef } from '#src/questionnaire/engine/field-types/money.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { isTerminal } from './case-status.rules.ts'
import { appendCaseEvent, type CaseRow } from './cases.repo.ts'
import { cleanText, lockCaseOnce, requireCaseWorker, storedKey } from './cases.shared.ts'
import { amountRequired, decidePaymentStatus, isAppealStatus, isPaymentStatus, type AppealStatus, type PaymentStatus } from './enforcement.model.ts'
import { insertMeasure, lockMeasure, updateMeasureStatus, type MeasureRow } from './enforcement.repo.ts'
import { isEscalationStep } from './findings.rules.ts'
import { bangkokDay, isCalendarDay } from './sla.rules.ts'

const TEXT_MAX = 300

/** The form field each refusal belongs to (the page puts the message there and links to it). */
export const MEASURE_FIELDS = ['measure', 'legalProvision', 'amount', 'decisionBody', 'decidedOn', 'paymentStatus', 'appealStatus'] as const
export type MeasureField = (typeof MEASURE_FIELDS)[number]

const invalid = (field: MeasureField, messageKey: MessageKey) => new AppError('VALIDATION', { messageKey, params: { field } })

export type RecordMeasureInput = {
  measure: string
  legalProvision: string
  amount: string
  decisionBody: string
  /** `yyyy-mm-dd` (the route turns dd/mm/yyyy in either era into it). */
  decidedOn: string
  paymentStatus: string
  appealStatus: string
}

function requireReferral(found: CaseRow) {
  if (found.type !== 'enforcement_referral') throw new AppError('INVALID_TRANSITION', { messageKey: 'enforcement.errors.notReferral' })
}

/** Baht in satang, or null when empty; the questionnaire's money rules (never negative). */
function parseAmount(raw: string): number | null {
  const parsed = moneyField.normalise(raw, { id: 'amount', type: 'money' } as MoneyDef)
  const issue = parsed.issues[0]
  if (issue) throw invalid('amount', issue.messageKey === 'questionnaire.errors.money.decimals' ? 'enforcement.errors.amountDecimals' : issue.messageKey === 'questionnaire.errors.money.tooLarge' ? 'enforcement.errors.amountTooLarge' : 'enforcement.errors.amount')
  if (parsed.value === undefined) return null
  if (parsed.value < 0) throw invalid('amount', 'enforcement.errors.amountNegative')
  return parsed.value
}

function parseDecidedOn(raw: string, now: Date): string {
  const v = raw.trim()
  if (!isCalendarDay(v) || v > bangkokDay(now) || v < '1990-01-01') throw invalid('decidedOn', 'enforcement.errors.decidedOn')
  return v
}

/** Every input checked in the order of the form, before anything is read. */
export function validateMeasure(input: RecordMeasureInput, now: Date) {
  const measure = input.measure.trim()
  if (!isEscalationStep(measure)) throw invalid('measure', 'enforcement.errors.measure')
  const legalProvision = cleanText(input.legalProvision, TEXT_MAX, false)
  if (!legalProvision) throw invalid('legalProvision', 'enforcement.errors.legalProvision')
  const satang = parseAmount(input.amount)
  if (satang === null && amountRequired(measure)) throw invalid('amount', 'enforcement.errors.amountRequired')
  const decisionBody = cleanText(input.decisionBody, TEXT_MAX, false)
  if (!decisionBody) throw invalid('decisionBody', 'enforcement.errors.decisionBody')
  const decidedOn = parseDecidedOn(input.decidedOn, now)
  const { paymentStatus, appealStatus } = statuses(satang !== null, input.paymentStatus, input.appealStatus)
  return { measure, legalProvision, amountThb: satang === null ? null : satangToBahtString(satang), decisionBody, decidedOn, paymentStatus, appealStatus }
}

function statuses(hasAmount: boolean, payment: string, appeal: string): { paymentStatus: PaymentStatus; appealStatus: AppealStatus } {
  const askedPayment = payment.trim()
  if (askedPayment && !isPaymentStatus(askedPayment)) throw invalid('paymentStatus', 'enforcement.errors.paymentStatus')
  const paymentStatus = decidePaymentStatus(hasAmount, askedPayment ? (askedPayment as PaymentStatus) : null)
  if (!paymentStatus) throw invalid('paymentStatus', 'enforcement.errors.paymentStatus')
  const appealStatus = appeal.trim() || 'none'
  if (!isAppealStatus(appealStatus)) throw invalid('appealStatus', 'enforcement.errors.appealStatus')
  return { paymentStatus, appealStatus }
}

export async function recordEnforcementMeasure(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  opts: { actor: Actor; caseId: string; input: RecordMeasureInput; idempotencyKey: string },
): Promise<{ measure: MeasureRow | null; duplicate: boolean }> {
  const staff = requireCaseWorker(opts.actor)
  const key = storedKey(staff, opts.idempotencyKey)
  const now = deps.clock.now()
  const v = validateMeasure(opts.input, now)
  return deps.database.db.transaction(async (tx) => {
    const { found, duplicate } = await lockCaseOnce(tx, opts.caseId, key)
    if (duplicate) return { measure: null, duplicate }
    requireReferral(found)
    if (isTerminal(found.status)) throw new AppError('INVALID_TRANSITION', { messageKey: 'cases.errors.finished' })
    const measure = await insertMeasure(tx, { ...v, caseId: found.id, entityId: found.entityId, recordedBy: staff.id, recordedAt: now, updatedAt: now })
    await appendCaseEvent(tx, {
      caseId: found.id,
      at: now,
      actorUserId: staff.id,
      idempotencyKey: key,
      event: { kind: 'enforcement_measure_recorded', measureId: measure.id, measure: measure.measure, paymentStatus: measure.paymentStatus, appealStatus: measure.appealStatus, updated: false },
    })
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role },
      { action: 'case.enforcement_measure_recorded', caseId: found.id, measureId: measure.id, measure: measure.measure, paymentStatus: measure.paymentStatus, appealStatus: measure.appealStatus, updated: false },
      { targetType: 'case', targetId: found.id, entityId: found.entityId },
    )
    return { measure, duplicate: false }
  })
}

export async function updateEnforcementMeasure(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  opts: { actor: Actor; caseId: string; measureId: string; paymentStatus: string; appealStatus: string; idempotencyKey: string },
): Promise<{ duplicate: boolean; changed: boolean }> {
  const staff = requireCaseWorker(opts.actor)
  const key = storedKey(staff, opts.idempotencyKey)
  const now = deps.clock.now()
  const notFound = () => new AppError('NOT_FOUND', { messageKey: 'enforcement.errors.measureNotFound' })
  if (!isUuid(opts.measureId)) throw notFound()
  return deps.database.db.transaction(async (tx) => {
    const { found, duplicate } = await lockCaseOnce(tx, opts.caseId, key)
    if (duplicate) return { duplicate, changed: false }
    requireReferral(found)
    if (found.status === 'cancelled') throw new AppError('INVALID_TRANSITION', { messageKey: 'cases.errors.finished' })
    const m = await lockMeasure(tx, opts.measureId)
    if (!m || m.caseId !== found.id) throw notFound()
    const s = statuses(m.amountThb !== null, opts.paymentStatus, opts.appealStatus)
    if (s.paymentStatus === m.paymentStatus && s.appealStatus === m.appealStatus) return { duplicate: false, changed: false }
    await updateMeasureStatus(tx, m.id, { ...s, updatedAt: now })
    await appendCaseEvent(tx, { caseId: found.id, at: now, actorUserId: staff.id, idempotencyKey: key, event: { kind: 'enforcement_measure_recorded', measureId: m.id, measure: m.measure, ...s, updated: true } })
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role },
      { action: 'case.enforcement_measure_recorded', caseId: found.id, measureId: m.id, measure: m.measure, ...s, updated: true },
      { targetType: 'case', targetId: found.id, entityId: found.entityId },
    )
    return { duplicate: false, changed: true }
  })
}
