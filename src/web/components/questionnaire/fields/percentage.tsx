import type { FieldDefOf } from '#src/questionnaire/engine/index.ts'
import { NumberInput } from './number-input.tsx'
import { str, type FieldProps } from './types.ts'

/** `percentage`: 0–100 with up to two decimals (inputmode=decimal), suffix %. */
export function PercentageField({ t, def, name, id, value, error }: FieldProps<FieldDefOf<'percentage'>>) {
  return (
    <NumberInput
      t={t}
      id={id}
      name={name}
      label={t(def.label)}
      hint={def.hint ? t(def.hint) : undefined}
      error={error}
      value={str(value)}
      inputMode="decimal"
      suffix={t('questionnaire.form.suffix.percent')}
      optional={def.optional}
    />
  )
}
