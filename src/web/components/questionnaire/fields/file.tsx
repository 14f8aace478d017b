import { formatBytes, formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import { DOCUMENT_TYPE_LABELS, type FieldDefOf } from '#src/questionnaire/engine/index.ts'
import { ErrorMessage, Hint, describedBy, errorId, groupClass, hintId, labelText } from '#src/web/components/form/field-parts.tsx'
import type { AttachmentView, FieldProps } from './types.ts'

/** Intent values of the document buttons (see FieldProps.documentIntents). */
export const addDocumentIntent = (path: string) => `document:${path}`
export const removeDocumentIntent = (attachmentId: string) => `remove-document:${attachmentId}`

/** The attachments an answer (or a re-posted form value) refers to, in answer order. */
function referenced(value: unknown, byId: ReadonlyMap<string, AttachmentView>): AttachmentView[] {
  const items = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value as Record<string, unknown>) : []
  const out: AttachmentView[] = []
  for (const item of items) {
    const id = item && typeof item === 'object' ? (item as { attachmentId?: unknown }).attachmentId : undefined
    const found = typeof id === 'string' ? byId.get(id) : undefined
    if (found && !out.includes(found)) out.push(found)
  }
  return out
}

/**
 * `file`: the documents attached to this question, each posted back as hidden
 * `${name}.i.attachmentId` / `${name}.i.documentType` so a save keeps them, and a
 * "+ เพิ่มเอกสาร" link to the upload page (`addDocumentHref`). Uploading is the documents
 * module's job; this component only lists. The list is the link target for errors (`id`).
 */
/**
 * "นโยบาย · 1.2 MB · แนบเมื่อ 29/11/2026 10:32": the document type, the size and the upload time
 * (Bangkok), each only when known. Plain text read after the file name, so screen readers hear it too.
 */
function attachmentDetails(t: FieldProps['t'], locale: FieldProps['locale'], a: AttachmentView): string {
  const parts = [t(DOCUMENT_TYPE_LABELS[a.documentType])]
  if (a.sizeBytes !== undefined) parts.push(formatBytes(a.sizeBytes, locale))
  if (a.uploadedAt) parts.push(t('questionnaire.form.uploadedAt', { time: formatDateTimeNumeric(a.uploadedAt) }))
  return parts.join(' · ')
}

export function FileField({ t, locale, def, name, id, error, value, attachments: given, attachmentsById, addDocumentHref, documentIntents }: FieldProps<FieldDefOf<'file'>>) {
  const attachments = given ?? (attachmentsById ? referenced(value, attachmentsById) : [])
  const hint = def.hint ? t(def.hint) : undefined
  const typesId = `${id}-types`
  const types = def.documentTypes.map((d) => t(DOCUMENT_TYPE_LABELS[d])).join(', ')
  return (
    <div class={groupClass(error)}>
      <fieldset class="fieldset" aria-describedby={describedBy(hint ? hintId(id) : undefined, typesId, error ? errorId(id) : undefined)}>
        <legend class="fieldset__legend">{labelText(t, t(def.label), def.optional)}</legend>
        {hint ? <Hint id={hintId(id)}>{hint}</Hint> : null}
        <div id={typesId} class="hint">
          {t('questionnaire.form.acceptedTypes', { types })}
        </div>
        {error ? <ErrorMessage t={t} id={errorId(id)} text={error} /> : null}
        <div id={id} tabindex={-1} class="attachment-list">
          {attachments.length === 0 ? (
            <p class="body">{t('questionnaire.form.noDocuments')}</p>
          ) : (
            <ul class="list">
              {attachments.map((a, i) => (
                <li key={a.id}>
                  {a.href ? (
                    <a class="link attachment-list__name" href={a.href}>
                      {a.fileName}
                    </a>
                  ) : (
                    <span class="attachment-list__name">{a.fileName}</span>
                  )} <span class="hint attachment-list__details">({attachmentDetails(t, locale, a)})</span>
                  <input type="hidden" name={`${name}.${i}.attachmentId`} value={a.id} />
                  <input type="hidden" name={`${name}.${i}.documentType`} value={a.documentType} />
                  {documentIntents ? (
                    <>
                      {' '}
                      <button type="submit" class="button button--secondary" name="intent" value={removeDocumentIntent(a.id)}>
                        {t('questionnaire.form.removeDocument')}
                        <span class="visually-hidden"> {a.fileName}</span>
                      </button>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
        {documentIntents ? (
          <button type="submit" class="button button--secondary" name="intent" value={addDocumentIntent(name)}>
            {t('questionnaire.form.addDocument')}
          </button>
        ) : addDocumentHref ? (
          <a class="link" href={addDocumentHref}>
            {t('questionnaire.form.addDocument')}
          </a>
        ) : null}
      </fieldset>
    </div>
  )
}
