/**
 * Data for the questionnaire scenarios (issue 4), written straight into the bench's database with
 * the app's own modules while the server is stopped (PGlite allows one process; the same code runs
 * on PostgreSQL): the demo registry, accounts and cycle 2569 (idempotent; main.ts seeds only an
 * empty embedded database, so on PostgreSQL this is what `npm run seed -- --demo-accounts` does),
 * two businesses for the render and save scenarios, and the deadline rush's businesses, each with
 * one active entity user and a complete, valid draft (the gold shop of
 * tests/fixtures/questionnaires/v1-gold-shop.ts, stored as assessment.http.test.ts `fillComplete`
 * does). Afterwards `verifyRush` counts what the rush left in the database.
 */
import { eq, like } from 'drizzle-orm'
import { openDatabase, type DatabaseHandle, type DatabaseTarget } from '#src/db/client.ts'
import { seedDemoAccounts } from '#src/db/seed/demo-accounts.ts'
import { DEMO_CYCLE, seedDemoCycle } from '#src/db/seed/demo-cycle.ts'
import { seedIfEmpty } from '#src/db/seed/seed.ts'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { normaliseNameForSearch } from '#src/entities/entity-name.rules.ts'
import { thaiId13CheckDigit } from '#src/entities/juristic-id.rules.ts'
import { emailKey } from '#src/identity/identity.rules.ts'
import { hashPassword } from '#src/identity/passwords.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { insertUser } from '#src/identity/users.repo.ts'
import { users } from '#src/identity/users.tables.ts'
import { systemClock } from '#src/platform/clock.ts'
import { answersForPart } from '#src/questionnaire/engine/index.ts'
import { getAssessmentForActor } from '#src/submissions/get-assessment.ts'
import { insertAttachment, upsertPartAnswers } from '#src/submissions/submissions.repo.ts'
import { definitionForVersion } from '#src/submissions/submissions.shared.ts'
import { assessmentCycles, submissions } from '#src/submissions/submissions.tables.ts'
import { GOLD_SHOP_ATTACHMENTS, goldShopAnswersV1 } from '#tests/fixtures/questionnaires/v1-gold-shop.ts'

export const BENCH_PASSWORD = 'amrac-bench-password-2026'
export const CYCLE = DEMO_CYCLE.code
/** Signed in for "render part ง": a business whose draft is complete (every question of part ง answered). */
export const RENDER_USER = 'bench.render'
/** Signed in for "save a draft". */
export const DRAFT_USER = 'bench.draft'
export const rushUser = (i: number) => `bench.rush${String(i).padStart(5, '0')}`
const RUSH_PREFIX = 'bench.rush'

/** The database the app child uses, from the environment the harness gives it (as src/platform/config.ts reads it). */
export function databaseTarget(appEnv: Record<string, string>): DatabaseTarget {
  return appEnv.DATABASE_URL ? { kind: 'postgres', url: appEnv.DATABASE_URL, poolMax: 10 } : { kind: 'pglite', dir: `${appEnv.DATA_DIR}/pgdata` }
}

export async function withDatabase<T>(target: DatabaseTarget, fn: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = await openDatabase(target)
  try {
    return await fn(database)
  } finally {
    await database.close()
  }
}

/** Bench juristic numbers: 0-99-… is not used by the demo registry generator (province codes 10–96). */
function benchJuristicId(seq: number): string {
  const first12 = `0995${String(seq).padStart(8, '0')}`
  return `${first12}${thaiId13CheckDigit(first12)}`
}

type BenchBusiness = { entityId: string; userId: string; username: string }

async function makeBusiness(database: DatabaseHandle, seq: number, username: string, passwordHash: string): Promise<BenchBusiness> {
  const db = database.db
  const nameTh = `ร้านทองทดสอบความเร็ว ${seq}`
  const [entity] = await db
    .insert(reportingEntities)
    .values({
      juristicId: benchJuristicId(seq),
      nameTh,
      legalForm: 'company_limited',
      primaryBusinessType: 'precious_goods',
      businessTypes: ['precious_goods'],
      addressLine: '215 ถนนเยาวราช',
      subdistrict: 'จักรวรรดิ์',
      district: 'สัมพันธวงศ์',
      province: 'กรุงเทพมหานคร',
      postcode: '10100',
      nameSearch: normaliseNameForSearch(nameTh),
    })
    .returning()
  const email = `${username}@example.com`
  const user = await insertUser(db, {
    entityId: entity!.id,
    role: 'entity_admin',
    status: 'active',
    username,
    usernameKey: username,
    email,
    emailKey: emailKey(email),
    emailVerifiedAt: new Date(),
    firstName: 'สมชาย',
    lastName: 'ทองดี',
    position: 'กรรมการผู้จัดการ',
    phone: '+66812345678',
    passwordHash,
    locale: 'th',
  })
  return { entityId: entity!.id, userId: user.id, username }
}

