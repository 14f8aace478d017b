import { Radios, Select } from '#src/web/components/form/index.ts'
import type { FieldDefOf } from '#src/questionnaire/engine/index.ts'
import { str, type FieldProps } from './types.ts'

/** More options than this are a drop-down unless the definition says `display: 'radios'`. */
export const SELECT_THRESHOLD = 12

/** `singleChoice`: radios, or a select for long lists (`display: 'select'` or many options). */
export function SingleChoiceField({ t, def, name, id, value, error }: FieldProps<FieldDefOf<'singleChoice'>>) {
  const options = def.options.map((o) => ({ value: o.value, label: t(o.label), ...(o.hint ? { hint: t(o.hint) } : {}) }))
  const asSelect = def.display === 'select' || (def.display === undefined && options.length > SELECT_THRESHOLD)
  const common = { t, id, name, hint: def.hint ? t(def.hint) : undefined, error, value: str(value), optional: def.optional }
  return asSelect ? (
    <Select {...common} label={t(def.label)} options={options} placeholder={t('components.select.placeholder')} />
  ) : (
    <Radios {...common} legend={t(def.label)} options={options} />
  )
}
