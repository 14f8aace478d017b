/**
 * Registration step 1: find the business by its 13-digit juristic number or by name (use case).
 * The number's checksum is checked before the registry is asked.
 */
import type { DbOrTx } from '#src/db/client.ts'
import { findEntityByJuristicId, searchEntitiesByName, type EntitySummary } from './entities.repo.ts'
import { normaliseNameForSearch } from './entity-name.rules.ts'
import { isJuristicId, normaliseThaiId13 } from './juristic-id.rules.ts'

export type FindBusinessResult =
  | { kind: 'found'; results: EntitySummary[] }
  | { kind: 'not_found' }
  | { kind: 'invalid_juristic_id' }
  | { kind: 'too_short' }

export const MAX_SEARCH_RESULTS = 20

export async function findBusiness(deps: { db: DbOrTx }, opts: { query: string }): Promise<FindBusinessResult> {
  const digits = normaliseThaiId13(opts.query)
  if (/^\d{10,16}$/.test(digits)) {
    if (digits.length !== 13 || !isJuristicId(digits)) return { kind: 'invalid_juristic_id' }
    const found = await findEntityByJuristicId(deps.db, digits)
    return found ? { kind: 'found', results: [found] } : { kind: 'not_found' }
  }
  const name = normaliseNameForSearch(opts.query)
  if ([...name].length < 2) return { kind: 'too_short' }
  const results = await searchEntitiesByName(deps.db, name, MAX_SEARCH_RESULTS)
  return results.length ? { kind: 'found', results } : { kind: 'not_found' }
}
