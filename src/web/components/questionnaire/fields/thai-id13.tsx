import { TextInput } from '#src/web/components/form/index.ts'
import type { FieldDefOf } from '#src/questionnaire/engine/index.ts'
import { str, type FieldProps } from './types.ts'

/** `thaiId13`: 13 digits (dashes and spaces accepted by the engine), inputmode=numeric. */
export function ThaiId13Field({ t, def, name, id, value, error }: FieldProps<FieldDefOf<'thaiId13'>>) {
  return (
    <TextInput
      t={t}
      id={id}
      name={name}
      label={t(def.label)}
      hint={def.hint ? t(def.hint) : undefined}
      error={error}
      value={str(value)}
      inputMode="numeric"
      autocomplete="off"
      maxLength={17}
      width={10}
      spellcheck={false}
      optional={def.optional}
    />
  )
}
