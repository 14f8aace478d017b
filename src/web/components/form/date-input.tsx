import type { DateParts } from '#src/platform/i18n/date-input.rules.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { ErrorMessage, Hint, errorId, groupClass, hintId, describedBy, labelText } from './field-parts.tsx'
import { LEGEND_CLASS, type LegendSize } from './choice-group.tsx'

export type DateBox = 'day' | 'month' | 'year'
export const DATE_BOXES = ['day', 'month', 'year'] as const satisfies readonly DateBox[]

const BOX_LABEL = {
  day: 'components.date.day',
  month: 'components.date.month',
  year: 'components.date.year',
} as const satisfies Record<DateBox, string>
const BOX_WIDTH = {
  day: 'input--width-2',
  month: 'input--width-2',
  year: 'input--width-4',
} as const satisfies Record<DateBox, string>
const BOX_AUTOCOMPLETE = { day: 'bday-day', month: 'bday-month', year: 'bday-year' } as const satisfies Record<DateBox, string>

/** `${id}-day`, `${id}-month`, `${id}-year`; the day box is the error-summary link target. */
export const dateBoxId = (id: string, box: DateBox) => `${id}-${box}`

export type DateInputProps = {
  t: Translator
  /** Prefix of the box ids; link errors to `dateBoxId(id, 'day')`. */
  id: string
  /** Prefix of the box names: `${name}.day`, `${name}.month`, `${name}.year`; defaults to `id`. */
  name?: string
  legend: string
  legendSize?: LegendSize
  /** An extra hint shown before the standard one about Buddhist-Era or Gregorian years. */
  hint?: string
  error?: string
  /** The boxes as typed (kept after a failed post). */
  value?: DateParts
  /** Which boxes to highlight when in error; all by default (see `dateBoxesInError`). */
  errorBoxes?: readonly DateBox[]
  /** For a person's date of birth only: lets browsers fill it in. */
  birthday?: boolean
  optional?: boolean
}

/**
 * Day / month / year boxes in a fieldset (GOV.UK date input). The year may be typed in the
 * Buddhist Era or the Gregorian calendar (parsed by `parseDateParts`); the hint says so.
 */
export function DateInput(props: DateInputProps) {
  const { t, id, error } = props
  const name = props.name ?? id
  const highlighted = error ? (props.errorBoxes ?? DATE_BOXES) : []
  return (
    <div class={groupClass(error)}>
      <fieldset class="fieldset" role="group" aria-describedby={describedBy(hintId(id), error ? errorId(id) : undefined)}>
        <legend class={LEGEND_CLASS[props.legendSize ?? 's']}>{labelText(t, props.legend, props.optional)}</legend>
        <Hint id={hintId(id)}>
          {props.hint ? <span class="date-input__extra-hint">{props.hint} </span> : null}
          {t('components.date.hint')}
        </Hint>
        {error ? <ErrorMessage t={t} id={errorId(id)} text={error} /> : null}
        <div class="date-input" id={id}>
          {DATE_BOXES.map((box) => {
            const boxId = dateBoxId(id, box)
            const inError = highlighted.includes(box)
            return (
              <div class="date-input__item" key={box}>
                <label class="label" for={boxId}>
                  {t(BOX_LABEL[box])}
                </label>
                <input
                  class={['input', BOX_WIDTH[box], inError ? 'input--error' : ''].filter(Boolean).join(' ')}
                  id={boxId}
                  name={`${name}.${box}`}
                  type="text"
                  inputmode="numeric"
                  value={props.value?.[box] ?? ''}
                  autocomplete={props.birthday ? BOX_AUTOCOMPLETE[box] : undefined}
                  aria-invalid={inError ? 'true' : undefined}
                />
              </div>
            )
          })}
        </div>
      </fieldset>
    </div>
  )
}

const isDigits = (v: string) => /^[0-9๐-๙]{1,4}$/.test(v)

/**
 * The boxes to highlight for a date error (GOV.UK highlights only the boxes at fault):
 * missing boxes when incomplete, non-numbers, the year when it is out of range, day and month for
 * an impossible date; every box otherwise (required, or a rule about the whole date).
 */
export function dateBoxesInError(value: DateParts | undefined, errorKey: string | undefined): readonly DateBox[] {
  const v = (box: DateBox) => (value?.[box] ?? '').trim()
  switch (errorKey) {
    case 'errors.date.incomplete':
      return DATE_BOXES.filter((b) => v(b) === '')
    case 'errors.date.notNumber':
      return DATE_BOXES.filter((b) => !isDigits(v(b)))
    case 'errors.date.yearOutOfRange':
      return ['year']
    case 'errors.date.impossible':
      return ['day', 'month']
  }
  return DATE_BOXES
}