/** Stores the gold shop's complete answers and its four attachments (as if uploaded), like `fillComplete`. */
async function fillComplete(database: DatabaseHandle, b: BenchBusiness): Promise<void> {
  const db = database.db
  const def = definitionForVersion('v1')!
  const actor: Actor & { kind: 'user' } = { kind: 'user', id: b.userId, role: 'entity_admin', entityId: b.entityId, displayName: 'สมชาย ทองดี' }
  const view = await getAssessmentForActor({ database, clock: systemClock }, { actor, cycleCode: CYCLE })
  const now = systemClock.now()
  const ids: Record<string, string> = {}
  for (const [i, ref] of GOLD_SHOP_ATTACHMENTS.entries()) {
    const row = await insertAttachment(db, {
      assessmentId: view.assessmentId,
      entityId: b.entityId,
      partId: ref.documentType === 'AML_POLICY' || ref.documentType === 'ENTERPRISE_RISK_ASSESSMENT' ? 'part-c' : 'part-a',
      fieldId: null,
      documentType: ref.documentType,
      fileKey: `${i}`.padStart(32, '0'),
      displayName: `เอกสาร-${i}.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: 1234,
      sha256: 'a'.repeat(64),
      uploadedBy: b.userId,
      uploadedAt: now,
    })
    ids[ref.id] = row.id
  }
  const answers = JSON.parse(JSON.stringify(goldShopAnswersV1), (k, v: unknown) => (k === 'attachmentId' && typeof v === 'string' ? ids[v] : v)) as Record<string, unknown>
  const all = { ...answers, A01: view.answers.A01, A02: view.answers.A02 }
  for (const part of def.parts) {
    await upsertPartAnswers(db, { assessmentId: view.assessmentId, partId: part.id, answers: { ...answersForPart(def, all, part.id) }, now, userId: b.userId })
  }
}

/** Runs `fn` for 0..n-1, at most `limit` at a time. */
export async function pool(n: number, limit: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, n) }, async () => {
      while (next < n) await fn(next++)
    }),
  )
}

/** The demo registry, accounts and cycle 2569, as on an embedded first start (each step skips what exists). */
export async function prepareDemo(database: DatabaseHandle): Promise<void> {
  await seedIfEmpty(database.db)
  await seedDemoAccounts(database.db)
  await seedDemoCycle(database.db)
}

let hash: Promise<string> | undefined
const benchHash = () => (hash ??= hashPassword(BENCH_PASSWORD))

const exists = async (database: DatabaseHandle, username: string) =>
  (await database.db.select({ id: users.id }).from(users).where(eq(users.usernameKey, username)).limit(1)).length > 0

/** The demo data plus the businesses of "render part ง" (complete draft) and "save a draft" (no draft yet). */
export async function prepareQuestionnaire(database: DatabaseHandle): Promise<void> {
  await prepareDemo(database)
  if (await exists(database, RENDER_USER)) return
  await fillComplete(database, await makeBusiness(database, 1, RENDER_USER, await benchHash()))
  await makeBusiness(database, 2, DRAFT_USER, await benchHash())
}

/** The rush's businesses: `rushUser(0..n-1)`, each with a complete draft. Once per database. */
export async function prepareRush(database: DatabaseHandle, n: number): Promise<void> {
  const t0 = performance.now()
  await prepareDemo(database)
  if (await exists(database, rushUser(0))) throw new Error('the rush businesses exist already: the rush needs a fresh database')
  const passwordHash = await benchHash()
  // PGlite runs one statement at a time; PostgreSQL takes a few in parallel.
  await pool(n, database.kind === 'postgres' ? 8 : 1, async (i) => {
    await fillComplete(database, await makeBusiness(database, 1000 + i, rushUser(i), passwordHash))
  })
  process.stderr.write(`  rush: ${n} businesses with complete drafts stored in ${Math.round(performance.now() - t0)} ms\n`)
}

export type RushCheck = { submissions: number; distinctRefs: number; gaps: number; lost: number; duplicates: number; mismatched: number }

/**
 * What the rush left in the database: one submission per rush business (`lost` counts those
 * without, `duplicates` the extra ones), receipt numbers 1..N without gaps, and each business's
 * receipt the one its response pointed to (`mismatched`).
 */
export async function verifyRush(database: DatabaseHandle, expected: Map<string, string | undefined>): Promise<RushCheck> {
  const db = database.db
  const [cycle] = await db.select({ id: assessmentCycles.id }).from(assessmentCycles).where(eq(assessmentCycles.code, CYCLE))
  const rows = await db.select({ entityId: submissions.entityId, receiptRef: submissions.receiptRef }).from(submissions).where(eq(submissions.cycleId, cycle!.id))
  const rushUsers = (await db.select({ username: users.username, entityId: users.entityId }).from(users).where(like(users.username, `${RUSH_PREFIX}%`))).filter((u) =>
    expected.has(u.username),
  )
  const byEntity = new Map<string, string[]>()
  for (const r of rows) byEntity.set(r.entityId, [...(byEntity.get(r.entityId) ?? []), r.receiptRef])
  let lost = 0
  let duplicates = 0
  let mismatched = 0
  for (const u of rushUsers) {
    const refs = byEntity.get(u.entityId!) ?? []
    if (refs.length === 0) lost++
    duplicates += Math.max(0, refs.length - 1)
    const answered = expected.get(u.username)
    if (refs.length === 1 && answered !== refs[0]) mismatched++
  }
  lost += expected.size - rushUsers.length
  const numbers = new Set(rows.map((r) => Number(/-(\d+)$/.exec(r.receiptRef)?.[1])))
  let gaps = 0
  for (let n = 1; n <= rows.length; n++) if (!numbers.has(n)) gaps++
  return { submissions: rows.length, distinctRefs: new Set(rows.map((r) => r.receiptRef)).size, gaps, lost, duplicates, mismatched }
}
