/**
 * `file`: a question answered with attachments (evidence for a control, the DBD certificate…).
 * The upload itself belongs to the documents module ("+ เพิ่มเอกสาร"): it stores the file, sniffs
 * its type and records an attachment with a document type from the catalogue (document-types.ts).
 * The answer only refers to those attachments: `[{ attachmentId, documentType }]`.
 *
 * Form post: rows `A18.0.attachmentId` + `A18.0.documentType` (objects), or bare attachment ids
 * when the question accepts exactly one document type. At submission, with `ctx.attachments`, every
 * id must be an attachment of this assessment and its recorded type (which replaces the posted one)
 * must be one the question accepts.
 */
import { z } from 'zod'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES, isDocumentType, type DocumentType } from '../document-types.ts'
import { ATTACHMENT_ID } from '../ids.ts'
import { accepted, EMPTY, fieldBaseShape, memoByDef, rejected, requiredOr, singleValue, type FieldTypeModule } from './contract.ts'

export type FileRef = { readonly attachmentId: string; readonly documentType: DocumentType }

export const FILE_DEFAULT_MAX_FILES = 10
export const FileDef = z.strictObject({
  ...fieldBaseShape,
  type: z.literal('file'),
  /** Document types this question accepts; the first is the default offered when uploading. */
  documentTypes: z.array(z.enum(DOCUMENT_TYPES)).min(1).readonly(),
  maxFiles: z.int().min(1).max(20).optional(),
})
export type FileDef = z.infer<typeof FileDef>

const refSchema = (def: FileDef) =>
  z.strictObject({
    attachmentId: z.string().regex(ATTACHMENT_ID, 'errors.field.invalid'),
    documentType: z
      .string()
      .refine((v) => (def.documentTypes as readonly string[]).includes(v), {
        error: 'questionnaire.errors.file.documentType',
      })
      .transform((v) => v as DocumentType),
  })

const listSchema = memoByDef((def: FileDef) =>
  z
    .array(refSchema(def))
    .min(1, 'questionnaire.errors.file.required')
    .max(def.maxFiles ?? FILE_DEFAULT_MAX_FILES, 'questionnaire.errors.file.tooMany')
    .readonly(),
)

const plainSubmit = memoByDef((def: FileDef) => requiredOr(def, listSchema(def), 'questionnaire.errors.file.required'))

export const fileField: FieldTypeModule<FileDef, readonly FileRef[]> = {
  type: 'file',
  definitionSchema: FileDef,
  normalise(raw, def) {
    if (raw === undefined || raw === null || raw === '') return EMPTY
    const items = Array.isArray(raw) ? raw : [raw]
    const out: FileRef[] = []
    for (const item of items) {
      let ref: { attachmentId: string; documentType: unknown }
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const o = item as Record<string, unknown>
        const id = singleValue(o.attachmentId)
        if (id === undefined) return rejected()
        ref = { attachmentId: id.trim(), documentType: o.documentType }
      } else {
        const id = singleValue(item)
        if (id === undefined) return rejected()
        ref = { attachmentId: id.trim(), documentType: def.documentTypes.length === 1 ? def.documentTypes[0] : undefined }
      }
      if (ref.attachmentId === '') continue
      if (!ATTACHMENT_ID.test(ref.attachmentId)) return rejected()
      if (!isDocumentType(ref.documentType) || !def.documentTypes.includes(ref.documentType)) {
        return rejected('questionnaire.errors.file.documentType')
      }
      if (!out.some((r) => r.attachmentId === ref.attachmentId)) {
        out.push({ attachmentId: ref.attachmentId, documentType: ref.documentType })
      }
    }
    return out.length === 0 ? EMPTY : accepted(out)
  },
  draftSchema: memoByDef((def: FileDef) => listSchema(def).optional()),
  submitSchema: (def, ctx) => {
    const known = ctx.attachments
    if (!known) return plainSubmit(def)
    return requiredOr(
      def,
      listSchema(def).transform((refs, zctx) => {
        const out: FileRef[] = []
        refs.forEach((ref, i) => {
          const found = known.find((a) => a.id === ref.attachmentId)
          if (!found) {
            zctx.addIssue({ code: 'custom', message: 'questionnaire.errors.file.missing', path: [i] })
          } else if (!def.documentTypes.includes(found.documentType)) {
            zctx.addIssue({ code: 'custom', message: 'questionnaire.errors.file.documentType', path: [i] })
          } else {
            out.push({ attachmentId: ref.attachmentId, documentType: found.documentType })
          }
        })
        return out
      }),
      'questionnaire.errors.file.required',
    )
  },
  summarise(answer, t) {
    const types = [...new Set(answer.map((r) => r.documentType))].map((d) => t(DOCUMENT_TYPE_LABELS[d]))
    return `${t('questionnaire.summary.files', { count: answer.length })}: ${types.join(', ')}`
  },
  toFormValue: (answer) => answer.map((r) => ({ attachmentId: r.attachmentId, documentType: r.documentType })),
  possibleErrors: (def): MessageKey[] => [
    ...(def.optional ? [] : (['questionnaire.errors.file.required'] as const)),
    'errors.field.invalid',
    'questionnaire.errors.file.documentType',
    'questionnaire.errors.file.tooMany',
    'questionnaire.errors.file.missing',
  ],
}
