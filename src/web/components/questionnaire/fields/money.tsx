import type { FieldDefOf } from '#src/questionnaire/engine/index.ts'
import { NumberInput } from './number-input.tsx'
import { str, type FieldProps } from './types.ts'

/** `money`: baht with up to two decimals (inputmode=decimal), suffix บาท. */
export function MoneyField({ t, def, name, id, value, error }: FieldProps<FieldDefOf<'money'>>) {
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
      suffix={t('questionnaire.form.suffix.baht')}
      optional={def.optional}
    />
  )
}
