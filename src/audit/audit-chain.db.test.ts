/**
 * The audit hash chain on the real migrations: sealing, verification, tampering (a changed,
 * deleted, reordered or smuggled-in row is named by verification), idempotent sealing and
 * concurrent sealers that never fork the chain. Tampering needs superuser statements that the app
 * role does not have in production (ALTER TABLE … DISABLE TRIGGER).
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { fixedClock } from '#src/platform/clock.ts'
import { createTestDatabase, type TestDatabase } from '#tests/support/test-db.ts'
import { findChainHead, listChainLinks } from './audit-chain.repo.ts'
import { appendAudit } from './audit.repo.ts'
import { sealAuditChain, startAuditSealer } from './seal-audit-chain.ts'
import { verifyAuditChain } from './verify-audit-chain.ts'

let testDb: TestDatabase
const clock = fixedClock('2026-11-29T03:00:00Z')
const deps = () => ({ database: testDb.handle, clock })
const db = () => testDb.handle.db

before(async () => {
  testDb = await createTestDatabase()
})
after(async () => {
  await testDb.close()
})
beforeEach(async () => {
  await testDb.reset()
})

async function appendEvents(n: number) {
  for (let i = 0; i < n; i++) {
    clock.advance(1_000)
    await appendAudit(db(), { at: clock.now(), ip: `10.0.0.${i}` }, { action: 'login.failed', identifier: `user${i}`, reason: 'bad_credentials' })
  }
}
const auditIds = async () => ((await db().execute(sql`select id::int as id from audit_log order by id`)) as unknown as { rows: { id: number }[] }).rows.map((r) => r.id)

/** Runs statements with the append-only triggers (and foreign keys) off, as a superuser could. */
async function tamper(statements: string[]) {
  await db().execute(sql.raw('ALTER TABLE audit_log DISABLE TRIGGER ALL'))
  await db().execute(sql.raw('ALTER TABLE audit_chain DISABLE TRIGGER ALL'))
  try {
    for (const s of statements) await db().execute(sql.raw(s))
  } finally {
    await db().execute(sql.raw('ALTER TABLE audit_log ENABLE TRIGGER ALL'))
    await db().execute(sql.raw('ALTER TABLE audit_chain ENABLE TRIGGER ALL'))
  }
}

