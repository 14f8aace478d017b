/**
 * A number box with an optional suffix (บาท, %, a unit), GOV.UK's "input with suffix": the suffix is
 * aria-hidden decoration and is also said in the described-by text, so screen readers hear it once.
 * Shared by integer, money and percentage (the kit's TextInput has no suffix).
 */
import type { Translator } from '#src/platform/i18n/translator.ts'
import { ErrorMessage, Hint, describedBy, errorId, groupClass, hintId, labelText } from '#src/web/components/form/field-parts.tsx'

export type NumberInputProps = {
  t: Translator
  id: string
  name: string
  label: string
  hint?: string | undefined
  error?: string | undefined
  value: string
  inputMode: 'numeric' | 'decimal'
  suffix?: string | undefined
  optional?: boolean | undefined
}

export const suffixId = (id: string) => `${id}-suffix`

export function NumberInput(props: NumberInputProps) {
  const { t, id, hint, error, suffix } = props
  return (
    <div class={groupClass(error)}>
      <label class="label" for={id}>
        {labelText(t, props.label, props.optional)}
      </label>
      {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
      {error ? <ErrorMessage t={t} id={errorId(id)} text={error} /> : null}
      <div class="input__wrapper">
        <input
          class={['input', 'input--width-10', error ? 'input--error' : ''].filter(Boolean).join(' ')}
          id={id}
          name={props.name}
          type="text"
          inputmode={props.inputMode}
          spellcheck={false}
          value={props.value}
          aria-describedby={describedBy(hint ? hintId(id) : undefined, error ? errorId(id) : undefined, suffix ? suffixId(id) : undefined)}
          aria-invalid={error ? 'true' : undefined}
        />
        {suffix ? (
          <div class="input__suffix" id={suffixId(id)}>
            {suffix}
          </div>
        ) : null}
      </div>
    </div>
  )
}
