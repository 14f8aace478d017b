import { TextInput } from '#src/web/components/form/index.ts'
import type { FieldDefOf } from '#src/questionnaire/engine/index.ts'
import { str, type FieldProps } from './types.ts'

/** `email`: type=email, autocomplete=email, no spellcheck. */
export function EmailField({ t, def, name, id, value, error }: FieldProps<FieldDefOf<'email'>>) {
  return (
    <TextInput
      t={t}
      id={id}
      name={name}
      label={t(def.label)}
      hint={def.hint ? t(def.hint) : undefined}
      error={error}
      value={str(value)}
      type="email"
      inputMode="email"
      autocomplete="email"
      maxLength={254}
      spellcheck={false}
      optional={def.optional}
    />
  )
}
