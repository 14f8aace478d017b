/**
 * Two-step verification helpers for HTTP tests: codes computed with otplib from the secret (as an
 * authenticator app would), an account enrolled directly in the database, and signing in through
 * the real pages (password, then code).
 */
import { and, desc, eq } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import * as cheerio from 'cheerio'
import { generate } from 'otplib'
import { auditLog } from '#src/audit/audit.tables.ts'
import type { DbOrTx } from '#src/db/client.ts'
import { newTotpSecret, openSecret, sealSecret } from '#src/identity/totp.ts'
import { unsafeFindUserById, updateUser, type User } from '#src/identity/users.repo.ts'
import { outbox } from '#src/notifications/outbox.tables.ts'
import type { MailTemplate } from '#src/notifications/mail-templates.model.ts'
import type { TestApp } from './test-app.ts'
import { TEST_PASSWORD, type Client } from './builders.ts'

/** The code an authenticator app shows for `secret` at the app's (fixed) test time. */
export const codeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) })

/** A well-formed code that is wrong in the accepted window (previous, current and next step). */
export async function wrongCode(secret: string, at: Date): Promise<string> {
  const near = new Set(await Promise.all([-30, 0, 30].map((s) => codeAt(secret, new Date(at.getTime() + s * 1000)))))
  for (let n = 0; ; n++) {
    const c = String(n).padStart(6, '0')
    if (!near.has(c)) return c
  }
}

/** The secret shown on the set-up page (grouped by four for typing by hand). */
export const secretOnPage = (res: LightMyRequestResponse) => cheerio.load(res.body)('[data-secret]').text().replace(/\s/g, '')

/** Enrols an account directly (as if it had set up an app earlier); returns the base32 secret. */
export async function enrolDirectly(t: TestApp, user: Pick<User, 'id'>): Promise<string> {
  const secret = newTotpSecret()
  await updateUser(t.deps.database.db, user.id, { totpSecret: sealSecret(t.deps.config.sessionSecret, 'totp_secret', secret), totpEnabledAt: t.clock.now() })
  return secret
}

/** The stored secret of an account, decrypted as the app would (tests only). */
export async function storedSecret(t: TestApp, userId: string): Promise<string | undefined> {
  const user = await unsafeFindUserById(t.deps.database.db, userId)
  return user?.totpSecret ? openSecret(t.deps.config.sessionSecret, 'totp_secret', user.totpSecret) : undefined
}

/** Password, then the current code; returns the response to the code step. */
export async function signInWithCode(t: TestApp, client: Client, username: string, secret: string, password = TEST_PASSWORD) {
  const first = await client.signIn(username, password)
  if (first.headers.location !== '/auth/login/totp') throw new Error(`expected the code step, got ${first.statusCode} ${String(first.headers.location)}`)
  return client.submit('/auth/login/totp', '/auth/login/totp', { code: await codeAt(secret, t.clock.now()) })
}

/** The newest queued mail of a template to an address (created_at is the database's own clock). */
export async function lastMail<T extends MailTemplate>(db: DbOrTx, template: T, to: string) {
  const [row] = await db.select().from(outbox).where(and(eq(outbox.template, template), eq(outbox.toAddress, to))).orderBy(desc(outbox.createdAt)).limit(1)
  if (!row) throw new Error(`no ${template} mail to ${to}`)
  return row
}

/** Audit rows, oldest first, optionally of one action. */
export async function auditRows(db: DbOrTx, action?: string) {
  const rows = await db.select().from(auditLog).orderBy(auditLog.id)
  return action ? rows.filter((r) => r.action === action) : rows
}
