/**
 * The last active admin (issue 7) at the use-case level: the rule holds even for an actor whose
 * own account was removed a moment ago (a request already past its permission check), for every
 * way out of the admin set — lock, deactivate, demote — and each refusal changes nothing.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { fixedClock } from '#src/platform/clock.ts'
import { loadConfig } from '#src/platform/config.ts'
import { isAppError } from '#src/platform/errors.ts'
import { makeUser } from '#tests/support/builders.ts'
import { createTestDatabase, type TestDatabase } from '#tests/support/test-db.ts'
import { changeStaffRole } from './change-staff-role.ts'
import { lockUser } from './lock-user.ts'
import { manageEntityUser } from './manage-entity-user.ts'
import type { Actor } from './permissions.ts'
import { unsafeFindUserById, updateUser, type User } from './users.repo.ts'

let tdb: TestDatabase
const clock = fixedClock('2026-11-29T03:00:00Z')
before(async () => {
  tdb = await createTestDatabase()
})
after(() => tdb.close())
beforeEach(() => tdb.reset())

const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent-test-data' })
const deps = () => ({ database: tdb.handle, clock, config })
const actorOf = (u: User): Actor => ({ kind: 'user', id: u.id, role: 'admin', entityId: null, displayName: 'ก ข' })
const meta = { ip: '127.0.0.1', userAgent: undefined }

const lastAdminRefusal = (e: unknown) => isAppError(e) && e.code === 'INVALID_TRANSITION' && e.messageKey === 'admin.user.lastAdmin'

describe('the last active admin', () => {
  test('cannot be locked, deactivated or demoted by an admin who was just removed', async () => {
    const db = tdb.handle.db
    const stale = await makeUser(db, { role: 'admin', username: 'admin.stale' })
    const last = await makeUser(db, { role: 'admin', username: 'admin.last' })
    // The actor's own account is locked by someone else after their request was authorised.
    await updateUser(db, stale.id, { status: 'locked' })
    const actor = actorOf(stale)

    await assert.rejects(lockUser(deps(), { actor, userId: last.id, reason: 'x', ...meta }), lastAdminRefusal)
    await assert.rejects(manageEntityUser(deps(), { actor, userId: last.id, action: 'deactivate', ...meta }), lastAdminRefusal)
    await assert.rejects(changeStaffRole(deps(), { actor, userId: last.id, role: 'supervisor', ...meta }), lastAdminRefusal)
    const still = await unsafeFindUserById(db, last.id)
    assert.equal(still?.status, 'active')
    assert.equal(still?.role, 'admin')
  })

  test('with another active admin, each works', async () => {
    const db = tdb.handle.db
    const me = await makeUser(db, { role: 'admin', username: 'admin.me' })
    const other = await makeUser(db, { role: 'admin', username: 'admin.other' })
    assert.equal(await changeStaffRole(deps(), { actor: actorOf(me), userId: other.id, role: 'supervisor', ...meta }), 'changed')
    await updateUser(db, other.id, { role: 'admin' })
    await lockUser(deps(), { actor: actorOf(me), userId: other.id, reason: 'x', ...meta })
    assert.equal((await unsafeFindUserById(db, other.id))?.status, 'locked')
    await manageEntityUser(deps(), { actor: actorOf(me), userId: other.id, action: 'deactivate', ...meta })
    assert.equal((await unsafeFindUserById(db, other.id))?.status, 'deactivated')
  })
})
