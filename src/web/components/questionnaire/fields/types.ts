/**
 * The contract of a question renderer (house style R12): one module per field type in this folder,
 * gathered in `registry.ts` as a `Record<FieldType, …>` so a type without a renderer breaks the build.
 *
 * - `name` is the form name, a dotted path (`T07`, `B01.0.fullName`, `T07.postcode`);
 * - `id` is `fieldDomId(name)`: the element the error summary links to (see `errorTargetId`);
 * - `value` is the engine's `toFormValue(answer, def, locale)`, or what was posted after a failed
 *   post (so it is read defensively: anything unexpected shows as empty);
 * - `error` is the field's own translated error; `errorFor(path)` gives a sub-part's
 *   (`T07.postcode`, `B01.0.fullName`) by full path.
 */
import type { VNode } from 'preact'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import type { DocumentType, FieldDef, LeafFieldDef } from '#src/questionnaire/engine/index.ts'

/** An attachment as a file question lists it (the documents module supplies these). */
export type AttachmentView = {
  readonly id: string
  readonly fileName: string
  readonly documentType: DocumentType
  readonly sizeBytes?: number
  /** When it was uploaded (shown as dd/mm/yyyy HH:MM, Bangkok time). */
  readonly uploadedAt?: Date
  /** Where the business can open it (the file name becomes a link). */
  readonly href?: string
}

export type FieldProps<D extends FieldDef | LeafFieldDef = FieldDef | LeafFieldDef> = {
  t: Translator
  locale: Locale
  def: D
  name: string
  id: string
  value: unknown
  error?: string | undefined
  errorFor: (path: string) => string | undefined
  /** File questions: the documents attached to this question. */
  attachments?: readonly AttachmentView[] | undefined
  /** File questions: where "+ เพิ่มเอกสาร" goes (the upload page for this question). */
  addDocumentHref?: string | undefined
  /**
   * File questions anywhere (also inside groups): the business's attachments by id, to list the
   * ones the answer refers to when `attachments` is not given.
   */
  attachmentsById?: ReadonlyMap<string, AttachmentView> | undefined
  /**
   * File questions: "+ เพิ่มเอกสาร" and "ลบ" are submit buttons of the page's form
   * (`intent=document:<path>`, `intent=remove-document:<id>`), so what was typed is saved first.
   */
  documentIntents?: boolean | undefined
}

export type FieldRenderer<D extends FieldDef | LeafFieldDef> = (props: FieldProps<D>) => VNode | null

/**
 * Dotted form paths → element ids: every `.` becomes `-` (`B01.0.fullName` → `B01-0-fullName`).
 * Field ids and column ids are ASCII letters, digits and `_` with no dots or dashes (engine ids.ts),
 * so the mapping cannot collide with another field's id.
 */
export const fieldDomId = (path: string): string => path.replace(/\./g, '-')

/** A string from a form value; '' for anything else (tampered or missing input shows empty). */
export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
/** A list of strings from a form value (one string or several). */
export const strList = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
/** A property of an object form value. */
export const prop = (v: unknown, key: string): unknown =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined
