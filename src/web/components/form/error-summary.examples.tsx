import type { ComponentExample } from '../examples.ts'
import { ErrorSummary } from './error-summary.tsx'

export const errorSummaryExamples: ComponentExample[] = [
  {
    name: 'with errors (links to the gallery’s fields)',
    render: ({ t }) => (
      <ErrorSummary
        t={t}
        titleId="ex-summary-title"
        items={[
          { id: 'ex-text-error', text: t('errors.field.required') },
          { id: 'ex-radios-error', text: t('errors.field.chooseOne') },
          { id: 'ex-date-error-day', text: t('errors.date.yearOutOfRange') },
        ]}
      />
    ),
  },
  {
    name: 'English',
    locale: 'en',
    render: ({ t }) => (
      <ErrorSummary t={t} titleId="ex-summary-en-title" items={[{ id: 'ex-text-en', text: t('errors.field.email') }]} />
    ),
  },
]
