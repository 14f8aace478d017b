/**
 * Every component's examples, in the order the gallery shows them. A new component adds its
 * `*.examples.tsx` here; the dev HTTP test checks each one renders and the e2e suite runs axe on it.
 */
import type { ComponentExample } from '#src/web/components/examples.ts'
import { buttonExamples } from '#src/web/components/form/button.examples.tsx'
import { checkboxesExamples } from '#src/web/components/form/checkboxes.examples.tsx'
import { csrfFieldExamples } from '#src/web/components/form/csrf-field.examples.tsx'
import { dateInputExamples } from '#src/web/components/form/date-input.examples.tsx'
import { errorSummaryExamples } from '#src/web/components/form/error-summary.examples.tsx'
import { fileUploadExamples } from '#src/web/components/form/file-upload.examples.tsx'
import { formExamples } from '#src/web/components/form/form.examples.tsx'
import { radiosExamples } from '#src/web/components/form/radios.examples.tsx'
import { selectExamples } from '#src/web/components/form/select.examples.tsx'
import { textInputExamples } from '#src/web/components/form/text-input.examples.tsx'
import { textareaExamples } from '#src/web/components/form/textarea.examples.tsx'
import { notificationBannerExamples } from '#src/web/components/layout/notification-banner.examples.tsx'
import { tableExamples } from '#src/web/components/layout/table.examples.tsx'
import { checkAnswersExamples, questionPageExamples, taskListExamples } from '#src/web/components/questionnaire/question-page.examples.tsx'
import { statusTagExamples } from '#src/web/components/status/status-tag.examples.tsx'

export type GallerySection = {
  /** The component's name as code says it (shown as the section heading). */
  component: string
  /** Anchor and id prefix of the section. */
  slug: string
  examples: readonly ComponentExample[]
}

export const GALLERY: readonly GallerySection[] = [
  { component: 'ErrorSummary', slug: 'error-summary', examples: errorSummaryExamples },
  { component: 'TextInput', slug: 'text-input', examples: textInputExamples },
  { component: 'Textarea', slug: 'textarea', examples: textareaExamples },
  { component: 'Select', slug: 'select', examples: selectExamples },
  { component: 'Radios', slug: 'radios', examples: radiosExamples },
  { component: 'Checkboxes', slug: 'checkboxes', examples: checkboxesExamples },
  { component: 'DateInput', slug: 'date-input', examples: dateInputExamples },
  { component: 'FileUpload', slug: 'file-upload', examples: fileUploadExamples },
  { component: 'Button', slug: 'button', examples: buttonExamples },
  { component: 'CsrfField', slug: 'csrf-field', examples: csrfFieldExamples },
  { component: 'Form', slug: 'form', examples: formExamples },
  { component: 'NotificationBanner', slug: 'notification-banner', examples: notificationBannerExamples },
  { component: 'Table', slug: 'table', examples: tableExamples },
  { component: 'StatusTag', slug: 'status-tag', examples: statusTagExamples },
  { component: 'QuestionPage', slug: 'question-page', examples: questionPageExamples },
  { component: 'TaskList', slug: 'task-list', examples: taskListExamples },
  { component: 'CheckAnswers', slug: 'check-answers', examples: checkAnswersExamples },
]
