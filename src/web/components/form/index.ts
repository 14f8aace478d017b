/**
 * The form kit (house style R17, R18; GOV.UK Design System patterns).
 *
 * ONE TEXT API FOR THE WHOLE KIT
 * - Everything page-specific arrives **already translated**: `label`, `legend`, `hint`, option
 *   labels, `error` text and values are plain strings the page made with `t(...)`. A field is in
 *   error exactly when `error` is a non-empty string.
 * - Words that belong to the kit itself (the visually hidden "Error:" before a message, "(optional)",
 *   Day/Month/Year and the Buddhist-Era hint, the error-summary title, banner titles, the empty-table
 *   text, status labels) come from `components.*` / `errors.summary.title` keys, so those components
 *   take the request's translator as `t`. Components never translate page content themselves.
 * - Error text comes from `fieldErrors(t, form.errors, fields)` in src/web/lib/form-view.ts, which
 *   turns parseForm's `FormErrors` (path → message key) into the summary items (field id + text, in
 *   page order) and `errs.text(path)` for each field. Refill fields with `textValue`, `listValue`
 *   and `datePartsValue` from the same file.
 *
 * IDS
 * - `id` is the element the error summary links to and, by default, the form `name`.
 * - Radios/checkboxes: the first option's input has `id`, the others `${id}-2`, `${id}-3`, …
 * - Date input: boxes `${id}-day|month|year` named `${name}.day|month|year`; link errors to
 *   `dateBoxId(id, 'day')`.
 * - Hints are `${id}-hint`, errors `${id}-error`; both go into `aria-describedby` (of the input, or
 *   of the fieldset for grouped fields), and fields in error get `aria-invalid="true"`. An option's
 *   own hint is `${optionId}-item-hint`, described on that option's input.
 *
 * FORMS
 * - `<Form ctx action>` is always `method="post"` with the hidden `_csrf` field and `novalidate`.
 * - Handlers answer through `respond(req, reply)` (src/web/lib/respond.ts): 422 page / htmx 200.
 * - Example: src/web/dev/example-form-page.tsx; every component has a `*.examples.tsx` for the gallery
 *   at /dev/components.
 */
export { Button, type ButtonProps, type ButtonVariant } from './button.tsx'
export { Checkboxes, type CheckboxesProps } from './checkboxes.tsx'
export { optionId, optionHintId, type ChoiceOption, type LegendSize } from './choice-group.tsx'
export { CsrfField } from './csrf-field.tsx'
export { DateInput, dateBoxId, dateBoxesInError, DATE_BOXES, type DateBox, type DateInputProps } from './date-input.tsx'
export { ErrorSummary, type ErrorSummaryProps } from './error-summary.tsx'
export { FileUpload, type FileUploadProps } from './file-upload.tsx'
export { Form, type FormProps, type FormAttributes } from './form.tsx'
export { Radios, type RadiosProps } from './radios.tsx'
export { Select, type SelectOption, type SelectProps } from './select.tsx'
export { TextInput, type InputWidth, type TextInputProps } from './text-input.tsx'
export { Textarea, type TextareaProps } from './textarea.tsx'
export {
  fieldErrors,
  textValue,
  listValue,
  datePartsValue,
  type ErrorSummaryItem,
  type FieldErrorsView,
  type PageField,
} from '#src/web/lib/form-view.ts'
