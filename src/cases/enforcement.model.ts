/**
 * Enforcement measures as data (domain.md §8.5: "record the legal provision, amount, decision body
 * and payment/appeal status as data"), pure. A measure is one of the escalation ladder's steps,
 * decided by a body under a legal provision on a day; a fine has an amount and a payment status.
 * choice: only an administrative fine needs an amount; any measure may carry one (e.g. costs), and a
 * measure with an amount is unpaid or paid, one without is "not applicable".
 */
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { ESCALATION_STEPS, type EscalationStep } from './findings.rules.ts'

export const PAYMENT_STATUSES = ['not_applicable', 'unpaid', 'paid'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]
export const isPaymentStatus = (v: unknown): v is PaymentStatus => typeof v === 'string' && (PAYMENT_STATUSES as readonly string[]).includes(v)

export const APPEAL_STATUSES = ['none', 'appealed', 'upheld', 'overturned'] as const
export type AppealStatus = (typeof APPEAL_STATUSES)[number]
export const isAppealStatus = (v: unknown): v is AppealStatus => typeof v === 'string' && (APPEAL_STATUSES as readonly string[]).includes(v)

export const ENFORCEMENT_MEASURES = ESCALATION_STEPS

export const PAYMENT_STATUS_LABEL = {
  not_applicable: 'enforcement.payment.not_applicable',
  unpaid: 'enforcement.payment.unpaid',
  paid: 'enforcement.payment.paid',
} as const satisfies Record<PaymentStatus, MessageKey>

export const APPEAL_STATUS_LABEL = {
  none: 'enforcement.appeal.none',
  appealed: 'enforcement.appeal.appealed',
  upheld: 'enforcement.appeal.upheld',
  overturned: 'enforcement.appeal.overturned',
} as const satisfies Record<AppealStatus, MessageKey>

/** An amount (satang) is required for a fine. */
export const amountRequired = (measure: EscalationStep) => measure === 'administrative_fine'

/**
 * The payment status a measure may have: with an amount, unpaid or paid (unpaid when not given);
 * without one, only not applicable. Null: the status asked for does not fit.
 */
export function decidePaymentStatus(hasAmount: boolean, asked: PaymentStatus | null): PaymentStatus | null {
  if (!hasAmount) return asked === null || asked === 'not_applicable' ? 'not_applicable' : null
  if (asked === null) return 'unpaid'
  return asked === 'not_applicable' ? null : asked
}
