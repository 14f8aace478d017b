import { randomBytes } from 'node:crypto'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A short reference people can read out on the phone (no I, L, O, U): 10 Crockford base-32
 * characters (50 random bits), grouped as `XXXXX-XXXXX`. Used as the request id shown on error pages.
 */
export function newReference(): string {
  const bytes = randomBytes(10)
  let out = ''
  for (let i = 0; i < 10; i++) out += CROCKFORD[bytes[i]! & 31]
  return `${out.slice(0, 5)}-${out.slice(5)}`
}

/** A canonical UUID (what our primary keys are). Anything else from a URL is "not found", not a 500. */
export const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)
