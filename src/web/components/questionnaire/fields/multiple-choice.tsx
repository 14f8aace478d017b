import { Checkboxes } from '#src/web/components/form/index.ts'
import type { FieldDefOf } from '#src/questionnaire/engine/index.ts'
import { strList, type FieldProps } from './types.ts'

/** `multipleChoice`: checkboxes sharing one name (the engine accepts one string or several). */
export function MultipleChoiceField({ t, def, name, id, value, error }: FieldProps<FieldDefOf<'multipleChoice'>>) {
  return (
    <Checkboxes
      t={t}
      id={id}
      name={name}
      legend={t(def.label)}
      hint={def.hint ? t(def.hint) : undefined}
      error={error}
      values={strList(value)}
      optional={def.optional}
      options={def.options.map((o) => ({ value: o.value, label: t(o.label), ...(o.hint ? { hint: t(o.hint) } : {}) }))}
    />
  )
}
