/**
 * Demo accounts for every role (listed in README.md). Seeded only into a NEW embedded database
 * (first `npm start`), by `npm run seed` on it, or on PostgreSQL by `npm run seed -- --demo-accounts`;
 * never in production, where there are
 * no default accounts (ASVS V6.3.2). Staff accounts enrol their authenticator at first sign-in.
 */
import { eq } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { emailKey } from '#src/identity/identity.rules.ts'
import type { UserStatus } from '#src/identity/identity.model.ts'
import { hashPassword } from '#src/identity/passwords.ts'
import type { Role } from '#src/identity/permissions.ts'
import { users } from '#src/identity/users.tables.ts'
import { DEMO_BUSINESSES } from './registry-generator.ts'

export const DEMO_PASSWORD = 'amrac-demo-2026'

export type DemoAccount = {
  username: string
  role: Role
  status: UserStatus
  /** Juristic number of the demo business, for entity users. */
  business?: string
  firstName: string
  lastName: string
  position: string
  note: string
}

const YAOWARAT = DEMO_BUSINESSES[0]!.juristicId
const CARS = DEMO_BUSINESSES.find((b) => b.primaryBusinessType === 'car_dealer')!.juristicId

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'thongdee.admin', role: 'entity_admin', status: 'active', business: YAOWARAT, firstName: 'สมชาย', lastName: 'ทองดี', position: 'กรรมการผู้จัดการ', note: 'entity administrator of the Yaowarat gold shop' },
  { username: 'thongdee.staff', role: 'entity_user', status: 'active', business: YAOWARAT, firstName: 'สมหญิง', lastName: 'ใจดี', position: 'เจ้าหน้าที่ปฏิบัติตามกฎหมาย', note: 'entity user of the same gold shop' },
  { username: 'thongdee.new', role: 'entity_user', status: 'pending_approval', business: YAOWARAT, firstName: 'วิชัย', lastName: 'รอคอย', position: 'พนักงานบัญชี', note: 'registrant waiting for approval (cannot sign in yet)' },
  { username: 'cars.admin', role: 'entity_admin', status: 'active', business: CARS, firstName: 'ประเสริฐ', lastName: 'ยนต์ดี', position: 'ผู้จัดการ', note: 'entity administrator of a car dealer' },
  { username: 'examiner', role: 'examiner', status: 'active', firstName: 'อารีย์', lastName: 'ตรวจสอบ', position: 'ผู้ตรวจสอบ กองกำกับและตรวจสอบ 7', note: 'AMLO examiner (enrols TOTP at first sign-in)' },
  { username: 'supervisor', role: 'supervisor', status: 'active', firstName: 'ธนพล', lastName: 'กำกับดี', position: 'ผู้อำนวยการกอง', note: 'AMLO supervisor (enrols TOTP at first sign-in)' },
  { username: 'admin', role: 'admin', status: 'active', firstName: 'ผู้ดูแล', lastName: 'ระบบ', position: 'ผู้ดูแลระบบ AMRAC', note: 'system administrator (enrols TOTP at first sign-in)' },
  { username: 'helpdesk', role: 'admin', status: 'active', firstName: 'วิภา', lastName: 'ช่วยเหลือ', position: 'ผู้ดูแลระบบ AMRAC (งานช่วยเหลือผู้ใช้งาน)', note: 'second system administrator (support tickets, registry); the browser tests run admin journeys in parallel' },
  { username: 'registrar', role: 'admin', status: 'active', firstName: 'กิตติ', lastName: 'ทะเบียนดี', position: 'ผู้ดูแลระบบ AMRAC (ทะเบียนผู้มีหน้าที่รายงาน)', note: 'third system administrator (support tickets, registry); the browser tests run admin journeys in parallel' },
]

/** Adds the demo accounts that are missing; returns how many were added. */
export async function seedDemoAccounts(db: DbOrTx, now = new Date()): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  let added = 0
  for (const a of DEMO_ACCOUNTS) {
    let entityId: string | null = null
    if (a.business) {
      const [e] = await db.select({ id: reportingEntities.id }).from(reportingEntities).where(eq(reportingEntities.juristicId, a.business)).limit(1)
      if (!e) continue
      entityId = e.id
    }
    const email = `${a.username}@example.com`
    const rows = await db
      .insert(users)
      .values({
        entityId,
        role: a.role,
        status: a.status,
        username: a.username,
        usernameKey: a.username,
        email,
        emailKey: emailKey(email),
        emailVerifiedAt: now,
        title: 'other',
        firstName: a.firstName,
        lastName: a.lastName,
        position: a.position,
        phone: '+66812345678',
        passwordHash,
        passwordChangedAt: now,
        approvedAt: a.status === 'active' ? now : null,
      })
      .onConflictDoNothing()
      .returning({ id: users.id })
    added += rows.length
  }
  return added
}
