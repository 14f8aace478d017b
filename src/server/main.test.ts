/**
 * The real entry point as a user runs it: `npm start` on a fresh data directory, a restart on the
 * same directory, SIGTERM, and a bad environment variable.
 */
import assert from 'node:assert/strict'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { after, describe, test } from 'node:test'

const children: ChildProcess[] = []
after(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
})

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

async function startApp(dataDir: string) {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited early: ${output}`)
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`)
      if (res.status === 200) return { child, port, output: () => output }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`app did not become ready: ${output}`)
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code))))

describe('npm start', () => {
  test('starts on a fresh data directory with the demo registry, stops cleanly on SIGTERM and restarts on the same data', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-start-'))
    const first = await startApp(dataDir)
    const home = await fetch(`http://127.0.0.1:${first.port}/`)
    assert.equal(home.status, 200)
    assert.match(await home.text(), /ยินดีต้อนรับสู่ระบบ AMRAC/)
    assert.ok(fs.existsSync(path.join(dataDir, 'amrac.lock')))
    assert.match(first.output(), /"msg":"AMRAC is ready"/)

    first.child.kill('SIGTERM')
    assert.equal(await exited(first.child), 0)
    assert.equal(fs.existsSync(path.join(dataDir, 'amrac.lock')), false, 'the lock is released on shutdown')

    const second = await startApp(dataDir)
    assert.doesNotMatch(second.output(), /seeded the demo business registry/, 'a restart keeps the data and does not seed again')
    second.child.kill('SIGINT')
    assert.equal(await exited(second.child), 0)
  })

  test('a bad environment variable stops start-up with a message naming it', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: 'not-a-port', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-bad-')) },
      encoding: 'utf8',
      timeout: 30_000,
    })
    assert.equal(res.status, 1)
    assert.match(res.stderr, /AMRAC could not start/)
    assert.match(res.stderr, /PORT/)
  })
})
