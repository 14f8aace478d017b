import type { Translator } from '#src/platform/i18n/translator.ts'
import { ErrorMessage, Hint, errorId, fieldDescribedBy, groupClass, hintId, labelText } from './field-parts.tsx'

export type SelectOption = { value: string; label: string }

export type SelectProps = {
  t: Translator
  id: string
  name?: string
  label: string
  hint?: string
  error?: string
  options: readonly SelectOption[]
  /** The selected value. */
  value?: string
  /** Text of a first, empty option ("Choose…"); omitted when not given. */
  placeholder?: string
  required?: boolean
  optional?: boolean
  autocomplete?: string
}

/** A labelled drop-down list. GOV.UK advises radios for short lists; use this for long ones. */
export function Select(props: SelectProps) {
  const { t, id, label, hint, error } = props
  return (
    <div class={groupClass(error)}>
      <label class="label" for={id}>
        {labelText(t, label, props.optional)}
      </label>
      {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
      {error ? <ErrorMessage t={t} id={errorId(id)} text={error} /> : null}
      <select
        class={error ? 'select select--error' : 'select'}
        id={id}
        name={props.name ?? id}
        required={props.required}
        autocomplete={props.autocomplete}
        aria-describedby={fieldDescribedBy(id, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {props.placeholder !== undefined ? (
          <option value="" selected={!props.value}>
            {props.placeholder}
          </option>
        ) : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}
