import type { FastifyRequest } from 'fastify'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'

/** A message shown once on the next page after a redirect (kept in the session as a key + params). */
export type Flash = { key: MessageKey; params?: Record<string, string> }
export function setFlash(req: FastifyRequest, key: MessageKey, params?: Record<string, string>) {
  req.session.flash = JSON.stringify({ key, params } satisfies Flash)
}
export function takeFlash(req: FastifyRequest): Flash | undefined {
  const raw = req.session.flash
  if (!raw) return undefined
  req.session.flash = undefined
  try {
    const f = JSON.parse(raw) as Flash
    return typeof f.key === 'string' ? f : undefined
  } catch {
    return { key: raw as MessageKey }
  }
}
