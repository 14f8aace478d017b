/**
 * The small pieces every field shares (GOV.UK pattern): hint, error message, label and the ids
 * that tie them together through aria-describedby. Not exported from the kit's index: use the fields.
 */
import type { ComponentChildren } from 'preact'
import type { Translator } from '#src/platform/i18n/translator.ts'

export const hintId = (id: string) => `${id}-hint`
export const errorId = (id: string) => `${id}-error`

/** `aria-describedby` value: hint first, then error (GOV.UK order); undefined when there is neither. */
export function describedBy(...ids: (string | false | undefined | null)[]): string | undefined {
  const list = ids.filter((x): x is string => typeof x === 'string' && x.length > 0)
  return list.length > 0 ? list.join(' ') : undefined
}

/** The ids a field's own hint and error contribute to `aria-describedby`. */
export function fieldDescribedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return describedBy(hint ? hintId(id) : undefined, error ? errorId(id) : undefined)
}

export function Hint({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <div id={id} class="hint">
      {children}
    </div>
  )
}

/** The error text, with a visually hidden "Error:" so screen readers announce it as an error. */
export function ErrorMessage({ t, id, text }: { t: Translator; id: string; text: string }) {
  return (
    <p id={id} class="error-message">
      <span class="visually-hidden">{t('components.errorMessage.prefix')} </span>
      {text}
    </p>
  )
}

/** Label text with the "(optional)" marker when the field is optional (GOV.UK marks optional, not required). */
export function labelText(t: Translator, label: string, optional: boolean | undefined): string {
  return optional ? `${label} ${t('components.optional')}` : label
}

export const groupClass = (error: string | undefined) => (error ? 'form-group form-group--error' : 'form-group')
