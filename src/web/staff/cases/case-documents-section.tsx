/**
 * The case page's documents (เอกสารประกอบเรื่อง): what staff attached, each with who, when and a
 * download link (audited), and the form to attach one more (+ เพิ่มเอกสาร; multipart, CSRF first).
 * Staff-only. Pure view.
 */
import type { CaseDocumentListed } from '#src/cases/case-documents.repo.ts'
import { formatBytes, formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import { Button, FileUpload, Form, TextInput } from '#src/web/components/form/index.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'

export const caseDocumentHref = (caseId: string, documentId: string) => `/staff/cases/${caseId}/documents/${documentId}`

export type CaseDocumentsProblem = { field: 'documentTitle' | 'documentFile'; message: string; title: string }

export function CaseDocumentsSection({ ctx, caseId, documents, formKey, problem }: { ctx: PageContext; caseId: string; documents: readonly CaseDocumentListed[]; formKey: string; problem?: CaseDocumentsProblem | undefined }) {
  const { t, locale } = ctx
  return (
    <section id="case-documents" aria-labelledby="case-documents-heading">
      <h2 class="heading-l" id="case-documents-heading">
        {t('casedocs.heading')}
      </h2>
      <p class="body hint">{t('casedocs.intro')}</p>
      {documents.length === 0 ? (
        <p class="body" id="case-documents-none">
          {t('casedocs.none')}
        </p>
      ) : (
        <table class="table" id="case-documents-table">
          <thead>
            <tr>
              <th scope="col">{t('casedocs.col.title')}</th>
              <th scope="col">{t('casedocs.col.file')}</th>
              <th scope="col">{t('casedocs.col.by')}</th>
              <th scope="col">{t('casedocs.col.at')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <td>{d.title}</td>
                <td>
                  <a href={caseDocumentHref(caseId, d.id)}>{d.displayName}</a> ({formatBytes(d.sizeBytes, locale)})
                </td>
                <td>{d.uploadedByName}</td>
                <td>{formatDateTimeNumeric(d.uploadedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Form ctx={ctx} action={`/staff/cases/${caseId}/documents`} id="case-document-form" enctype="multipart/form-data">
        <input type="hidden" name="idempotencyKey" value={`${formKey}:document`} />
        <TextInput t={t} id="documentTitle" name="title" label={t('casedocs.form.title')} hint={t('casedocs.form.titleHint')} value={problem?.title ?? ''} maxLength={300} optional error={problem?.field === 'documentTitle' ? problem.message : undefined} />
        <FileUpload t={t} id="documentFile" name="file" label={t('casedocs.form.file')} hint={t('casedocs.form.fileHint')} accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx" error={problem?.field === 'documentFile' ? problem.message : undefined} />
        <Button variant="secondary">{t('casedocs.form.submit')}</Button>
      </Form>
    </section>
  )
}
