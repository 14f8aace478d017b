import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/** Text fields in a multipart form: names are short, values small (the longest, a 2,000-character message, is ≤ 8 KB). */
export const MULTIPART_FIELD_SIZE = 16 * 1024
export const MULTIPART_MAX_FIELDS = 30

/**
 * multipart/form-data in stream mode (no attachFieldsToBody: nothing is read or stored until a
 * route asks for it). Explicit limits (stack.md §4.2: the defaults are fileSize = bodyLimit and
 * 1000 parts); a route may lower them through `readMultipartFields({ limits })`.
 * Routes read multipart bodies only through src/web/lib/multipart-form.ts, which keeps the CSRF
 * check ahead of any file (see there). On any other route a multipart post has no body, so the
 * global CSRF check refuses it.
 */
export const multipartPlugin = fp(async (app: FastifyInstance) => {
  await app.register(multipart, {
    // An over-size file is not an error thrown mid-stream: the stream ends with `truncated` set and
    // receiveUpload turns that into a field error on the form (413), with the partial deleted.
    throwFileSizeLimit: false,
    limits: {
      fileSize: app.deps.config.maxUploadBytes,
      files: 1,
      fields: MULTIPART_MAX_FIELDS,
      parts: MULTIPART_MAX_FIELDS + 1,
      fieldSize: MULTIPART_FIELD_SIZE,
      fieldNameSize: 100,
      headerPairs: 20,
    },
  })
})
