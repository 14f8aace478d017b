import type { ComponentExample } from '../examples.ts'
import { CsrfField } from './csrf-field.tsx'

export const csrfFieldExamples: ComponentExample[] = [
  // Renders nothing visible: a hidden `_csrf` input. <Form> adds it for you.
  { name: 'hidden token', render: (ctx) => <CsrfField ctx={ctx} /> },
]
