import type { ComponentExample } from '../examples.ts'
import { FileUpload } from './file-upload.tsx'

const params = (t: Parameters<ComponentExample['render']>[0]['t']) => ({ max: 20, types: t('support.contact.screenshotTypes') })

export const fileUploadExamples: ComponentExample[] = [
  {
    name: 'default with hint, optional',
    render: ({ t }) => (
      <FileUpload
        t={t}
        id="ex-file-default"
        label={t('support.contact.screenshot')}
        hint={t('support.contact.screenshotHint', params(t))}
        accept=".png,.jpg,.jpeg,.pdf"
        optional
      />
    ),
  },
  {
    name: 'with error',
    render: ({ t }) => (
      <FileUpload
        t={t}
        id="ex-file-error"
        label={t('support.contact.screenshot')}
        hint={t('support.contact.screenshotHint', params(t))}
        error={t('documents.errors.type', params(t))}
      />
    ),
  },
  {
    name: 'English, a file kept from an earlier post',
    locale: 'en',
    render: ({ t }) => (
      <FileUpload
        t={t}
        id="ex-file-en"
        label={t('support.contact.screenshot')}
        current={t('support.contact.screenshotKept', { name: 'screen.png', size: '1.2 MB' })}
        optional
      />
    ),
  },
]
