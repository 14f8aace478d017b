/**
 * Builds multipart/form-data bodies by hand for app.inject() (what a browser sends for a form
 * with enctype="multipart/form-data"). Parts go in the order given, as browsers keep DOM order.
 */
import { randomBytes } from 'node:crypto'

export type FilePart = { filename: string; content: Buffer; contentType?: string }
export type MultipartEntry = [name: string, value: string | FilePart]

const CRLF = '\r\n'
const quote = (s: string) => s.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22')

export function multipartBody(entries: readonly MultipartEntry[]): { payload: Buffer; contentType: string } {
  const boundary = `----amracTestBoundary${randomBytes(8).toString('hex')}`
  const chunks: Buffer[] = []
  for (const [name, value] of entries) {
    chunks.push(Buffer.from(`--${boundary}${CRLF}`))
    if (typeof value === 'string') {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${quote(name)}"${CRLF}${CRLF}`))
      chunks.push(Buffer.from(value, 'utf8'))
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${quote(name)}"; filename="${quote(value.filename)}"${CRLF}` +
            `Content-Type: ${value.contentType ?? 'application/octet-stream'}${CRLF}${CRLF}`,
          'utf8',
        ),
      )
      chunks.push(value.content)
    }
    chunks.push(Buffer.from(CRLF))
  }
  chunks.push(Buffer.from(`--${boundary}--${CRLF}`))
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}
