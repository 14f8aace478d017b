import type { Translator } from '#src/platform/i18n/translator.ts'
import type { ComponentExample } from '../examples.ts'
import { Select, type SelectOption } from './select.tsx'

const provinces = (t: Translator): SelectOption[] => [
  { value: 'bangkok', label: t('components.example.bangkok') },
  { value: 'chiang_mai', label: t('components.example.chiangMai') },
  { value: 'phuket', label: t('components.example.phuket') },
]

export const selectExamples: ComponentExample[] = [
  {
    name: 'default with placeholder',
    render: ({ t }) => (
      <Select t={t} id="ex-select-default" label={t('components.example.province')} options={provinces(t)} placeholder={t('components.select.placeholder')} />
    ),
  },
  {
    name: 'with value',
    render: ({ t }) => <Select t={t} id="ex-select-value" label={t('components.example.province')} options={provinces(t)} value="chiang_mai" />,
  },
  {
    name: 'with error',
    render: ({ t }) => (
      <Select
        t={t}
        id="ex-select-error"
        label={t('components.example.province')}
        options={provinces(t)}
        placeholder={t('components.select.placeholder')}
        error={t('errors.field.chooseOne')}
      />
    ),
  },
  {
    name: 'English',
    locale: 'en',
    render: ({ t }) => (
      <Select t={t} id="ex-select-en" label={t('components.example.province')} options={provinces(t)} placeholder={t('components.select.placeholder')} />
    ),
  },
]
