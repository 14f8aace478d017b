import type { Translator } from '#src/platform/i18n/translator.ts'
import type { ErrorSummaryItem } from '#src/web/lib/form-view.ts'

export type { ErrorSummaryItem } from '#src/web/lib/form-view.ts'

export type ErrorSummaryProps = {
  t: Translator
  /** In field order; build them with `fieldErrors()` from src/web/lib/form-view.ts. */
  items: readonly ErrorSummaryItem[]
  /** Id of the title; change it only when a page shows more than one summary (the gallery). */
  titleId?: string
}

/**
 * GOV.UK error summary: tops the page after a failed post, is focused by assets/js/app.js
 * (`[data-error-summary]`, also after an htmx swap) and links each message to its field.
 * Renders nothing when there are no errors.
 */
export function ErrorSummary({ t, items, titleId = 'error-summary-title' }: ErrorSummaryProps) {
  if (items.length === 0) return null
  return (
    <div class="error-summary" data-error-summary tabindex={-1} role="alert" aria-labelledby={titleId}>
      <h2 class="error-summary__title" id={titleId}>
        {t('errors.summary.title')}
      </h2>
      <ul class="error-summary__list">
        {items.map((item) => (
          <li key={item.id}>
            <a href={`#${item.id}`}>{item.text}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}
