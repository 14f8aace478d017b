import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { en } from '#locales/en/index.ts'
import { th } from '#locales/th/index.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import { validateSubmission } from '#src/questionnaire/engine/validate.ts'
import { definitionForVersion } from '#src/submissions/submissions.shared.ts'
import { GOLD_SHOP_ATTACHMENTS, goldShopAnswersV1 } from '#tests/fixtures/questionnaires/v1-gold-shop.ts'
import { WORKED_EXAMPLE_AS_OF, WORKED_EXAMPLE_ATTACHMENTS, workedExampleAnswersV1 } from '#tests/fixtures/scoring/v1-worked-example.ts'
import { rulesetV1 } from './rulesets/v1.ts'
import { CONTROL_BANDS, RISK_BANDS, type ControlArea, type ControlBand, type InherentFactor, type RiskBand, type Score } from './score.model.ts'
import { aggregate, controlBandOf, inherentBandOf, scoreSubmission } from './score.rules.ts'

const example = workedExampleAnswersV1
const score = (answers: Record<string, unknown>, opts: { previousAnswers?: Record<string, unknown>; attachments?: readonly { id: string }[] } = {}) =>
  scoreSubmission(rulesetV1, 'v1', answers, { attachments: WORKED_EXAMPLE_ATTACHMENTS, asOf: WORKED_EXAMPLE_AS_OF, ...opts })
const factorsOf = (s: Score) => Object.fromEntries(s.factors.map((f) => [f.factor, f.score]))
const areasOf = (s: Score) => Object.fromEntries(s.controls.map((c) => [c.area, c.score]))

const EXAMPLE_FACTORS: Record<InherentFactor, number> = { CUS: 2, PRD: 3, CHN: 1, GEO: 1, TXN: 3, ORG: 1 }
const EXAMPLE_AREAS: Record<ControlArea, number> = { C1: 2, C2: 1, C3: 2, C4: 1, C5: 2, C6: 3, C7: 1, C8: 0 }
const factors = (over: Partial<Record<InherentFactor, number>>) => ({ CUS: 1, PRD: 1, CHN: 1, GEO: 1, TXN: 1, ORG: 1, ...over })
const areas = (over: Partial<Record<ControlArea, number>>) => ({ C1: 2, C2: 2, C3: 2, C4: 2, C5: 2, C6: 2, C7: 2, C8: 2, ...over })

describe('the worked example of domain.md §6.7', () => {
  test('aggregation: the stated factor and area scores give IRS 2.15, CE 50 %, Medium-High', () => {
    assert.deepEqual(aggregate(rulesetV1, EXAMPLE_FACTORS, EXAMPLE_AREAS), {
      irs: 2.15,
      cePercent: 50,
      inherentBand: 'medium_low',
      controlBand: 'needs_improvement',
      matrixBand: 'medium_high',
    })
  })

  test('end to end: a valid answer set gives the same indicator-level scores and result', async () => {
    const valid = await validateSubmission(definitionForVersion('v1'), example, { today: WORKED_EXAMPLE_AS_OF, attachments: [...WORKED_EXAMPLE_ATTACHMENTS] })
    assert.deepEqual(valid.problems, [])
    const s = score(example)
    assert.deepEqual(factorsOf(s), EXAMPLE_FACTORS)
    assert.deepEqual(areasOf(s), EXAMPLE_AREAS)
    assert.equal(s.factors.find((f) => f.factor === 'PRD')!.mean, 3.4)
    assert.equal(s.irs, 2.15)
    assert.equal(s.inherentBand, 'medium_low')
    assert.equal(s.cePercent, 50)
    assert.equal(s.controlBand, 'needs_improvement')
    assert.equal(s.matrixBand, 'medium_high')
    assert.equal(s.residualBand, 'medium_high')
    assert.deepEqual(s.automaticFloors, [])
    assert.deepEqual(s.flags, [])
    assert.equal(s.rulesetVersion, 'v1')
  })

  test('each factor explains itself with the answers that drove it', () => {
    const cus = score(example).factors.find((f) => f.factor === 'CUS')!
    const foreign = cus.contributions.find((c) => c.id === 'CUS.foreignShare')!
    assert.equal(foreign.points, 2)
    assert.deepEqual(foreign.params, { value: 12, points: 2 })
    assert.ok(foreign.fieldIds.includes('D01_foreignIndividuals'))
    assert.equal(createTranslator('th')(foreign.messageKey, foreign.params), 'ลูกค้าต่างชาติ 12% ของลูกค้าทั้งหมด ได้ 2 คะแนน')
    assert.equal(createTranslator('en')(foreign.messageKey, foreign.params), 'Foreign customers are 12% of all customers: 2 points')
  })
})

