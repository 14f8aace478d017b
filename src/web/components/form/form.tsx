import type { ComponentChildren } from 'preact'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { CsrfField } from './csrf-field.tsx'

/** Only htmx and data attributes pass through; everything else is an explicit prop. */
export type FormAttributes = Partial<Record<`hx-${string}` | `data-${string}`, string>>

export type FormProps = {
  ctx: Pick<PageContext, 'csrfToken'>
  action: string
  /** POST only: GET forms (search, filters) carry no token and are plain <form method="get">. */
  method?: 'post'
  id?: string
  /**
   * On by default (GOV.UK): the server's error summary, not the browser's bubbles, reports
   * problems, while `required` still tells assistive technology which fields are needed.
   */
  noValidate?: boolean
  /** `multipart/form-data` for a form with a file input (read it with src/web/lib/multipart-form.ts). */
  enctype?: 'multipart/form-data'
  attributes?: FormAttributes
  children: ComponentChildren
}

/** `<form method="post">` that always carries the CSRF field, so it works with JavaScript off. */
export function Form({ ctx, action, method = 'post', id, noValidate = true, enctype, attributes, children }: FormProps) {
  return (
    <form {...attributes} action={action} method={method} id={id} novalidate={noValidate} enctype={enctype}>
      {/* First, always: a multipart reader checks the token before it accepts any file. */}
      <CsrfField ctx={ctx} />
      {children}
    </form>
  )
}
