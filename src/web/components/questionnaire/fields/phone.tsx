import { TextInput } from '#src/web/components/form/index.ts'
import type { FieldDefOf } from '#src/questionnaire/engine/index.ts'
import { str, type FieldProps } from './types.ts'

/** `phone`: type=tel, inputmode=tel, autocomplete=tel; stored E.164, shown as 081-234-5678. */
export function PhoneField({ t, def, name, id, value, error }: FieldProps<FieldDefOf<'phone'>>) {
  return (
    <TextInput
      t={t}
      id={id}
      name={name}
      label={t(def.label)}
      hint={def.hint ? t(def.hint) : undefined}
      error={error}
      value={str(value)}
      type="tel"
      inputMode="tel"
      autocomplete="tel"
      maxLength={30}
      width={10}
      spellcheck={false}
      optional={def.optional}
    />
  )
}