describe('bands', () => {
  const inherent: [number, RiskBand][] = [
    [1, 'low'],
    [1.74, 'low'],
    [1.75, 'medium_low'],
    [2.49, 'medium_low'],
    [2.5, 'medium_high'],
    [3.24, 'medium_high'],
    [3.25, 'high'],
    [4, 'high'],
  ]
  for (const [irs, band] of inherent) test(`IRS ${irs} → ${band}`, () => assert.equal(inherentBandOf(rulesetV1, irs), band))

  const control: [number, ControlBand][] = [
    [0, 'weak'],
    [39.99, 'weak'],
    [40, 'needs_improvement'],
    [59.99, 'needs_improvement'],
    [60, 'adequate'],
    [79.99, 'adequate'],
    [80, 'strong'],
    [100, 'strong'],
  ]
  for (const [ce, band] of control) test(`CE ${ce} % → ${band}`, () => assert.equal(controlBandOf(rulesetV1, ce), band))

  // Edges reached through the weighted sums, where binary floating point would otherwise miss them.
  const sums: [string, Record<InherentFactor, number>, Record<ControlArea, number>, number, number][] = [
    ['IRS exactly 1.75', factors({ CUS: 4 }), areas({}), 1.75, 66.67],
    ['IRS exactly 2.50', factors({ CUS: 4, TXN: 4 }), areas({}), 2.5, 66.67],
    ['IRS exactly 3.25', factors({ PRD: 4, CHN: 4, GEO: 4, TXN: 4, ORG: 4 }), areas({}), 3.25, 66.67],
    ['CE exactly 40', factors({}), { C1: 3, C2: 1, C3: 3, C4: 0, C5: 0, C6: 1, C7: 0, C8: 0 }, 1, 40],
    ['CE exactly 60', factors({}), areas({ C2: 0 }), 1, 60],
    ['CE exactly 80', factors({}), areas({ C1: 3, C3: 3, C6: 3 }), 1, 80],
  ]
  for (const [name, f, a, irs, ce] of sums) {
    test(name, () => {
      const r = aggregate(rulesetV1, f, a)
      assert.equal(r.irs, irs)
      assert.equal(r.cePercent, ce)
      assert.equal(r.inherentBand, inherentBandOf(rulesetV1, irs))
      assert.equal(r.controlBand, controlBandOf(rulesetV1, ce))
    })
  }
})

describe('residual matrix (domain.md §6.4)', () => {
  const expected: Record<RiskBand, Record<ControlBand, RiskBand>> = {
    high: { strong: 'medium_high', adequate: 'medium_high', needs_improvement: 'high', weak: 'high' },
    medium_high: { strong: 'medium_low', adequate: 'medium_high', needs_improvement: 'medium_high', weak: 'high' },
    medium_low: { strong: 'low', adequate: 'medium_low', needs_improvement: 'medium_high', weak: 'medium_high' },
    low: { strong: 'low', adequate: 'low', needs_improvement: 'medium_low', weak: 'medium_high' },
  }
  // One factor/area combination landing in each band, to go through aggregate() rather than the table.
  const irsFor: Record<RiskBand, Record<InherentFactor, number>> = {
    low: factors({}),
    medium_low: factors({ CUS: 4 }),
    medium_high: factors({ CUS: 4, TXN: 4 }),
    high: factors({ CUS: 4, PRD: 4, GEO: 4, TXN: 4 }),
  }
  const ceFor: Record<ControlBand, Record<ControlArea, number>> = {
    strong: areas({ C1: 3, C2: 3, C3: 3, C4: 3, C5: 3, C6: 3, C7: 3, C8: 3 }),
    adequate: areas({}),
    needs_improvement: areas({ C1: 1, C2: 1, C3: 1, C4: 1 }),
    weak: areas({ C1: 0, C2: 0, C3: 0, C4: 0, C5: 0 }),
  }
  for (const i of RISK_BANDS) {
    for (const c of CONTROL_BANDS) {
      test(`${i} × ${c} → ${expected[i][c]}`, () => {
        const r = aggregate(rulesetV1, irsFor[i], ceFor[c])
        assert.equal(r.inherentBand, i)
        assert.equal(r.controlBand, c)
        assert.equal(r.matrixBand, expected[i][c])
      })
    }
  }
})

