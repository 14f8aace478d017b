import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { AppError } from '#src/platform/errors.ts'

/**
 * Limits Fastify does not set by default (stack.md §4.2). Forms may carry up to 6,000 fields: a
 * questionnaire page with a long repeating group (80 directors × 13 columns, plus the page's other
 * questions) must save, not fail with 413 and lose the page. The 1 MiB body limit still bounds a post.
 */
export const MAX_FORM_FIELDS = 6000
export const MAX_JSON_DEPTH = 32
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export type FormBody = Record<string, string | string[]>

const badRequest = () => new AppError('BAD_REQUEST', { messageKey: 'errors.page.badRequest.title' })
const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', { messageKey: 'errors.page.tooLarge.title' })

/** True for text that must never reach the database or a page: NUL and lone surrogates. */
export function hasForbiddenChars(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /\u0000/.test(s) || !s.isWellFormed()
}

/** Parses an urlencoded body into a null-prototype record; repeated keys become arrays. */
export function parseUrlEncoded(raw: string): FormBody {
  const out: FormBody = Object.create(null)
  let count = 0
  for (const [key, value] of new URLSearchParams(raw)) {
    if (++count > MAX_FORM_FIELDS) throw tooLarge()
    if (FORBIDDEN_KEYS.has(key) || key.length > 200) throw badRequest()
    if (hasForbiddenChars(key) || hasForbiddenChars(value)) throw badRequest()
    const prev = out[key]
    if (prev === undefined) out[key] = value
    else if (Array.isArray(prev)) prev.push(value)
    else out[key] = [prev, value]
  }
  return out
}

/** Nesting depth of a JSON text, measured without parsing it (strings skipped). */
export function jsonDepth(raw: string): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (inString) {
      if (c === 92) i++ // backslash: skip the escaped char
      else if (c === 34) inString = false
      continue
    }
    if (c === 34) inString = true
    else if (c === 123 || c === 91) max = Math.max(max, ++depth)
    else if (c === 125 || c === 93) depth--
  }
  return max
}

export const bodyParsersPlugin = fp(async (app: FastifyInstance) => {
  app.removeContentTypeParser(['application/json'])
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, parseUrlEncoded(body as string))
    } catch (e) {
      done(e as Error, undefined)
    }
  })
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      const raw = body as string
      if (jsonDepth(raw) > MAX_JSON_DEPTH) throw badRequest()
      if (hasForbiddenChars(raw)) throw badRequest()
      done(null, JSON.parse(raw, (k, v) => (FORBIDDEN_KEYS.has(k) ? undefined : v)))
    } catch (e) {
      done(e instanceof AppError ? e : badRequest(), undefined)
    }
  })
  // NUL bytes and broken UTF-16 in the URL or query are refused before any handler runs.
  app.addHook('onRequest', async (req) => {
    let decoded: string
    try {
      decoded = decodeURIComponent(req.url)
    } catch {
      throw badRequest()
    }
    if (hasForbiddenChars(decoded)) throw badRequest()
  })
})
