/**
 * The permission matrix (house style R5, ASVS V8.1.1): every route the app registers × every role,
 * table-driven from the route table the boot-time guard builds. A role without the route's
 * permission gets 403 (and an audit entry); a role with it never gets 401/403; nobody signed in is
 * sent to sign in. A new route or permission is covered without editing this file.
 */
import assert from 'node:assert/strict'
import { createHmac, randomBytes } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import { ROLES, can, type Role } from '#src/identity/permissions.ts'
import { saveSession } from '#src/identity/sessions.repo.ts'
import { makeEntity, makeUser } from '#tests/support/builders.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'

let t: TestApp
const sessions = new Map<Role, { cookie: string; csrf: string; userId: string }>()

before(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const entity = await makeEntity(db)
  for (const role of ROLES) {
    const entityId = role === 'entity_user' || role === 'entity_admin' ? entity.id : null
    const user = await makeUser(db, { username: `matrix.${role.replace('_', '.')}`, role, entityId })
    // A signed-in session as the sign-in flow leaves it (staff would have passed TOTP).
    const sid = randomBytes(24).toString('base64url')
    const now = t.clock.now()
    await saveSession(db, { sid, data: { userId: user.id, authAt: now.getTime(), lastSeenAt: now.getTime() }, userId: user.id, expiresAt: new Date(now.getTime() + 3600_000), now })
    const signed = `${sid}.${createHmac('sha256', t.deps.config.sessionSecret).update(sid).digest('base64').replace(/=+$/, '')}`
    const cookie = `amrac_sid=${encodeURIComponent(signed)}`
    const account = await t.app.inject({ method: 'GET', url: '/account', headers: { cookie } })
    assert.equal(account.statusCode, 200, `${role} can open their account`)
    const csrf = html(account)('meta[name=csrf-token]').attr('content')!
    sessions.set(role, { cookie, csrf, userId: user.id })
  }
})
after(() => t.close())

const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000')

describe('permission matrix: role × route', () => {
  test('the app has guarded routes for every audience', () => {
    const guarded = t.app.routeTable.filter((r) => r.permission !== 'anonymous')
    assert.ok(guarded.length >= 10, `only ${guarded.length} guarded routes`)
    for (const prefix of ['/account', '/portal', '/staff']) assert.ok(guarded.some((r) => r.url.startsWith(prefix)), prefix)
  })

  test('every guarded route answers each role by the ROLE_PERMISSIONS table', async () => {
    const guarded = t.app.routeTable.filter((r) => r.permission !== 'anonymous')
    const failures: string[] = []
    for (const route of guarded) {
      for (const role of ROLES) {
        const s = sessions.get(role)!
        const res = await t.app.inject({
          method: route.method as 'GET' | 'POST',
          url: concrete(route.url),
          headers: { cookie: s.cookie, ...(route.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': s.csrf } : {}) },
          payload: route.method === 'POST' ? `_csrf=${encodeURIComponent(s.csrf)}` : undefined,
        })
        const allowed = can({ kind: 'user', id: s.userId, role, entityId: null, displayName: '' }, route.permission)
        const ok = allowed ? ![401, 403].includes(res.statusCode) && res.statusCode < 500 : res.statusCode === 403
        if (!ok) failures.push(`${route.method} ${route.url} as ${role}: ${res.statusCode} (permission ${route.permission}, ${allowed ? 'allowed' : 'refused'})`)
      }
    }
    assert.deepEqual(failures, [])
  })

  test('nobody signed in is sent to sign in (GET) or refused (POST), never served', async () => {
    const failures: string[] = []
    for (const route of t.app.routeTable.filter((r) => r.permission !== 'anonymous')) {
      const res = await t.app.inject({ method: route.method as 'GET' | 'POST', url: concrete(route.url) })
      const ok = route.method === 'GET' ? res.statusCode === 303 && String(res.headers.location).startsWith('/auth/login?next=') : [401, 403].includes(res.statusCode)
      if (!ok) failures.push(`${route.method} ${route.url}: ${res.statusCode}`)
    }
    assert.deepEqual(failures, [])
  })

  test('refused attempts are on record in the audit log', async () => {
    const s = sessions.get('entity_user')!
    await t.app.inject({ method: 'GET', url: '/staff', headers: { cookie: s.cookie } })
    const denied = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'access.denied'))
    assert.ok(denied.some((r) => r.actorUserId === s.userId && (r.payload as { url: string }).url === '/staff'))
  })
})