describe('automatic floors (domain.md §6.5)', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['B07 convicted', { B07_convicted: 'yes' }, ['LEGAL_HISTORY']],
    ['B07 asset action', { B07_assetAction: 'yes' }, ['LEGAL_HISTORY']],
    ['B07 listed', { B07_listed: 'yes' }, ['LEGAL_HISTORY']],
    ['no officer and no written policy', { B11: [], C1_1: 'no', C1_1_evidence: undefined, C1_1_approvedOn: undefined }, ['NO_OFFICER_NO_POLICY']],
    ['no officer but a policy', { B11: [] }, []],
    ['no policy but an officer', { C1_1: 'no', C1_1_evidence: undefined, C1_1_approvedOn: undefined }, []],
    ['a designated-person match and no freeze-and-report procedure', { C4_4_matches: 1, C4_4: 'no' }, ['DESIGNATED_MATCH_NOT_REPORTED']],
    ['a designated-person match and no report filed', { C4_4_matches: 2, C5_4: 0 }, ['DESIGNATED_MATCH_NOT_REPORTED']],
    ['a designated-person match, procedure in place and reported', { C4_4_matches: 1, C4_4: 'yes', C5_4: 2 }, []],
  ]
  for (const [name, over, codes] of cases) {
    test(name, () => {
      const s = score({ ...example, ...over })
      assert.deepEqual(
        s.automaticFloors.map((f) => f.code),
        codes,
      )
      assert.equal(s.residualBand, codes.length ? 'high' : s.matrixBand)
    })
  }

  describe('a previous inspection\'s critical finding still open past its deadline (input from the cases module)', () => {
    const table: [string, { count: number; oldestDueOn: string } | null | undefined, Record<string, unknown>, string[], string][] = [
      ['none given', undefined, {}, [], 'medium_high'],
      ['none open', null, {}, [], 'medium_high'],
      ['a count of 0', { count: 0, oldestDueOn: '2026-07-01' }, {}, [], 'medium_high'],
      ['one open: at least High', { count: 1, oldestDueOn: '2026-07-01' }, {}, ['OPEN_CRITICAL_FINDING'], 'high'],
      ['with another floor: both explained', { count: 2, oldestDueOn: '2026-05-01' }, { B07_listed: 'yes' }, ['LEGAL_HISTORY', 'OPEN_CRITICAL_FINDING'], 'high'],
    ]
    for (const [name, open, over, codes, band] of table) {
      test(name, () => {
        const s = scoreSubmission(rulesetV1, 'v1', { ...example, ...over }, { attachments: WORKED_EXAMPLE_ATTACHMENTS, asOf: WORKED_EXAMPLE_AS_OF, openCriticalFindings: open })
        assert.deepEqual(s.automaticFloors.map((f) => f.code), codes)
        assert.equal(s.residualBand, band)
        const floor = s.automaticFloors.find((f) => f.code === 'OPEN_CRITICAL_FINDING')
        if (floor) assert.deepEqual([floor.band, floor.messageKey, floor.params, floor.fieldIds], ['high', 'cases.floor.openCriticalFinding', { count: open!.count, dueOn: open!.oldestDueOn }, []])
      })
    }
  })

  test('a floor never lowers a rating', () => {
    const s = score({ ...example, B07_listed: 'yes', D12_cash: 80, D12_transfer: 15, D14_count: 80, C5_2: 80 })
    assert.equal(s.automaticFloors.length, 1)
    assert.equal(s.residualBand, 'high')
  })
})

