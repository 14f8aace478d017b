import type { ComponentChildren } from 'preact'

export type ButtonVariant = 'primary' | 'secondary'
const VARIANT_CLASS = {
  primary: 'button',
  secondary: 'button button--secondary',
} as const satisfies Record<ButtonVariant, string>

export type ButtonProps = {
  children: ComponentChildren
  variant?: ButtonVariant
  type?: 'submit' | 'button'
  /** With `value`, tells the handler which button was pressed (`name="intent" value="save_draft"`). */
  name?: string
  value?: string
  /** Another form's id, for a button outside its form. */
  form?: string
}

/** A submit button (GOV.UK). Intents are name/value pairs, so they work with JavaScript off. */
export function Button({ children, variant = 'primary', type = 'submit', name, value, form }: ButtonProps) {
  return (
    <button class={VARIANT_CLASS[variant]} type={type} name={name} value={value} form={form}>
      {children}
    </button>
  )
}
