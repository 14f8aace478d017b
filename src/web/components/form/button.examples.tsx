import type { ComponentExample } from '../examples.ts'
import { Button } from './button.tsx'

export const buttonExamples: ComponentExample[] = [
  { name: 'primary', render: ({ t }) => <Button type="button">{t('components.example.submit')}</Button> },
  {
    name: 'secondary with an intent',
    render: ({ t }) => (
      <Button type="button" variant="secondary" name="intent" value="save_draft">
        {t('components.example.saveDraft')}
      </Button>
    ),
  },
  {
    name: 'English',
    locale: 'en',
    render: ({ t }) => <Button type="button">{t('components.example.submit')}</Button>,
  },
]
