/**
 * The people and businesses the case tests (issue 8) start from: an examiner and a supervisor as
 * actors, two businesses with a user each, a business signed in to the portal, and the
 * "code messageKey" of an application error for assertions.
 */
import type { DbOrTx } from '#src/db/client.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { isAppError } from '#src/platform/errors.ts'
import { Client, makeEntity, makeUser } from './builders.ts'
import type { TestApp } from './test-app.ts'

export type UserActor = Extract<Actor, { kind: 'user' }>

/** An examiner ("ผู้ตรวจ") and a supervisor ("หัวหน้า"), made in that order. */
export async function makeOfficers(db: DbOrTx): Promise<{ examiner: UserActor; supervisor: UserActor }> {
  const ex = await makeUser(db, { role: 'examiner' })
  const sup = await makeUser(db, { role: 'supervisor' })
  return {
    examiner: { kind: 'user', id: ex.id, role: 'examiner', entityId: null, displayName: 'ผู้ตรวจ' },
    supervisor: { kind: 'user', id: sup.id, role: 'supervisor', entityId: null, displayName: 'หัวหน้า' },
  }
}

/** ห้างทองหนึ่ง with its admin (`biz`, "สมชาย") and ห้างทองสอง with a user (`other`, "สมศรี"). */
export async function makeTwoBusinesses(db: DbOrTx, opts: { ownerEmail?: string } = {}): Promise<{ biz: UserActor; other: UserActor }> {
  const e1 = await makeEntity(db, { nameTh: 'ห้างทองหนึ่ง' })
  const e2 = await makeEntity(db, { nameTh: 'ห้างทองสอง' })
  const u1 = await makeUser(db, { role: 'entity_admin', entityId: e1.id, ...(opts.ownerEmail ? { email: opts.ownerEmail } : {}) })
  const u2 = await makeUser(db, { role: 'entity_user', entityId: e2.id })
  return {
    biz: { kind: 'user', id: u1.id, role: 'entity_admin', entityId: e1.id, displayName: 'สมชาย' },
    other: { kind: 'user', id: u2.id, role: 'entity_user', entityId: e2.id, displayName: 'สมศรี' },
  }
}

/** A new business whose admin `username` is signed in to the portal. */
export async function signedInBusiness(t: TestApp, username: string) {
  const db = t.deps.database.db
  const entity = await makeEntity(db)
  await makeUser(db, { username, entityId: entity.id, role: 'entity_admin' })
  const client = new Client(t.app)
  await client.signIn(username)
  return { entity, client }
}

/** "code messageKey" of the application error `p` rejects with ("… field" too with `withField`), or "ok". */
export async function errorOf(p: Promise<unknown>, opts: { withField?: boolean } = {}): Promise<string> {
  try {
    await p
  } catch (e) {
    if (isAppError(e)) return `${e.code} ${e.messageKey}${opts.withField && e.params?.field ? ` ${e.params.field}` : ''}`
    throw e
  }
  return 'ok'
}
