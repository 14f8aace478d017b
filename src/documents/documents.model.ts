/**
 * Media types the system accepts, as detected from the content by file-type (never the declared
 * type or the extension). A feature passes its own subset to receiveUpload as `allowed`.
 */
export const MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const
export type MediaType = (typeof MEDIA_TYPES)[number]

export const isMediaType = (v: string): v is MediaType => (MEDIA_TYPES as readonly string[]).includes(v)

/** Screenshots on the help form: images or a PDF. */
export const SCREENSHOT_MEDIA_TYPES = ['image/png', 'image/jpeg', 'application/pdf'] as const satisfies readonly MediaType[]
