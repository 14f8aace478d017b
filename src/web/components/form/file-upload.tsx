import type { Translator } from '#src/platform/i18n/translator.ts'
import { ErrorMessage, Hint, describedBy, errorId, groupClass, hintId, labelText } from './field-parts.tsx'

export type FileUploadProps = {
  t: Translator
  id: string
  name?: string
  label: string
  hint?: string
  error?: string
  /** A hint to the file picker (`.png,.jpg,.pdf`); the server still sniffs the content. */
  accept?: string
  optional?: boolean
  /**
   * Translated text about a file kept from an earlier post (e.g. "Attached: x.png (1.2 MB)"), shown
   * under the label and described on the input. The page carries its own hidden field for it.
   */
  current?: string
}

/**
 * A labelled file input (GOV.UK file upload). Browsers never refill a file input, so a page that
 * keeps an earlier upload says so through `current`. The form needs `enctype="multipart/form-data"`.
 */
export function FileUpload(props: FileUploadProps) {
  const { t, id, label, hint, error, current } = props
  const currentId = `${id}-current`
  return (
    <div class={groupClass(error)}>
      <label class="label" for={id}>
        {labelText(t, label, props.optional)}
      </label>
      {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
      {current ? (
        <p id={currentId} class="file-upload__current">
          {current}
        </p>
      ) : null}
      {error ? <ErrorMessage t={t} id={errorId(id)} text={error} /> : null}
      <input
        class={error ? 'file-upload file-upload--error' : 'file-upload'}
        id={id}
        name={props.name ?? id}
        type="file"
        accept={props.accept}
        aria-describedby={describedBy(hint ? hintId(id) : undefined, current ? currentId : undefined, error ? errorId(id) : undefined)}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  )
}
