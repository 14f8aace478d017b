import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, test } from 'node:test'
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.ts'

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-lock-'))

describe('data directory lock', () => {
  test('a second lock on the same directory is refused, also within one process', () => {
    const dir = tmp()
    const lock = acquireDataDirLock(dir)
    assert.throws(() => acquireDataDirLock(dir), DataDirLockedError)
    lock.release()
    const again = acquireDataDirLock(dir)
    again.release()
    assert.equal(fs.existsSync(path.join(dir, 'amrac.lock')), false)
  })

  test('a lock left by a dead process is taken over', () => {
    const dir = tmp()
    // A pid that existed and is gone: a child that already exited.
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
    fs.writeFileSync(path.join(dir, 'amrac.lock'), child.stdout.toString())
    const lock = acquireDataDirLock(dir)
    assert.equal(fs.readFileSync(lock.file, 'utf8'), String(process.pid))
    lock.release()
  })

  test('a stale file naming our own pid (container restart as pid 1) is taken over', () => {
    const dir = tmp()
    fs.writeFileSync(path.join(dir, 'amrac.lock'), String(process.pid))
    const lock = acquireDataDirLock(dir)
    lock.release()
  })

  test('a second AMRAC process on a locked directory refuses to start, names the problem and never opens it', () => {
    const dir = tmp()
    const lock = acquireDataDirLock(dir)
    try {
      const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        env: { ...process.env, DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'development' },
        encoding: 'utf8',
        timeout: 60_000,
      })
      assert.equal(res.status, 1)
      assert.match(res.stderr, /in use by another AMRAC process \(pid \d+\)/)
      assert.match(res.stderr, /DATA_DIR/)
      assert.equal(fs.existsSync(path.join(dir, 'pgdata')), false, 'the database directory must not be opened')
    } finally {
      lock.release()
    }
  })
})
