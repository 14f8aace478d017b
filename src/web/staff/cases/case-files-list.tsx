/**
 * The files a business sent on a case, as the staff case page lists them (under an answer to an
 * information request, or a remediation action's evidence): name as a download link, media type
 * and size. The links go to case-files.routes.tsx, which audits each download. Pure view.
 */
import type { CaseFile } from '#src/cases/case-tasks.repo.ts'
import { DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '#src/documents/documents.model.ts'
import { formatFileSize } from '#src/documents/file-names.rules.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'

export const requestFileHref = (caseId: string, requestId: string, index: number) => `/staff/cases/${caseId}/requests/${requestId}/files/${index}`
export const evidenceFileHref = (caseId: string, actionId: string, index: number) => `/staff/cases/${caseId}/remediation/${actionId}/files/${index}`

const KIND: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  [DOCX_MEDIA_TYPE]: 'Word',
  [XLSX_MEDIA_TYPE]: 'Excel',
}

/** The stored JSONB list, or nothing when it is not one. */
export const caseFilesOf = (v: unknown): CaseFile[] => (Array.isArray(v) ? (v as CaseFile[]) : [])

export function CaseFileList({ t, heading, files, href, id }: { t: Translator; heading: MessageKey; files: readonly CaseFile[]; href: (index: number) => string; id: string }) {
  if (!files.length) return null
  return (
    <div class="case-files" id={id}>
      <p class="body">
        <strong>{t(heading)}</strong>
      </p>
      <ul class="list">
        {files.map((f, i) => (
          <li key={`${i}-${f.sha256}`}>
            <a href={href(i)} class="link">
              {f.displayName}
            </a>{' '}
            <span class="hint">
              ({[KIND[f.mediaType], formatFileSize(f.sizeBytes)].filter(Boolean).join(', ')})
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
