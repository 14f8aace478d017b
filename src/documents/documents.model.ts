export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * Media types the system accepts, as detected from the content by file-type (never the declared
 * type or the extension). A feature passes its own subset to receiveUpload as `allowed`. DOCX and
 * XLSX are told apart by the parts inside the zip ([Content_Types].xml, word/…, xl/…): a zip or
 * an old .doc/.xls is neither. Only some document types take them (DOCUMENT_TYPE_MEDIA_TYPES).
 */
export const MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', DOCX_MEDIA_TYPE, XLSX_MEDIA_TYPE] as const
export type MediaType = (typeof MEDIA_TYPES)[number]

export const isMediaType = (v: string): v is MediaType => (MEDIA_TYPES as readonly string[]).includes(v)

/** Screenshots on the help form: images or a PDF. */
export const SCREENSHOT_MEDIA_TYPES = ['image/png', 'image/jpeg', 'application/pdf'] as const satisfies readonly MediaType[]
