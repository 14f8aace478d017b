import type { ComponentExample } from '../examples.ts'
import { DateInput, dateBoxesInError } from './date-input.tsx'

export const dateInputExamples: ComponentExample[] = [
  { name: 'default', render: ({ t }) => <DateInput t={t} id="ex-date-default" legend={t('components.example.dateLabel')} /> },
  {
    name: 'with value (Buddhist Era year)',
    render: ({ t }) => <DateInput t={t} id="ex-date-value" legend={t('components.example.dateLabel')} value={{ day: '15', month: '6', year: '2568' }} />,
  },
  {
    name: 'with error on the year only',
    render: ({ t }) => {
      const value = { day: '15', month: '6', year: '68' }
      return (
        <DateInput
          t={t}
          id="ex-date-error"
          legend={t('components.example.dateLabel')}
          value={value}
          error={t('errors.date.yearOutOfRange')}
          errorBoxes={dateBoxesInError(value, 'errors.date.yearOutOfRange')}
        />
      )
    },
  },
  {
    name: 'with error on the whole date',
    render: ({ t }) => (
      <DateInput t={t} id="ex-date-required" legend={t('components.example.dateLabel')} error={t('errors.date.required')} />
    ),
  },
  {
    name: 'English, Gregorian year',
    locale: 'en',
    render: ({ t }) => <DateInput t={t} id="ex-date-en" legend={t('components.example.dateLabel')} value={{ day: '28', month: '12', year: '2025' }} />,
  },
]
