/**
 * `npm start` on PostgreSQL with several server processes (WEB_CONCURRENCY, node:cluster): the
 * primary migrates once and reports ready, requests are answered by more than one process, a
 * process that dies is replaced without the service going away, and SIGTERM stops every process.
 */
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import pg from 'pg'

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const dbName = `amrac_cluster_${randomBytes(4).toString('hex')}`
let child: ChildProcess | undefined

before(async () => {
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`create database "${dbName}"`)
  await admin.end()
})

after(async () => {
  // The primary and its workers form their own process group (spawned detached): end them all, so
  // no worker outlives a failed test holding the test's output pipes open.
  if (child?.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      /* already gone */
    }
  }
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`drop database if exists "${dbName}" with (force)`)
  await admin.end()
})

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function until<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, output: () => string, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    const v = await fn()
    if (v !== undefined) return v
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out waiting for ${what}:\n${output()}`)
}

/** The JSON log lines the processes wrote so far. */
const logLines = (output: string) =>
  output.split('\n').flatMap((l) => {
    try {
      return [JSON.parse(l) as { msg?: string; pid?: number; worker?: number; workers?: number }]
    } catch {
      return []
    }
  })

test('two server processes on PostgreSQL: one ready line, the site answers, a dead one is replaced, SIGTERM stops all', async () => {
  const url = new URL(ADMIN_URL)
  url.pathname = `/${dbName}`
  const port = await freePort()
  child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      WEB_CONCURRENCY: '2',
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-cluster-')),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
      AUDIT_SEAL_INTERVAL_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const out = () => output
  const base = `http://127.0.0.1:${port}`

  const workers = await until('two server processes', () => {
    const ready = logLines(output).filter((l) => l.msg === 'server process ready')
    return ready.length >= 2 && logLines(output).some((l) => l.msg === 'AMRAC is ready') ? ready : undefined
  }, out)
  const readyLine = logLines(output).find((l) => l.msg === 'AMRAC is ready')!
  assert.equal(readyLine.workers, 2)
  assert.equal(readyLine.pid, child.pid, 'the primary reports the deployment ready')
  assert.deepEqual(workers.map((w) => w.worker).sort(), [0, 1])
  const pids = workers.map((w) => w.pid!)
  assert.equal(new Set(pids).size, 2)

  // New connections go to the processes in turn (round robin); every one is answered.
  for (let i = 0; i < 10; i++) {
    const res = await fetch(`${base}/`, { headers: { connection: 'close' } })
    assert.equal(res.status, 200)
    assert.match(await res.text(), /ยินดีต้อนรับสู่ระบบ AMRAC/)
  }

  // A worker that dies is replaced; meanwhile the other one answers.
  const victim = workers.find((w) => w.worker === 1)!
  process.kill(victim.pid!, 'SIGKILL')
  await until('the primary to notice', () => (/a server process stopped unexpectedly; starting another/.test(output) ? true : undefined), out)
  const res = await fetch(`${base}/readyz`, { headers: { connection: 'close' } })
  assert.equal(res.status, 200, 'the other process answers while the replacement starts')
  await until('a replacement process', () => (logLines(output).filter((l) => l.msg === 'server process ready').length >= 3 ? true : undefined), out)
  const replacement = logLines(output).filter((l) => l.msg === 'server process ready').at(-1)!
  assert.equal(replacement.worker, 1, 'the replacement takes the place of the one that died')

  child.kill('SIGTERM')
  const code = await new Promise<number | null>((resolve) => (child!.exitCode !== null ? resolve(child!.exitCode) : child!.on('exit', (c) => resolve(c))))
  assert.equal(code, 0)
  const survivor = workers.find((w) => w.worker === 0)!
  for (const pid of [survivor.pid!, replacement.pid!]) assert.equal(alive(pid), false, `server process ${pid} stopped with the primary`)
})
