import assert from 'node:assert/strict'
import os from 'node:os'
import path from 'node:path'
import { describe, test } from 'node:test'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  test('defaults: port 3000, embedded PGlite in ./data/pgdata, Thai base URL on localhost', () => {
    const c = loadConfig({})
    assert.equal(c.port, 3000)
    assert.deepEqual(c.database, { kind: 'pglite', dir: path.resolve('./data/pgdata') })
    assert.equal(c.baseUrl, 'http://localhost:3000')
    assert.equal(c.isProduction, false)
    assert.equal(c.host, '127.0.0.1', 'outside production the app listens on this machine only')
  })

  test('PORT and DATA_DIR override; DATABASE_URL switches to PostgreSQL', () => {
    const c = loadConfig({ PORT: '8080', DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://u@db:5432/amrac' })
    assert.equal(c.port, 8080)
    assert.equal(c.dataDir, '/tmp/x')
    assert.deepEqual(c.database, { kind: 'postgres', url: 'postgres://u@db:5432/amrac', poolMax: 10 })
  })

  test('server processes: one per core on PostgreSQL, WEB_CONCURRENCY overrides, always one on the embedded PGlite', () => {
    assert.equal(loadConfig({}).workers, 1, 'PGlite lives in one process')
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/amrac' }).workers, os.availableParallelism())
    assert.equal(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/amrac', WEB_CONCURRENCY: '3' }).workers, 3)
    assert.equal(loadConfig({ WEB_CONCURRENCY: '1' }).workers, 1)
    assert.throws(
      () => loadConfig({ WEB_CONCURRENCY: '2' }),
      (e: unknown) => e instanceof ConfigError && /WEB_CONCURRENCY: more than 1 needs DATABASE_URL/.test(e.message),
    )
    assert.throws(() => loadConfig({ DATABASE_URL: 'postgres://u@db:5432/amrac', WEB_CONCURRENCY: '0' }), ConfigError)
  })

  test('empty variables count as unset', () => {
    assert.equal(loadConfig({ PORT: '' }).port, 3000)
  })

  test('mail: kept locally by default; SMTP_URL switches to SMTP and is never repeated in an error', () => {
    assert.deepEqual(loadConfig({}).mail, { smtpUrl: null, from: 'AMRAC <no-reply@amlo.go.th>' })
    const c = loadConfig({ SMTP_URL: 'smtp://user:secret@mail.example.com:587', MAIL_FROM: 'no-reply@example.go.th' })
    assert.deepEqual(c.mail, { smtpUrl: 'smtp://user:secret@mail.example.com:587', from: 'no-reply@example.go.th' })
    assert.throws(
      () => loadConfig({ SMTP_URL: 'ftp://user:secret@mail.example.com' }),
      (e: unknown) => e instanceof ConfigError && /SMTP_URL/.test(e.message) && !e.message.includes('secret'),
    )
  })

  const bad: [Record<string, string>, RegExp][] = [
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /DATABASE_URL/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ SESSION_SECRET: 'short' }, /SESSION_SECRET/],
    [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://a@b/c' }, /SESSION_SECRET: required/],
    [{ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }, /DATABASE_URL: required/],
    [{ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://a@b/c' }, /SMTP_URL: required/],
    [{ TRUST_PROXY: 'maybe' }, /TRUST_PROXY/],
    [{ SMTP_URL: 'http://mail.example.com' }, /SMTP_URL/],
    [{ SMTP_URL: 'not a url' }, /SMTP_URL/],
    [{ MAIL_FROM: 'AMRAC <no-reply@amlo.go.th>\r\nBcc: x@example.com' }, /MAIL_FROM/],
    [{ MAIL_FROM: 'nobody' }, /MAIL_FROM/],
  ]
  for (const [env, name] of bad) {
    test(`a bad variable stops start-up with a message naming it: ${JSON.stringify(env)}`, () => {
      assert.throws(() => loadConfig(env), (e: unknown) => e instanceof ConfigError && name.test(e.message))
    })
  }
})
