import type { Translator } from '#src/platform/i18n/translator.ts'
import { ErrorMessage, Hint, errorId, fieldDescribedBy, groupClass, hintId, labelText } from './field-parts.tsx'

export type InputWidth = 2 | 4 | 10 | 'full'
export const INPUT_WIDTH_CLASS = {
  2: 'input--width-2',
  4: 'input--width-4',
  10: 'input--width-10',
  full: '',
} as const satisfies Record<InputWidth, string>

export type TextInputProps = {
  t: Translator
  /** Element id; also the error-summary link target and, by default, the form name. */
  id: string
  /** Form field name (dotted paths allowed: `B07.0.fullName`); defaults to `id`. */
  name?: string
  label: string
  hint?: string
  /** Translated error text; when present the field is shown in error. */
  error?: string
  value?: string
  type?: 'text' | 'email' | 'tel' | 'url' | 'password' | 'search'
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel' | 'url' | 'search'
  autocomplete?: string
  maxLength?: number
  required?: boolean
  /** Adds "(optional)" to the label. */
  optional?: boolean
  width?: InputWidth
  spellcheck?: boolean
}

/** A labelled text box (GOV.UK text input): label for=id, hint and error tied by aria-describedby. */
export function TextInput(props: TextInputProps) {
  const { t, id, label, hint, error } = props
  const width = INPUT_WIDTH_CLASS[props.width ?? 'full']
  const cls = ['input', width, error ? 'input--error' : ''].filter(Boolean).join(' ')
  return (
    <div class={groupClass(error)}>
      <label class="label" for={id}>
        {labelText(t, label, props.optional)}
      </label>
      {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
      {error ? <ErrorMessage t={t} id={errorId(id)} text={error} /> : null}
      <input
        class={cls}
        id={id}
        name={props.name ?? id}
        // Preact's input types are a union per `type`; ours are all textbox-like.
        type={(props.type ?? 'text') as 'text'}
        value={props.value ?? ''}
        inputmode={props.inputMode}
        autocomplete={props.autocomplete}
        maxlength={props.maxLength}
        required={props.required}
        spellcheck={props.spellcheck}
        aria-describedby={fieldDescribedBy(id, hint, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  )
}
