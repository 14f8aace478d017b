import type { FieldDefOf } from '#src/questionnaire/engine/index.ts'
import { NumberInput } from './number-input.tsx'
import { str, type FieldProps } from './types.ts'

/** `integer`: a numeric box (inputmode=numeric) with the definition's unit as suffix. */
export function IntegerField({ t, def, name, id, value, error }: FieldProps<FieldDefOf<'integer'>>) {
  return (
    <NumberInput
      t={t}
      id={id}
      name={name}
      label={t(def.label)}
      hint={def.hint ? t(def.hint) : undefined}
      error={error}
      value={str(value)}
      inputMode="numeric"
      suffix={def.unit ? t(def.unit) : undefined}
      optional={def.optional}
    />
  )
}
