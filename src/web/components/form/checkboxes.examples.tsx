import type { Translator } from '#src/platform/i18n/translator.ts'
import type { ComponentExample } from '../examples.ts'
import type { ChoiceOption } from './choice-group.tsx'
import { Checkboxes } from './checkboxes.tsx'

const channels = (t: Translator): ChoiceOption[] => [
  { value: 'shop', label: t('components.example.shop') },
  { value: 'online', label: t('components.example.online') },
]

export const checkboxesExamples: ComponentExample[] = [
  {
    name: 'default with hint',
    render: ({ t }) => (
      <Checkboxes t={t} id="ex-checkboxes-default" legend={t('components.example.channels')} hint={t('components.example.channelsHint')} options={channels(t)} />
    ),
  },
  {
    name: 'with error',
    render: ({ t }) => (
      <Checkboxes
        t={t}
        id="ex-checkboxes-error"
        legend={t('components.example.channels')}
        hint={t('components.example.channelsHint')}
        options={channels(t)}
        error={t('errors.field.chooseAtLeastOne')}
      />
    ),
  },
  {
    name: 'with values',
    render: ({ t }) => (
      <Checkboxes t={t} id="ex-checkboxes-values" legend={t('components.example.channels')} options={channels(t)} values={['shop', 'online']} />
    ),
  },
  {
    name: 'English, optional',
    locale: 'en',
    render: ({ t }) => (
      <Checkboxes t={t} id="ex-checkboxes-en" legend={t('components.example.channels')} hint={t('components.example.channelsHint')} options={channels(t)} optional values={['online']} />
    ),
  },
]
