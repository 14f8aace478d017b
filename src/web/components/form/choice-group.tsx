/**
 * Radios and checkboxes share this shape (GOV.UK): a <fieldset> whose <legend> is the question,
 * hint and error tied to the fieldset by aria-describedby, one .choice per option. The first
 * option's input id equals the field id (error-summary links land on it); later ones `${id}-2`, …
 */
import type { Translator } from '#src/platform/i18n/translator.ts'
import { ErrorMessage, Hint, errorId, fieldDescribedBy, groupClass, hintId, labelText } from './field-parts.tsx'

export type ChoiceOption = { value: string; label: string; hint?: string }
export type LegendSize = 's' | 'm'
export const LEGEND_CLASS = {
  s: 'fieldset__legend',
  m: 'fieldset__legend fieldset__legend--m',
} as const satisfies Record<LegendSize, string>

export type ChoiceGroupProps = {
  t: Translator
  /** The field id: id of the first option's input and prefix of every other id. */
  id: string
  name?: string
  legend: string
  legendSize?: LegendSize
  hint?: string
  error?: string
  options: readonly ChoiceOption[]
  optional?: boolean
}

/** `${id}` for the first option, `${id}-2`, `${id}-3`, … for the rest. */
export const optionId = (id: string, index: number) => (index === 0 ? id : `${id}-${index + 1}`)
/** An option's own hint; `-item-hint` because the first option's id is the field id (GOV.UK). */
export const optionHintId = (optionInputId: string) => `${optionInputId}-item-hint`

export function ChoiceGroup({
  kind,
  isChecked,
  required,
  ...props
}: ChoiceGroupProps & { kind: 'radio' | 'checkbox'; isChecked: (value: string) => boolean; required?: boolean }) {
  const { t, id, hint, error } = props
  const name = props.name ?? id
  return (
    <div class={groupClass(error)}>
      <fieldset class="fieldset" aria-describedby={fieldDescribedBy(id, hint, error)}>
        <legend class={LEGEND_CLASS[props.legendSize ?? 's']}>{labelText(t, props.legend, props.optional)}</legend>
        {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
        {error ? <ErrorMessage t={t} id={errorId(id)} text={error} /> : null}
        <div class={kind === 'radio' ? 'choices choices--radios' : 'choices choices--checkboxes'}>
          {props.options.map((o, i) => {
            const oid = optionId(id, i)
            return (
              <div class="choice" key={o.value}>
                <input
                  id={oid}
                  name={name}
                  type={kind}
                  value={o.value}
                  checked={isChecked(o.value)}
                  required={kind === 'radio' && required ? true : undefined}
                  aria-describedby={o.hint ? optionHintId(oid) : undefined}
                />
                <div class="choice__text">
                  <label for={oid}>{o.label}</label>
                  {o.hint ? (
                    <div id={optionHintId(oid)} class="hint choice__hint">
                      {o.hint}
                    </div>
                  ) : null}
                </div>
              </div>
            )
          })}
        </div>
      </fieldset>
    </div>
  )
}
