import { Radios } from '#src/web/components/form/index.ts'
import { ynpOptions, type FieldDefOf } from '#src/questionnaire/engine/index.ts'
import { str, type FieldProps } from './types.ts'

/** `ynp`: radios ใช่ / ใช่ บางส่วน / ไม่ใช่ (yes / no only with `partly: false`). */
export function YnpField({ t, def, name, id, value, error }: FieldProps<FieldDefOf<'ynp'>>) {
  return (
    <Radios
      t={t}
      id={id}
      name={name}
      legend={t(def.label)}
      hint={def.hint ? t(def.hint) : undefined}
      error={error}
      value={str(value)}
      optional={def.optional}
      options={ynpOptions(def).map((o) => ({ value: o.value, label: t(o.label) }))}
    />
  )
}
