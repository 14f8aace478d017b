import type { ComponentExample } from '../examples.ts'
import { TextInput } from './text-input.tsx'

export const textInputExamples: ComponentExample[] = [
  { name: 'default', render: ({ t }) => <TextInput t={t} id="ex-text-default" label={t('components.example.name')} /> },
  {
    name: 'with hint',
    render: ({ t }) => (
      <TextInput t={t} id="ex-text-hint" label={t('components.example.name')} hint={t('components.example.nameHint')} autocomplete="name" />
    ),
  },
  {
    name: 'with error',
    render: ({ t }) => (
      <TextInput
        t={t}
        id="ex-text-error"
        label={t('components.example.name')}
        hint={t('components.example.nameHint')}
        error={t('errors.field.required')}
        required
      />
    ),
  },
  {
    name: 'with value',
    render: ({ t }) => <TextInput t={t} id="ex-text-value" label={t('components.example.name')} value="สมชาย ใจดี" maxLength={100} />,
  },
  {
    name: 'e-mail, optional, width 10',
    render: ({ t }) => (
      <TextInput
        t={t}
        id="ex-text-email"
        type="email"
        label={t('components.example.email')}
        autocomplete="email"
        spellcheck={false}
        optional
        width={10}
      />
    ),
  },
  {
    name: 'English, with error and value',
    locale: 'en',
    render: ({ t }) => (
      <TextInput
        t={t}
        id="ex-text-en"
        type="email"
        label={t('components.example.email')}
        hint={t('components.example.emailHint')}
        error={t('errors.field.email')}
        value="name@"
      />
    ),
  },
]