describe('audit hash chain', () => {
  test('sealing links every row in id order; verification recomputes the chain and says OK', async () => {
    await appendEvents(5)
    const sealed = await sealAuditChain(deps())
    assert.deepEqual(sealed, { sealed: 5, lastSeq: 5 })
    const links = await listChainLinks(db(), { afterSeq: 0, limit: 100 })
    assert.deepEqual(links.map((l) => l.auditId), await auditIds())
    assert.equal(links[0]!.prevHash, '0'.repeat(64))
    for (let i = 1; i < links.length; i++) assert.equal(links[i]!.prevHash, links[i - 1]!.hash)

    const result = await verifyAuditChain(deps())
    assert.equal(result.ok, true)
    assert.equal(result.links, 5)
    assert.equal(result.head?.seq, 5)
  })

  test('sealing again adds nothing; new rows continue the same chain', async () => {
    await appendEvents(3)
    await sealAuditChain(deps())
    assert.deepEqual(await sealAuditChain(deps()), { sealed: 0, lastSeq: 3 })
    await appendEvents(2)
    assert.deepEqual(await sealAuditChain(deps(), { batchSize: 1 }), { sealed: 2, lastSeq: 5 })
    const result = await verifyAuditChain(deps())
    assert.deepEqual([result.ok, result.links], [true, 5])
  })

  test('concurrent sealers do not fork the chain', async () => {
    await appendEvents(30)
    const rounds = await Promise.all([sealAuditChain(deps(), { batchSize: 7 }), sealAuditChain(deps(), { batchSize: 5 }), sealAuditChain(deps())])
    assert.equal(rounds.reduce((n, r) => n + r.sealed, 0), 30, 'each row sealed exactly once')
    const links = await listChainLinks(db(), { afterSeq: 0, limit: 100 })
    assert.deepEqual(links.map((l) => l.seq), Array.from({ length: 30 }, (_, i) => i + 1))
    assert.equal((await verifyAuditChain(deps())).ok, true)
  })

  test('a changed row is named by verification', async () => {
    await appendEvents(4)
    await sealAuditChain(deps())
    const [, second] = await auditIds()
    await tamper([`UPDATE audit_log SET ip = '192.0.2.1' WHERE id = ${second}`])
    const result = await verifyAuditChain(deps())
    assert.equal(result.ok, false)
    assert.deepEqual(result.broken, { problem: 'row_changed', seq: 2, auditId: second })
    assert.equal(result.links, 1, 'the links before the break are counted')
  })

  test('a change to the payload or to the time (even in microseconds) is found', async () => {
    await appendEvents(2)
    await sealAuditChain(deps())
    const [first, second] = await auditIds()
    await tamper([`UPDATE audit_log SET at = at + interval '1 microsecond' WHERE id = ${second}`])
    assert.deepEqual((await verifyAuditChain(deps())).broken, { problem: 'row_changed', seq: 2, auditId: second })
    await tamper([`UPDATE audit_log SET at = at - interval '1 microsecond' WHERE id = ${second}`, `UPDATE audit_log SET payload = jsonb_set(payload, '{identifier}', '"someone-else"') WHERE id = ${first}`])
    assert.deepEqual((await verifyAuditChain(deps())).broken, { problem: 'row_changed', seq: 1, auditId: first })
  })

  test('a deleted row is named by verification', async () => {
    await appendEvents(4)
    await sealAuditChain(deps())
    const ids = await auditIds()
    await tamper([`DELETE FROM audit_log WHERE id = ${ids[2]}`])
    const result = await verifyAuditChain(deps())
    assert.deepEqual(result.broken, { problem: 'row_missing', seq: 3, auditId: ids[2] })
  })

  test('reordered links and a removed link are found', async () => {
    await appendEvents(4)
    await sealAuditChain(deps())
    const ids = await auditIds()
    // Swap which rows links 2 and 3 point at.
    await tamper([
      `UPDATE audit_chain SET audit_id = -1 WHERE seq = 2`,
      `UPDATE audit_chain SET audit_id = ${ids[1]} WHERE seq = 3`,
      `UPDATE audit_chain SET audit_id = ${ids[2]} WHERE seq = 2`,
    ])
    assert.deepEqual((await verifyAuditChain(deps())).broken, { problem: 'row_changed', seq: 2, auditId: ids[2] })

    await testDb.reset()
    await appendEvents(4)
    await sealAuditChain(deps())
    await tamper(['DELETE FROM audit_chain WHERE seq = 2'])
    assert.equal((await verifyAuditChain(deps())).broken?.problem, 'seq_gap')
  })

  test('a row slipped in below the sealed part of the log is reported as unsealed', async () => {
    await appendEvents(3)
    clock.advance(60 * 60_000)
    await sealAuditChain(deps())
    clock.advance(60 * 60_000)
    const [first] = await auditIds()
    // A forged row with an id below the sealed rows (its own id sequence bypassed).
    await db().execute(sql.raw(`INSERT INTO audit_log (id, at, action, payload) VALUES (${first! - 1 || 0}, now(), 'logout', '{"action":"logout"}')`))
    const result = await verifyAuditChain(deps())
    assert.equal(result.ok, false)
    assert.deepEqual(result.broken, { problem: 'row_unsealed', seq: null, auditId: first! - 1 || 0 })
  })

  test('the append-only trigger refuses changes to the chain', async () => {
    await appendEvents(1)
    await sealAuditChain(deps())
    const appendOnly = (e: Error) => /append-only/.test(String((e.cause as Error | undefined)?.message ?? e.message))
    await assert.rejects(db().execute(sql`update audit_chain set hash = ${'f'.repeat(64)}`), appendOnly)
    await assert.rejects(db().execute(sql`delete from audit_chain`), appendOnly)
    assert.equal((await findChainHead(db()))?.seq, 1)
  })

  test('verification can record itself in the audit log', async () => {
    await appendEvents(2)
    const result = await verifyAuditChain(deps(), { record: { actorUserId: null } })
    assert.equal(result.ok, true)
    const rows = ((await db().execute(sql`select payload from audit_log where action = 'audit.chain_verified'`)) as unknown as { rows: { payload: unknown }[] }).rows
    assert.deepEqual(rows.map((r) => r.payload), [{ action: 'audit.chain_verified', ok: true, links: 2 }])
  })

  test('the server sealer runs on its interval and stops cleanly', async () => {
    await appendEvents(3)
    const logged: object[] = []
    const sealer = startAuditSealer(deps(), { intervalMs: 20, log: { info: (o) => logged.push(o), warn: (o) => logged.push(o) } })
    for (let i = 0; i < 200 && !(await findChainHead(db())); i++) await new Promise((r) => setTimeout(r, 20))
    await sealer.stop()
    assert.equal((await findChainHead(db()))?.seq, 3)
    assert.deepEqual(logged, [{ sealed: 3, lastSeq: 3 }])
    await appendEvents(1)
    await new Promise((r) => setTimeout(r, 100))
    assert.equal((await findChainHead(db()))?.seq, 3, 'nothing sealed after stop()')
  })
})
