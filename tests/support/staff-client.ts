/**
 * A staff member signed in through the real pages with two-step verification: the account is
 * made (first name = username unless given), enrolled directly, then password and code.
 */
import assert from 'node:assert/strict'
import { Client, makeUser } from './builders.ts'
import type { TestApp } from './test-app.ts'
import { enrolDirectly, signInWithCode } from './totp.ts'

export type StaffRole = 'admin' | 'supervisor' | 'examiner'

export async function staffClient(t: TestApp, role: StaffRole, username: string, over: { firstName?: string; lastName?: string; locale?: 'th' | 'en' } = {}) {
  const user = await makeUser(t.deps.database.db, { role, username, firstName: username, ...over })
  const secret = await enrolDirectly(t, user)
  const client = new Client(t.app)
  assert.equal((await signInWithCode(t, client, username, secret)).statusCode, 303, `${username} signed in`)
  return { client, user, secret }
}
