import { Textarea } from '#src/web/components/form/index.ts'
import type { FieldDefOf } from '#src/questionnaire/engine/index.ts'
import { str, type FieldProps } from './types.ts'

/** `longText`: a textarea; `maxLength` from the definition (default 2,000). */
export function LongTextField({ t, def, name, id, value, error }: FieldProps<FieldDefOf<'longText'>>) {
  return (
    <Textarea
      t={t}
      id={id}
      name={name}
      label={t(def.label)}
      hint={def.hint ? t(def.hint) : undefined}
      error={error}
      value={str(value)}
      maxLength={def.maxLength ?? 2000}
      optional={def.optional}
    />
  )
}
