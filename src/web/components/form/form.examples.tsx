import type { ComponentExample } from '../examples.ts'
import { Button } from './button.tsx'
import { Form } from './form.tsx'
import { TextInput } from './text-input.tsx'

export const formExamples: ComponentExample[] = [
  {
    name: 'post form with CSRF field, a field and two intents',
    render: (ctx) => (
      <Form ctx={ctx} action="/dev/components/form" id="ex-form">
        <TextInput t={ctx.t} id="ex-form-name" name="fullName" label={ctx.t('components.example.name')} autocomplete="name" />
        <Button>{ctx.t('components.example.submit')}</Button>
        <Button variant="secondary" name="intent" value="save_draft">
          {ctx.t('components.example.saveDraft')}
        </Button>
      </Form>
    ),
  },
]