describe('factor adjustments and floors (domain.md §6.2)', () => {
  const cases: [string, Record<string, unknown>, InherentFactor, number, string][] = [
    ['a designated-person match → CUS 4', { C4_4_matches: 1 }, 'CUS', 4, 'CUS.designatedMatch'],
    ['an HR-list customer → CUS ≥ 3', { D05: 1 }, 'CUS', 3, 'CUS.hrListFloor'],
    ['a foreign PEP → CUS ≥ 3', { D03_foreign: 1 }, 'CUS', 3, 'CUS.foreignPep'],
    ['new products → PRD + 1', { D10: ['online_gold_savings'] }, 'PRD', 4, 'PRD.newProducts'],
    ['online only → CHN ≥ 3', { D11_faceToFace: 0, D11_online: 100 }, 'CHN', 4, 'CHN.onlineOnly'],
    ['agents → CHN ≥ 2', { B13: 'yes', B13_count: 3 }, 'CHN', 2, 'CHN.agents'],
    ['a call-for-action nationality → GEO 4', { D06: [{ nationality: 'เกาหลีเหนือ', percent: 1 }] }, 'GEO', 4, 'GEO.callForAction'],
    ['a branch in a border province → GEO ≥ 2', { B09: [{ name: 'สาขาแม่สาย', branchCode: '00002', address: { province: 'เชียงราย' }, staff: 2 }] }, 'GEO', 2, 'GEO.borderProvinces'],
    ['cash > 60 % and ≥ 10 large cash transactions → TXN 4', { D12_cash: 61, D12_transfer: 34 }, 'TXN', 4, 'TXN.cashHeavy'],
    ['any crypto → TXN ≥ 3', { D12_cash: 5, D12_transfer: 90, D12_card: 4, D12_crypto: 1, D14_count: 0 }, 'TXN', 3, 'TXN.crypto'],
    ['juristic shareholder → ORG ≥ 3', { B03: [{ holderName: 'บริษัท ก จำกัด', holderType: 'juristic', country: 'ไทย', sharePercent: 100 }] }, 'ORG', 3, 'ORG.complexOwnership'],
    ['foreign shareholder → ORG ≥ 3', { B03: [{ holderName: 'Mr A', holderType: 'natural', country: 'Singapore', sharePercent: 100 }] }, 'ORG', 3, 'ORG.complexOwnership'],
    ['B07 yes → ORG 4', { B07_convicted: 'yes' }, 'ORG', 4, 'ORG.legalHistory'],
    ['incorporated a year ago → ORG + 1', { A05: '2025-11-01', A17: '2025-12-01' }, 'ORG', 2, 'ORG.newEntity'],
  ]
  for (const [name, over, factor, expected, adjustment] of cases) {
    test(name, () => {
      const f = score({ ...example, ...over }).factors.find((x) => x.factor === factor)!
      assert.equal(f.score, expected)
      assert.ok(
        f.adjustments.some((a) => a.id === adjustment),
        `${adjustment} in ${f.adjustments.map((a) => a.id).join(', ')}`,
      )
    })
  }

  test('+1 adjustments are capped at 4', () => {
    const prd = score({ ...example, G01_bullion: 100, G01_jewellery: 0, D09: [{ product: 'gold_bullion', share: 100 }], D10: ['e_wallets'] }).factors.find((f) => f.factor === 'PRD')!
    assert.equal(prd.score, 4)
  })
})

describe('controls', () => {
  test('"yes" without an attached document counts as partly', () => {
    const withDoc = score(example).controls.find((c) => c.area === 'C1')!.contributions.find((c) => c.id === 'C1.policy')!
    const without = score(example, { attachments: [] }).controls.find((c) => c.area === 'C1')!.contributions.find((c) => c.id === 'C1.policy')!
    assert.deepEqual([withDoc.points, withDoc.params.answer], [2, 'yes'])
    assert.deepEqual([without.points, without.params.answer], [1, 'yes_no_evidence'])
  })

  test('"never examined" leaves the remediation question out of C8', () => {
    const c8 = score({ ...example, C8_1: 'yes', C8_1_evidence: [{ attachmentId: 'att-era', documentType: 'AUDIT_REPORT' }], C8_1_date: '2026-01-01', C8_1_fixed: 'yes', B14: 'in_house' }).controls.find((c) => c.area === 'C8')!
    assert.ok(!c8.contributions.some((c) => c.id === 'C8.remediation'))
    assert.equal(c8.score, 3)
  })

  test('cash transactions without any CTR cost C5 a point', () => {
    const c5 = score({ ...example, C5_2: 0 }).controls.find((c) => c.area === 'C5')!
    assert.equal(c5.score, 1)
    assert.equal(c5.penalties[0]!.params.flag, 'CTR_NOT_FILED')
  })
})

