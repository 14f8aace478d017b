/**
 * ลืมรหัสผ่าน: the same answer whether or not the account exists; a single-use, 30-minute link
 * stored hashed; using it ends every session; the old password stops working.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { outbox } from '#src/notifications/outbox.tables.ts'
import { Client, TEST_PASSWORD, makeEntity, makeUser } from '#tests/support/builders.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())
beforeEach(() => t.testDb.reset())
const db = () => t.deps.database.db
const NEW_PASSWORD = 'a brand new pass phrase 2026'

async function resetLink(): Promise<string> {
  const [mail] = await db().select().from(outbox).where(eq(outbox.template, 'password_reset'))
  assert.ok(mail, 'a reset mail was queued')
  return new URL((mail.payload as { resetUrl: string }).resetUrl).pathname
}

describe('forgotten password', () => {
  test('known and unknown identifiers get the same answer; only the account owner gets mail', async () => {
    const entity = await makeEntity(db())
    await makeUser(db(), { username: 'somchai', entityId: entity.id })
    const known = await new Client(t.app).submit('/auth/forgot-password', '/auth/forgot-password', { identifier: 'somchai' })
    const unknown = await new Client(t.app).submit('/auth/forgot-password', '/auth/forgot-password', { identifier: 'nobody@example.com' })
    assert.equal(known.statusCode, 303)
    assert.equal(unknown.statusCode, 303)
    assert.equal(known.headers.location, unknown.headers.location)
    const mails = await db().select().from(outbox).where(eq(outbox.template, 'password_reset'))
    assert.equal(mails.length, 1)
    assert.equal(mails[0]!.toAddress, 'somchai@example.com')
  })

  test('the link sets a new password once, ends every session, and the old password stops working', async () => {
    const entity = await makeEntity(db())
    await makeUser(db(), { username: 'somchai', entityId: entity.id })
    const elsewhere = new Client(t.app)
    await elsewhere.signIn('somchai')
    assert.equal((await elsewhere.get('/portal')).statusCode, 200)

    const c = new Client(t.app)
    await c.submit('/auth/forgot-password', '/auth/forgot-password', { identifier: 'somchai@example.com' })
    const link = await resetLink()
    const token = link.split('/').pop()!
    const form = await c.get(link)
    assert.equal(form.statusCode, 200)
    const weak = await c.post('/auth/reset-password', { _csrf: html(form)('input[name=_csrf]').val() as string, token, password: 'password1234', passwordConfirm: 'password1234' })
    assert.equal(weak.statusCode, 422)
    assert.match(html(weak)('.error-summary').text(), /เดาง่าย/)
    const done = await c.post('/auth/reset-password', { _csrf: html(form)('input[name=_csrf]').val() as string, token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })
    assert.equal(done.statusCode, 303)
    assert.match(html(await c.get('/auth/login'))('main').text(), /ตั้งรหัสผ่านใหม่เรียบร้อยแล้ว/)

    assert.equal((await elsewhere.get('/portal')).statusCode, 303, 'other sessions end')
    assert.equal((await new Client(t.app).signIn('somchai', TEST_PASSWORD)).statusCode, 422)
    assert.equal((await new Client(t.app).signIn('somchai', NEW_PASSWORD)).statusCode, 303)
    assert.equal((await c.get(link)).statusCode, 410, 'single use')
    assert.equal((await db().select().from(outbox).where(eq(outbox.template, 'password_changed_notice'))).length, 1)
  })

  test('a link older than 30 minutes no longer works', async () => {
    const entity = await makeEntity(db())
    await makeUser(db(), { username: 'somchai', entityId: entity.id })
    const c = new Client(t.app)
    await c.submit('/auth/forgot-password', '/auth/forgot-password', { identifier: 'somchai' })
    const link = await resetLink()
    t.clock.advance(31 * 60_000)
    assert.equal((await c.get(link)).statusCode, 410)
    const post = await c.submit('/auth/login', '/auth/reset-password', { token: link.split('/').pop()!, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD })
    assert.equal(post.statusCode, 410)
  })

  test('tokens never reach the logs: the request serializer redacts them', async () => {
    const { redactTokens } = await import('#src/server/app.ts')
    assert.equal(redactTokens('/auth/reset-password/abcDEF123_-x'), '/auth/reset-password/[redacted]')
    assert.equal(redactTokens('/auth/confirm-email/abc?x=1'), '/auth/confirm-email/[redacted]?x=1')
    assert.equal(redactTokens('/x?token=abc&y=2'), '/x?token=[redacted]&y=2')
    assert.equal(redactTokens('/language/en?next=%2Fauth%2Freset-password%2FabcDEF'), '/language/en?next=%2Fauth%2Freset-password%2F[redacted]')
  })
})
