import { DateInput } from '#src/web/components/form/index.ts'
import type { FieldDefOf } from '#src/questionnaire/engine/index.ts'
import { prop, str, type FieldProps } from './types.ts'

/**
 * `date`: day / month / year boxes (`${name}.day|month|year`); the year may be typed in BE or CE
 * (the kit's hint says so). toFormValue gives BE years in Thai, CE in English. Errors link to the
 * day box: `dateBoxId(id, 'day')` (see errorTargetId).
 */
export function DateField({ t, def, name, id, value, error }: FieldProps<FieldDefOf<'date'>>) {
  return (
    <DateInput
      t={t}
      id={id}
      name={name}
      legend={t(def.label)}
      hint={def.hint ? t(def.hint) : undefined}
      error={error}
      value={{ day: str(prop(value, 'day')), month: str(prop(value, 'month')), year: str(prop(value, 'year')) }}
      optional={def.optional}
    />
  )
}
