/**
 * The demo assessment cycle: "รอบการประเมินปี 2569", questionnaire v1, opened, due well after the
 * seed time. Idempotent (skipped when the cycle exists). Used by the embedded first start and
 * `npm run seed`.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Db } from '#src/db/client.ts'
import { findCycleByCode, insertCycle } from '#src/submissions/submissions.repo.ts'

export const DEMO_CYCLE = {
  code: '2569',
  nameTh: 'รอบการประเมินปี 2569',
  nameEn: 'Assessment cycle 2026 (B.E. 2569)',
  definitionVersion: 'v1',
  periodStart: '2025-10-01',
  periodEnd: '2026-09-30',
} as const

const DAY = 24 * 60 * 60 * 1000

/** Returns 1 when the cycle was added, 0 when it was already there. */
export async function seedDemoCycle(db: Db, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    if (await findCycleByCode(tx, DEMO_CYCLE.code)) return 0
    const opensAt = new Date(Math.min(Date.parse('2026-10-01T00:00:00+07:00'), now.getTime() - 60_000))
    const cycle = await insertCycle(tx, { ...DEMO_CYCLE, opensAt, deadline: new Date(now.getTime() + 120 * DAY), createdAt: now })
    await appendAudit(tx, { at: now, actorUserId: null, actorRole: 'system' }, { action: 'cycle.opened', code: cycle.code }, { targetType: 'cycle', targetId: cycle.id })
    return 1
  })
}
