/**
 * Quality F4: PostgreSQL goes away under a running app. The process stays up, requests that need
 * the database get a 503 quickly instead of hanging, and service comes back without a restart.
 * The outage is real from the driver's point of view: a TCP relay in front of the local server is
 * cut (every open connection is destroyed, new ones are refused), exactly what a server restart does.
 */
import assert from 'node:assert/strict'
import { createHmac, randomBytes } from 'node:crypto'
import net from 'node:net'
import { after, before, test } from 'node:test'
import pg from 'pg'
import { openDatabase } from '#src/db/client.ts'
import { createTestApp, type TestApp } from '#tests/support/test-app.ts'

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const dbName = `amrac_outage_${randomBytes(4).toString('hex')}`

class Relay {
  server: net.Server | undefined
  sockets = new Set<net.Socket>()
  constructor(
    readonly port: number,
    readonly target: { host: string; port: number },
  ) {}
  start(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target)
      for (const s of [client, upstream]) {
        this.sockets.add(s)
        s.on('close', () => this.sockets.delete(s))
        s.on('error', () => undefined)
      }
      client.pipe(upstream).pipe(client)
    })
    return new Promise((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()))
  }
  cut(): Promise<void> {
    for (const s of this.sockets) s.destroy()
    return new Promise((resolve) => this.server!.close(() => resolve()))
  }
}

let relay: Relay
let t: TestApp

before(async () => {
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`create database "${dbName}"`)
  await admin.end()
  const target = new URL(ADMIN_URL)
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port
      s.close(() => resolve(p))
    })
  })
  relay = new Relay(port, { host: target.hostname, port: Number(target.port || 5432) })
  await relay.start()
  const viaRelay = new URL(ADMIN_URL)
  viaRelay.host = `127.0.0.1:${port}`
  viaRelay.pathname = `/${dbName}`
  const handle = await openDatabase({ kind: 'postgres', url: viaRelay.toString(), poolMax: 4 })
  await handle.migrate()
  t = await createTestApp({ testDb: { handle, kind: 'postgres', reset: async () => undefined, close: () => handle.close() } })
})

after(async () => {
  await t?.close()
  await t?.testDb.close()
  await relay?.cut().catch(() => undefined)
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`drop database if exists "${dbName}" with (force)`)
  await admin.end()
})

function sessionCookie(secret: string): string {
  const sid = randomBytes(16).toString('hex')
  const sig = createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, '')
  return `amrac_sid=${encodeURIComponent(`${sid}.${sig}`)}`
}

test('a PostgreSQL outage gives fast 503s, never kills the process, and service recovers without a restart', async () => {
  const cookie = sessionCookie(t.deps.config.sessionSecret)
  const pageWithSession = () => t.app.inject({ method: 'GET', url: '/help', headers: { cookie } })

  assert.equal((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200)
  assert.equal((await pageWithSession()).statusCode, 200)

  await relay.cut()

  const started = Date.now()
  const ready = await t.app.inject({ method: 'GET', url: '/readyz' })
  assert.equal(ready.statusCode, 503)
  const page = await pageWithSession()
  assert.equal(page.statusCode, 503)
  assert.equal(page.headers['retry-after'], '5')
  assert.match(page.body, /ระบบไม่พร้อมให้บริการชั่วคราว/)
  assert.doesNotMatch(page.body, /ECONNREFUSED|Connection terminated|at .*\.ts:\d+/)
  assert.ok(Date.now() - started < 8_000, 'requests during the outage must fail fast, not hang')

  await relay.start()
  let recovered = false
  for (let i = 0; i < 100 && !recovered; i++) {
    recovered = (await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode === 200
    if (!recovered) await new Promise((r) => setTimeout(r, 100))
  }
  assert.ok(recovered, 'service comes back by itself once PostgreSQL is reachable again')
  assert.equal((await pageWithSession()).statusCode, 200)
})
