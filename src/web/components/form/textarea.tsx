import type { Translator } from '#src/platform/i18n/translator.ts'
import { ErrorMessage, Hint, errorId, fieldDescribedBy, groupClass, hintId, labelText } from './field-parts.tsx'

export type TextareaProps = {
  t: Translator
  id: string
  name?: string
  label: string
  hint?: string
  error?: string
  value?: string
  rows?: number
  maxLength?: number
  required?: boolean
  optional?: boolean
  autocomplete?: string
  spellcheck?: boolean
}

/** A labelled multi-line text box (GOV.UK textarea). */
export function Textarea(props: TextareaProps) {
  const { t, id, label, hint, error } = props
  return (
    <div class={groupClass(error)}>
      <label class="label" for={id}>
        {labelText(t, label, props.optional)}
      </label>
      {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
      {error ? <ErrorMessage t={t} id={errorId(id)} text={error} /> : null}
      <textarea
        class={error ? 'textarea textarea--error' : 'textarea'}
        id={id}
        name={props.name ?? id}
        rows={props.rows ?? 5}
        maxlength={props.maxLength}
        required={props.required}
        autocomplete={props.autocomplete}
        spellcheck={props.spellcheck}
        aria-describedby={fieldDescribedBy(id, hint, error)}
        aria-invalid={error ? 'true' : undefined}
        value={props.value ?? ''}
      />
    </div>
  )
}
