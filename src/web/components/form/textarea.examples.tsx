import type { ComponentExample } from '../examples.ts'
import { Textarea } from './textarea.tsx'

export const textareaExamples: ComponentExample[] = [
  {
    name: 'default with hint',
    render: ({ t }) => <Textarea t={t} id="ex-textarea-default" label={t('components.example.notes')} hint={t('components.example.notesHint')} maxLength={500} />,
  },
  {
    name: 'with error and value',
    render: ({ t }) => (
      <Textarea
        t={t}
        id="ex-textarea-error"
        label={t('components.example.notes')}
        hint={t('components.example.notesHint')}
        error={t('errors.field.tooLong', { max: 500 })}
        value={'บรรทัดแรก\nบรรทัดที่สอง'}
      />
    ),
  },
  {
    name: 'English, optional',
    locale: 'en',
    render: ({ t }) => <Textarea t={t} id="ex-textarea-en" label={t('components.example.notes')} optional rows={3} />,
  },
]