describe('consistency flags (domain.md §6.6)', () => {
  const cases: [string, Record<string, unknown>, string, Record<string, unknown> | undefined][] = [
    ['large cash transactions but no CTR', { C5_2: 0 }, 'CTR_NOT_FILED', undefined],
    ['high-risk customers but no STR', { C5_4: 0 }, 'STR_NEVER_FILED', undefined],
    ['many transactions just below the threshold', { D15: 10 }, 'STRUCTURING', undefined],
    ['a policy "yes" without a document', { C1_1_evidence: [] }, 'POLICY_NO_EVIDENCE', undefined],
    ['a policy approved more than 3 years ago', { C1_1_approvedOn: '2023-03-01' }, 'POLICY_OUTDATED', undefined],
    ['shareholdings over 100 %', { B03: [{ holderName: 'ก', holderType: 'natural', country: 'ไทย', sharePercent: 70 }, { holderName: 'ข', holderType: 'natural', country: 'ไทย', sharePercent: 40 }] }, 'SHAREHOLDING_OVER_100', undefined],
    ['no beneficial owner', { B04: [] }, 'NO_BENEFICIAL_OWNER', undefined],
    ['a director ID failing its check digit', { B01: [{ ...(goldShopAnswersV1.B01 as Record<string, unknown>[])[0], thaiId: '3100600445636' }] }, 'DIRECTOR_ID_INVALID', undefined],
    ['cash share changed sharply since last year', {}, 'SHARP_CHANGE', { ...example, D12_cash: 80, D12_transfer: 15 }],
    ['large cash transactions changed sharply since last year', {}, 'SHARP_CHANGE', { ...example, D14_count: 60 }],
  ]
  for (const [name, over, code, previous] of cases) {
    test(name, () => {
      const s = score({ ...example, ...over }, previous ? { previousAnswers: previous } : {})
      assert.deepEqual(
        s.flags.map((f) => f.code),
        [code],
      )
    })
  }

  test('no STR two years running says "several years"', () => {
    const s = score({ ...example, C5_4: 0 }, { previousAnswers: { ...example, C5_4: 0 } })
    assert.equal(s.flags[0]!.messageKey, 'scoring.flag.STR_NEVER_FILED.years')
  })

  test('the near-threshold flag also raises TXN by one', () => {
    const txn = score({ ...example, D15: 10 }).factors.find((f) => f.factor === 'TXN')!
    assert.equal(txn.score, 4)
  })
})

describe('determinism and reproduction', () => {
  test('the same input gives an identical score', () => {
    assert.deepEqual(score(example), score(structuredClone(example)))
  })

  test('a stored score (JSON) is reproduced from its inputs and ruleset version', () => {
    const previous = { ...goldShopAnswersV1 }
    const original = scoreSubmission(rulesetV1, 'v1', goldShopAnswersV1, { attachments: GOLD_SHOP_ATTACHMENTS, previousAnswers: previous, previousSubmissionId: 'prev-1', asOf: '2026-11-29' })
    const stored = JSON.parse(JSON.stringify(original)) as Score
    assert.deepEqual(stored, original)
    const again = scoreSubmission(rulesetV1, stored.definitionVersion, JSON.parse(JSON.stringify(goldShopAnswersV1)), {
      attachments: GOLD_SHOP_ATTACHMENTS,
      previousAnswers: previous,
      previousSubmissionId: stored.previousSubmissionId,
      asOf: stored.asOf,
    })
    assert.deepEqual(again, stored)
  })
})

describe('explanations render in Thai and English', () => {
  const samples = [
    score(example),
    score(goldShopAnswersV1, { attachments: GOLD_SHOP_ATTACHMENTS }),
    score({ ...example, B07_listed: 'yes', C5_2: 0, C5_4: 0, D15: 10, B04: [], C4_4_matches: 1, C4_4: 'no', C1_1_evidence: [] }, { previousAnswers: { ...example, D12_cash: 5, D12_transfer: 90 } }),
  ]
  for (const locale of ['th', 'en'] as const) {
    test(locale, () => {
      const t = createTranslator(locale)
      const catalog: Record<string, string> = locale === 'th' ? th : en
      for (const s of samples) {
        const lines = [
          ...s.factors.flatMap((f) => [...f.contributions, ...f.adjustments]),
          ...s.controls.flatMap((c) => [...c.contributions, ...c.penalties]),
          ...s.flags,
          ...s.automaticFloors,
        ]
        for (const line of lines) {
          assert.ok(Object.hasOwn(catalog, line.messageKey), line.messageKey)
          const text = t(line.messageKey, line.params)
          assert.ok(text && !text.includes('{'), `${line.messageKey}: ${text}`)
        }
      }
    })
  }
})
