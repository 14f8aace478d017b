import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { Rating } from '#src/review/review.model.ts'

export const RATING_LABELS = {
  low: 'staff.rating.low',
  medium_low: 'staff.rating.medium_low',
  medium_high: 'staff.rating.medium_high',
  high: 'staff.rating.high',
} as const satisfies Record<Rating, MessageKey>
