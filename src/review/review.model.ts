/**
 * Pure rules of AMLO's review (domain.md §6.5): the residual rating bands, rating overrides with
 * four-eyes approval, and the staff-only review events. No IO here.
 */
export const RATINGS = ['low', 'medium_low', 'medium_high', 'high'] as const
export type Rating = (typeof RATINGS)[number]
export const isRating = (v: unknown): v is Rating => typeof v === 'string' && (RATINGS as readonly string[]).includes(v)

export const OVERRIDE_STATUSES = ['pending', 'approved', 'rejected'] as const
export type OverrideStatus = (typeof OVERRIDE_STATUSES)[number]

export const REVIEW_EVENT_KINDS = ['assigned', 'note_added', 'override_requested', 'override_approved', 'override_rejected'] as const
export type ReviewEventKind = (typeof REVIEW_EVENT_KINDS)[number]

export type OverrideDecision =
  | { ok: true }
  | { ok: false; messageKey: 'staff.errors.overrideNotPending' | 'staff.errors.fourEyes' | 'staff.errors.overrideExpired' }

/** A supervisor may decide a pending override that somebody else proposed, before it would expire. */
export function decideOverride(override: { status: OverrideStatus; requestedBy: string; expiresAt: Date | null }, deciderId: string, now: Date): OverrideDecision {
  if (override.status !== 'pending') return { ok: false, messageKey: 'staff.errors.overrideNotPending' }
  if (override.requestedBy === deciderId) return { ok: false, messageKey: 'staff.errors.fourEyes' }
  if (override.expiresAt && override.expiresAt.getTime() <= now.getTime()) return { ok: false, messageKey: 'staff.errors.overrideExpired' }
  return { ok: true }
}

/** The rating in force: an approved override until it expires, else the computed one (R9: `now` is a parameter). */
export function currentRating(computed: Rating | null, override: { rating: Rating | null; expiresAt: Date | null }, now: Date): { rating: Rating | null; source: 'computed' | 'override' } {
  if (override.rating && (!override.expiresAt || override.expiresAt.getTime() > now.getTime())) return { rating: override.rating, source: 'override' }
  return { rating: computed, source: 'computed' }
}

/** Spreadsheet formula injection (CSV/XLSX): a cell starting with = + - @ (or a tab/CR) is prefixed with a quote. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}
