/**
 * The "+ เพิ่มเอกสาร" page of one file question: the part as a caption, the question's label as the
 * heading, the document type (radios, or plain text when the question takes one type only), the
 * file input with the accepted kinds and the maximum size, the upload button and a link back to
 * the question. A multipart form: the CSRF token, the hidden target fields and the document type
 * come before the file, so the server knows them before it reads a byte (multipart-form.ts).
 */
import { DOCX_MEDIA_TYPE, MEDIA_TYPES, XLSX_MEDIA_TYPE, type MediaType } from '#src/documents/documents.model.ts'
import { FILE_DEFAULT_MAX_FILES } from '#src/questionnaire/engine/field-types/file.ts'
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPE_MEDIA_TYPES, type DocumentType } from '#src/questionnaire/engine/index.ts'
import type { UploadTarget } from '#src/submissions/get-upload-target.ts'
import { Button, ErrorSummary, FileUpload, Form, Radios, fieldErrors, textValue, type PageField } from '#src/web/components/form/index.ts'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { MessageParams } from '#src/platform/i18n/translator.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'

/** How each detectable kind is named to people (the same in Thai and English). */
const MEDIA_TYPE_NAME = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  [DOCX_MEDIA_TYPE]: 'DOCX',
  [XLSX_MEDIA_TYPE]: 'XLSX',
} as const satisfies Record<MediaType, string>

/** What the file picker suggests per kind; the server still decides by content. */
const MEDIA_TYPE_ACCEPT = {
  'application/pdf': '.pdf,application/pdf',
  'image/jpeg': '.jpg,.jpeg,image/jpeg',
  'image/png': '.png,image/png',
  [DOCX_MEDIA_TYPE]: `.docx,${DOCX_MEDIA_TYPE}`,
  [XLSX_MEDIA_TYPE]: `.xlsx,${XLSX_MEDIA_TYPE}`,
} as const satisfies Record<MediaType, string>

/**
 * The kinds the given document types take (DOCUMENT_TYPE_MEDIA_TYPES: DOCX and XLSX for policies,
 * manuals, risk assessments, CDD forms and training records), in MEDIA_TYPES order.
 */
export function uploadableMediaTypes(documentTypes: readonly DocumentType[]): MediaType[] {
  const wanted = new Set<string>(documentTypes.flatMap((d) => DOCUMENT_TYPE_MEDIA_TYPES[d]))
  return MEDIA_TYPES.filter((m) => wanted.has(m))
}

export const mediaTypeNames = (types: readonly MediaType[], locale: string): string =>
  new Intl.ListFormat(locale, { type: 'disjunction' }).format(types.map((m) => MEDIA_TYPE_NAME[m]))

/** `/portal/assessments/2569/part-a/1#A07-0-document`: the question on its page. */
export const questionHref = (t: Pick<UploadTarget, 'cycleCode' | 'partId' | 'pageId' | 'fieldPath'>) =>
  `/portal/assessments/${encodeURIComponent(t.cycleCode)}/${t.partId}/${t.pageId}#${t.fieldPath.replace(/\./g, '-')}`

export const uploadAction = (cycleCode: string) => `/portal/assessments/${encodeURIComponent(cycleCode)}/documents`

export type UploadDocumentPageProps = {
  ctx: PageContext
  target: UploadTarget
  maxUploadMb: number
  /** As posted (documentType), to keep the choice after a refused upload. */
  values?: RawForm
  errors?: FormErrors
  /** Params for the error messages (e.g. `{max}` of a refused size). */
  errorParams?: MessageParams
}

export function UploadDocumentPage({ ctx, target, maxUploadMb, values, errors, errorParams }: UploadDocumentPageProps) {
  const { t, locale } = ctx
  const { question } = target
  const types = uploadableMediaTypes(question.documentTypes)
  const typeNames = mediaTypeNames(types, locale)
  const maxFiles = question.maxFiles ?? FILE_DEFAULT_MAX_FILES
  const params: MessageParams = { max: maxUploadMb, types: typeNames, ...errorParams }
  const fields = [{ path: 'documentType', params }, { path: 'file', params }] as const satisfies readonly PageField[]
  const errs = fieldErrors(t, errors, fields)
  const single = question.documentTypes.length === 1 ? question.documentTypes[0] : undefined
  const chosen = single ?? textValue(values, 'documentType')
  return (
    <PageLayout ctx={ctx} title={`${t('questionnaire.upload.title')}: ${t(question.label)}`} hasErrors={errs.hasErrors}>
      <ErrorSummary t={t} items={errs.summary} />
      {!target.editable ? (
        <NotificationBanner t={t}>
          <p class="body">{t('questionnaire.errors.notEditable')}</p>
        </NotificationBanner>
      ) : null}
      <span class="caption-l">{t('questionnaire.upload.caption', { letter: t(target.part.letter), title: t(target.part.title) })}</span>
      <h1 class="heading-l">{t(question.label)}</h1>
      <p class="body">{t('questionnaire.upload.attached', { count: target.attached, max: maxFiles })}</p>
      <Form ctx={ctx} action={uploadAction(target.cycleCode)} id="upload-form" enctype="multipart/form-data">
        <input type="hidden" name="part" value={target.partId} />
        <input type="hidden" name="page" value={target.pageId} />
        <input type="hidden" name="field" value={target.fieldPath} />
        {single ? (
          <>
            <input type="hidden" name="documentType" value={single} />
            <p class="body" id="documentType">
              {t('questionnaire.upload.documentTypeOne', { type: t(DOCUMENT_TYPE_LABELS[single]) })}
            </p>
          </>
        ) : (
          <Radios
            t={t}
            id="documentType"
            legend={t('questionnaire.upload.documentType')}
            legendSize="m"
            error={errs.text('documentType')}
            value={chosen}
            options={question.documentTypes.map((d) => ({ value: d, label: t(DOCUMENT_TYPE_LABELS[d]) }))}
            required
          />
        )}
        <FileUpload
          t={t}
          id="file"
          label={t('questionnaire.upload.file')}
          hint={t('questionnaire.upload.fileHint', { types: typeNames, max: maxUploadMb })}
          error={errs.text('file')}
          accept={types.map((m) => MEDIA_TYPE_ACCEPT[m]).join(',')}
        />
        <Button>{t('questionnaire.upload.submit')}</Button>
      </Form>
      <p class="body">
        <a class="link" href={questionHref(target)}>
          {t('questionnaire.upload.back')}
        </a>
      </p>
    </PageLayout>
  )
}
