import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { itemsFor, proposeSupervisionPlan, stableDraw, type PlanCandidate } from './plan.rules.ts'

const asOf = '2026-12-01'
const seed = '2569'
const candidate = (over: Partial<PlanCandidate> & Pick<PlanCandidate, 'entityId' | 'rating'>): PlanCandidate => ({ name: over.entityId, score: 2, lastOnsiteOn: null, lastDeskReviewOn: null, ...over })
const short = (items: { entityId: string; caseType: string; scope: string; dueOn: string }[]) => items.map((i) => `${i.entityId} ${i.caseType}/${i.scope} ${i.dueOn}`)

/** Ids whose stable draw falls under / over 10 % for a kind (found, not assumed). */
const idsByDraw = (kind: 'onsite' | 'desk', under: boolean, n: number) => {
  const out: string[] = []
  for (let i = 0; out.length < n; i++) if (stableDraw(`${seed}:${kind}:e${i}`) < 0.1 === under) out.push(`e${i}`)
  return out
}

describe('§7: what each rating gets', () => {
  test('table', () => {
    const [sampledOnsite] = idsByDraw('onsite', true, 1)
    const [notSampledOnsite] = idsByDraw('onsite', false, 1)
    const [sampledDesk] = idsByDraw('desk', true, 1)
    const [notSampledDesk] = idsByDraw('desk', false, 1)
    const rows: [PlanCandidate, string[]][] = [
      [candidate({ entityId: 'h1', rating: 'high' }), ['h1 onsite_inspection/full 2027-12-01']],
      // High: an on-site within the last 12 months is enough
      [candidate({ entityId: 'h2', rating: 'high', lastOnsiteOn: '2026-03-01' }), []],
      [candidate({ entityId: 'h3', rating: 'high', lastOnsiteOn: '2025-12-01' }), ['h3 onsite_inspection/full 2027-12-01']],
      [candidate({ entityId: 'mh1', rating: 'medium_high' }), ['mh1 onsite_inspection/risk_focused 2028-12-01', 'mh1 desk_review/standard 2027-12-01']],
      [candidate({ entityId: 'mh2', rating: 'medium_high', lastOnsiteOn: '2025-06-01', lastDeskReviewOn: '2026-01-10' }), []],
      [candidate({ entityId: 'mh3', rating: 'medium_high', lastOnsiteOn: '2024-11-30', lastDeskReviewOn: '2025-11-30' }), ['mh3 onsite_inspection/risk_focused 2028-12-01', 'mh3 desk_review/standard 2027-12-01']],
      // Medium-Low: desk review if none in 2 years; on-site only when sampled
      [candidate({ entityId: notSampledOnsite!, rating: 'medium_low' }), [`${notSampledOnsite} desk_review/standard 2027-12-01`]],
      [candidate({ entityId: notSampledOnsite!, rating: 'medium_low', lastDeskReviewOn: '2025-06-01' }), []],
      [candidate({ entityId: sampledOnsite!, rating: 'medium_low', lastDeskReviewOn: '2025-06-01' }), [`${sampledOnsite} onsite_inspection/sample 2027-12-01`]],
      // Low: desk review only when sampled; never on-site
      [candidate({ entityId: notSampledDesk!, rating: 'low' }), []],
      [candidate({ entityId: sampledDesk!, rating: 'low' }), [`${sampledDesk} desk_review/sample 2027-12-01`]],
    ]
    for (const [c, expected] of rows) assert.deepEqual(short(itemsFor(c, asOf, seed)), expected, `${c.entityId} ${c.rating}`)
  })

  test('samples are about the configured share and the same every time', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `entity-${i}`)
    const sampled = ids.filter((id) => itemsFor(candidate({ entityId: id, rating: 'low' }), asOf, seed).length > 0)
    assert.ok(sampled.length > 150 && sampled.length < 250, `${sampled.length} of 2000`)
    const again = ids.filter((id) => itemsFor(candidate({ entityId: id, rating: 'low' }), asOf, seed).length > 0)
    assert.deepEqual(again, sampled)
  })
})

describe('ordering and capacity', () => {
  const candidates: PlanCandidate[] = [
    candidate({ entityId: 'b', name: 'ข ทองคำ', rating: 'high', score: 3.1 }),
    candidate({ entityId: 'a', name: 'ก เพชร', rating: 'high', score: 3.1 }),
    candidate({ entityId: 'c', name: 'ค อัญมณี', rating: 'high', score: 3.6 }),
    candidate({ entityId: 'd', name: 'ง ที่ดิน', rating: 'medium_high', score: 3.9 }),
    candidate({ entityId: 'e', name: 'จ รถยนต์', rating: 'high', score: null }),
  ]

  test('rating, then score, then name; on-site before desk review', () => {
    const plan = proposeSupervisionPlan({ candidates, examiners: [{ userId: 'x', name: 'สมหญิง', capacity: 100 }], asOf, seed })
    assert.deepEqual(
      plan.items.map((i) => `${i.rank} ${i.entityId} ${i.caseType}`),
      ['1 c onsite_inspection', '2 a onsite_inspection', '3 b onsite_inspection', '4 e onsite_inspection', '5 d onsite_inspection', '6 d desk_review'],
    )
    assert.deepEqual(plan.overCapacity, [])
    // input order does not matter
    const reversed = proposeSupervisionPlan({ candidates: [...candidates].reverse(), examiners: [{ userId: 'x', name: 'สมหญิง', capacity: 100 }], asOf, seed })
    assert.deepEqual(reversed, plan)
  })

  test('capacity per examiner: most room first, a business keeps its examiner, the rest is over capacity', () => {
    const rows: [{ userId: string; name: string; capacity: number }[], string[], string[]][] = [
      // examiners (ties go to the first by name: กมล)                          assigned (entity:type→examiner)                         over capacity
      [[{ userId: 'p', name: 'ปรีชา', capacity: 2 }, { userId: 'k', name: 'กมล', capacity: 3 }], ['c:o→k', 'a:o→k', 'b:o→p', 'e:o→k', 'd:o→p'], ['d:d']],
      [[{ userId: 'k', name: 'กมล', capacity: 2 }], ['c:o→k', 'a:o→k'], ['b:o', 'e:o', 'd:o', 'd:d']],
      [[{ userId: 'k', name: 'กมล', capacity: 0 }], [], ['c:o', 'a:o', 'b:o', 'e:o', 'd:o', 'd:d']],
      [[], [], ['c:o', 'a:o', 'b:o', 'e:o', 'd:o', 'd:d']],
      // d's desk review follows its on-site to the same examiner
      [[{ userId: 'p', name: 'ปรีชา', capacity: 5 }, { userId: 'k', name: 'กมล', capacity: 2 }], ['c:o→p', 'a:o→p', 'b:o→p', 'e:o→k', 'd:o→p', 'd:d→p'], []],
    ]
    for (const [examiners, assigned, over] of rows) {
      const plan = proposeSupervisionPlan({ candidates, examiners, asOf, seed })
      assert.deepEqual(plan.items.map((i) => `${i.entityId}:${i.caseType[0]}→${i.assigneeUserId}`), assigned, JSON.stringify(examiners))
      assert.deepEqual(plan.overCapacity.map((i) => `${i.entityId}:${i.caseType[0]}`), over, JSON.stringify(examiners))
      assert.ok(plan.overCapacity.every((i) => i.assigneeUserId === null))
    }
  })
})
