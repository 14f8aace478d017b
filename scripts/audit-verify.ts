/**
 * `npm run audit:verify`: seals any audit rows not yet chained, then recomputes the whole audit
 * hash chain (docs/decisions/0008-audit-hash-chain.md) on the configured database (DATABASE_URL, or
 * the embedded PGlite in DATA_DIR: stop the app first, it holds the data-directory lock).
 * Prints OK with counts, or the first broken link; exit code 1 when the chain is broken.
 * The result is recorded in the audit log (`audit.chain_verified`) unless `--no-record` is given.
 */
import type { ChainProblem } from '#src/audit/audit-chain.rules.ts'
import { verifyAuditChain } from '#src/audit/verify-audit-chain.ts'
import { openDatabase } from '#src/db/client.ts'
import { DataDirLockedError } from '#src/db/data-dir-lock.ts'
import { systemClock } from '#src/platform/clock.ts'
import { ConfigError, loadConfig } from '#src/platform/config.ts'

const EXPLAIN = {
  row_changed: 'the audit row was changed after it was sealed',
  row_missing: 'the audit row was deleted after it was sealed',
  link_broken: 'the link does not follow the one before it (links reordered or replaced)',
  seq_gap: 'a link is missing before this one (links deleted)',
  row_unsealed: 'an audit row was inserted below rows already sealed (inserted out of order)',
} as const satisfies Record<ChainProblem, string>

async function main(): Promise<number> {
  const config = loadConfig()
  const record = !process.argv.includes('--no-record')
  const database = await openDatabase(config.database)
  try {
    await database.migrate()
    const started = performance.now()
    const result = await verifyAuditChain({ database, clock: systemClock }, record ? { record: { actorUserId: null, userAgent: 'npm run audit:verify' } } : {})
    const ms = Math.round(performance.now() - started)
    const head = result.head ? `last link #${result.head.seq} sealed ${result.head.sealedAt.toISOString()}, hash ${result.head.hash}` : 'no links yet'
    if (result.ok) {
      console.log(`audit chain OK (${database.kind}): ${result.links} links verified, ${result.sealedNow} sealed now, in ${ms} ms; ${head}`)
      return 0
    }
    const b = result.broken!
    console.error(`audit chain BROKEN (${database.kind}) at ${b.seq === null ? 'no link' : `link #${b.seq}`}, audit_log id ${b.auditId}: ${EXPLAIN[b.problem]} [${b.problem}]`)
    console.error(`${result.links} links before it are intact; ${head}`)
    return 1
  } finally {
    await database.close()
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof ConfigError || e instanceof DataDirLockedError) console.error(e.message)
    else console.error(`audit verification failed: ${(e as Error).message}`)
    process.exit(2)
  },
)
