/**
 * Several AMRAC instances on one PostgreSQL database (issue 4: "Submitting twice … gives exactly one
 * submission and one receipt"). The in-process queue cannot help across processes: here three
 * separate processes, each with its own pool, submit the same assessment at the same moment as this
 * one, and the row lock alone must leave exactly one submission, one receipt number and no gap.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { eq } from 'drizzle-orm'
import pg from 'pg'
import { openDatabase, type DatabaseHandle } from '#src/db/client.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { systemClock } from '#src/platform/clock.ts'
import type { Config } from '#src/platform/config.ts'
import { makeEntity, makeUser } from '#tests/support/builders.ts'
import { fillCompleteAssessment } from '#tests/support/complete-assessment.ts'
import { openCycle } from './open-cycle.ts'
import { submitAssessment } from './submit-assessment.ts'
import { assessmentCycles, submissions } from './submissions.tables.ts'

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const dbName = `amrac_race_${randomBytes(4).toString('hex')}`
const dbUrl = (() => {
  const u = new URL(ADMIN_URL)
  u.pathname = `/${dbName}`
  return u.toString()
})()
const ROOT = path.resolve(import.meta.dirname, '../..')
let handle: DatabaseHandle

before(async () => {
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`create database "${dbName}"`)
  await admin.end()
  handle = await openDatabase({ kind: 'postgres', url: dbUrl, poolMax: 5 })
  await handle.migrate()
})

after(async () => {
  await handle?.close()
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`drop database if exists "${dbName}" with (force)`)
  await admin.end()
})

function worker(actor: Actor, count: number, prefix: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/submit-worker.ts', dbUrl, JSON.stringify(actor), String(count), prefix], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(`worker exited ${code}: ${err.slice(0, 2000)}`))))
  })
}

test('three other processes and this one submit the same assessment at once: one submission, one receipt, no gap', async () => {
  const deps = { database: handle, clock: systemClock, config: { baseUrl: 'https://amrac.example.go.th' } as Config }
  await openCycle(deps, {
    actor: 'system',
    code: '2569',
    nameTh: 'รอบการประเมินปี 2569',
    nameEn: 'Cycle 2569',
    definitionVersion: 'v1',
    opensAt: new Date('2026-01-01T00:00:00Z'),
    deadline: new Date('2099-03-31T00:00:00Z'),
    periodStart: '2025-10-01',
    periodEnd: '2026-09-30',
  })
  const entity = await makeEntity(handle.db)
  const user = await makeUser(handle.db, { entityId: entity.id, role: 'entity_admin' })
  const actor = { kind: 'user', id: user.id, role: 'entity_admin', entityId: entity.id, displayName: 'สมชาย' } as const
  const assessmentId = await fillCompleteAssessment(deps, actor)

  const mine = Promise.all(
    Array.from({ length: 5 }, (_, i) =>
      submitAssessment(deps, { actor, cycleCode: '2569', declarantName: 'นายสมชาย ทองดี', declarantPosition: 'กรรมการผู้จัดการ', idempotencyKey: `parent-${i}` }),
    ),
  )
  const [a, b, c, local] = await Promise.all([worker(actor, 5, 'a'), worker(actor, 5, 'b'), worker(actor, 5, 'c'), mine])
  const refs = [...a, ...b, ...c, ...local.map((r) => (r.ok ? r.submission.receiptRef : 'problems'))]
  assert.equal(refs.length, 20)
  assert.deepEqual([...new Set(refs)], ['AMRAC-2569-000001'])
  const rows = await handle.db.select().from(submissions).where(eq(submissions.assessmentId, assessmentId))
  assert.equal(rows.length, 1)
  const [cycle] = await handle.db.select().from(assessmentCycles)
  assert.equal(cycle?.receiptCounter, 1, 'the receipt counter moved once: no number was used up by the losers')
})
