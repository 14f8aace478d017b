import { TextInput } from '#src/web/components/form/index.ts'
import type { FieldDefOf } from '#src/questionnaire/engine/index.ts'
import { str, type FieldProps } from './types.ts'

/** `text`: one line; `maxLength` from the definition (default 200). */
export function TextField({ t, def, name, id, value, error }: FieldProps<FieldDefOf<'text'>>) {
  const digits = def.format !== undefined
  return (
    <TextInput
      t={t}
      id={id}
      name={name}
      label={t(def.label)}
      hint={def.hint ? t(def.hint) : undefined}
      error={error}
      value={str(value)}
      maxLength={def.maxLength ?? 200}
      optional={def.optional}
      inputMode={digits ? 'numeric' : undefined}
      width={digits ? 10 : 'full'}
      spellcheck={digits ? false : undefined}
    />
  )
}
