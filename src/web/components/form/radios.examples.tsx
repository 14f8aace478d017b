import type { Translator } from '#src/platform/i18n/translator.ts'
import type { ComponentExample } from '../examples.ts'
import type { ChoiceOption } from './choice-group.tsx'
import { Radios } from './radios.tsx'

const types = (t: Translator): ChoiceOption[] => [
  { value: 'precious_goods', label: t('components.example.gold') },
  { value: 'car_dealer', label: t('components.example.car') },
  { value: 'real_estate', label: t('components.example.realEstate') },
]

export const radiosExamples: ComponentExample[] = [
  { name: 'default', render: ({ t }) => <Radios t={t} id="ex-radios-default" legend={t('components.example.type')} options={types(t)} /> },
  {
    name: 'with hint and option hint',
    render: ({ t }) => (
      <Radios
        t={t}
        id="ex-radios-hint"
        legend={t('components.example.type')}
        legendSize="m"
        hint={t('components.example.channelsHint')}
        options={[{ ...types(t)[0]!, hint: t('components.example.nameHint') }, ...types(t).slice(1)]}
      />
    ),
  },
  {
    name: 'with error',
    render: ({ t }) => (
      <Radios t={t} id="ex-radios-error" legend={t('components.example.type')} options={types(t)} error={t('errors.field.chooseOne')} required />
    ),
  },
  { name: 'with value', render: ({ t }) => <Radios t={t} id="ex-radios-value" legend={t('components.example.type')} options={types(t)} value="car_dealer" /> },
  {
    name: 'English, with error',
    locale: 'en',
    render: ({ t }) => <Radios t={t} id="ex-radios-en" legend={t('components.example.type')} options={types(t)} error={t('errors.field.chooseOne')} />,
  },
]
