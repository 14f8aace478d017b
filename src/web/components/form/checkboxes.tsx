import { ChoiceGroup, type ChoiceGroupProps } from './choice-group.tsx'

export type { ChoiceOption } from './choice-group.tsx'
export type CheckboxesProps = ChoiceGroupProps & {
  /** The checked values. */
  values?: readonly string[]
}

/**
 * Any number of choices (GOV.UK checkboxes) in a fieldset with a legend. Every box has the same
 * name, so the server receives a string for one choice and an array for several: normalise with
 * `z.preprocess` (see src/web/dev/example-form.schemas.ts).
 */
export function Checkboxes({ values = [], ...props }: CheckboxesProps) {
  return <ChoiceGroup {...props} kind="checkbox" isChecked={(v) => values.includes(v)} />
}
