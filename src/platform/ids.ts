import { randomFillSync } from 'node:crypto'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

// Every request gets a reference: random bytes are taken 4 kB at a time, not 10 bytes per call.
const pool = Buffer.allocUnsafe(4096)
let taken = pool.length

/**
 * A short reference people can read out on the phone (no I, L, O, U): 10 Crockford base-32
 * characters (50 random bits), grouped as `XXXXX-XXXXX`. Used as the request id shown on error pages.
 */
export function newReference(): string {
  if (taken + 10 > pool.length) {
    randomFillSync(pool)
    taken = 0
  }
  let out = ''
  for (let i = 0; i < 10; i++) out += CROCKFORD[pool[taken + i]! & 31]
  taken += 10
  return `${out.slice(0, 5)}-${out.slice(5)}`
}

/** A canonical UUID (what our primary keys are). Anything else from a URL is "not found", not a 500. */
export const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)
