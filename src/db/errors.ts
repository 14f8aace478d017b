/** Classifies driver errors: an unavailable database is a 503, bad bytes are the client's fault. */

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
])
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection ended unexpectedly',
  'PGlite is closed',
  'Cannot use a pool after calling end on the pool',
]
/** 22021 invalid byte sequence, 22P05 untranslatable character (e.g. NUL in text), 22P02 invalid text representation (e.g. a malformed UUID). */
const BAD_INPUT_CODES = new Set(['22021', '22P05', '22P02'])

function* causes(err: unknown): Generator<{ code?: unknown; message?: unknown }> {
  let e: unknown = err
  for (let i = 0; i < 6 && e && typeof e === 'object'; i++) {
    yield e as { code?: unknown; message?: unknown }
    e = (e as { cause?: unknown }).cause
  }
}

export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of causes(err)) {
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => (e.message as string).includes(m))) return true
  }
  return false
}

export function isDatabaseBadInput(err: unknown): boolean {
  for (const e of causes(err)) if (typeof e.code === 'string' && BAD_INPUT_CODES.has(e.code)) return true
  return false
}

export function isUniqueViolation(err: unknown): boolean {
  for (const e of causes(err)) if (e.code === '23505') return true
  return false
}
