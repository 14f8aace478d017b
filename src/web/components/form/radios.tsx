import { ChoiceGroup, type ChoiceGroupProps } from './choice-group.tsx'

export type { ChoiceOption } from './choice-group.tsx'
export type RadiosProps = ChoiceGroupProps & {
  /** The checked value. */
  value?: string
  required?: boolean
}

/** One choice from a short list (GOV.UK radios) in a fieldset with a legend. */
export function Radios({ value, required, ...props }: RadiosProps) {
  return <ChoiceGroup {...props} kind="radio" required={required} isChecked={(v) => v === value} />
}
