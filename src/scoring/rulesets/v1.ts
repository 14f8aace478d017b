/**
 * Scoring ruleset v1 (domain.md §6) — DATA ONLY. Weights, thresholds, bands, the residual matrix,
 * automatic floors and flag thresholds live here so AMLO can recalibrate by adding a new version
 * (copy this file to v2.ts, change numbers, register it in ./index.ts). Never edit a ruleset that has
 * produced stored scores: a stored score names its ruleset version and must reproduce.
 *
 * Conventions: band edges are LOWER-INCLUSIVE (`atLeast`), e.g. domain.md's "< 5 % → 1; 5–20 → 2"
 * becomes [0→1, 5→2, …] and a value of exactly 20 scores the higher band. A factor is the rounded
 * (half up) weighted mean of its answered indicators, then its adjustments (+n capped at 4, or a
 * minimum). Where §6 gives no number, the value chosen is commented "choice:".
 * Questionnaire: calibrated on v1 (field ids as in src/questionnaire/definition/v1; money in satang). It
 * scores any other version, imported ones too, that has the questions it reads with compatible types
 * (rulesetReadsDefinition in ../ruleset-reads.rules.ts).
 */
import type { BandEdge, Ruleset } from '../score.model.ts'

const D01_ALL = ['D01_thaiIndividuals', 'D01_foreignIndividuals', 'D01_thaiJuristic', 'D01_foreignJuristic'] as const
/** "< 1 % → 1; 1–5 → 2; 5–15 → 3; > 15 → 4" (D02, and D04 "same bands"). */
const SHARE_OF_CUSTOMERS: BandEdge[] = [
  { atLeast: 0, points: 1 },
  { atLeast: 1, points: 2 },
  { atLeast: 5, points: 3 },
  { atLeast: 15, points: 4 },
]
/** "< 10 % → 1; 10–30 → 2; 30–60 → 3; > 60 → 4" (D11 non-face-to-face, D12 cash). */
const TEN_THIRTY_SIXTY: BandEdge[] = [
  { atLeast: 0, points: 1 },
  { atLeast: 10, points: 2 },
  { atLeast: 30, points: 3 },
  { atLeast: 60, points: 4 },
]
/** Item weights of the product lines (D09) — §6.2 PRD baselines; choice: lines §6.2 does not name = 2. */
const PRODUCT_WEIGHTS = {
  gold_bullion: 4,
  gold_jewellery: 3,
  gems_diamonds: 3,
  new_cars: 2,
  used_cars: 3,
  car_hire_purchase: 2,
  property_sale: 3,
  property_rental: 2,
  antiques_art: 2,
  second_hand_goods: 2,
  personal_loans: 2,
  cards_e_payment: 3, // choice: stored value / e-money is a known layering channel
  investment_advice: 2,
  other: 2,
}

export const rulesetV1 = {
  version: 'v1',
  factors: {
    CUS: {
      weight: 0.25,
      indicators: [
        {
          id: 'CUS.foreignShare',
          kind: 'bands',
          source: { percentOf: { part: ['D01_foreignIndividuals', 'D01_foreignJuristic'], whole: D01_ALL } },
          fieldIds: D01_ALL,
          bands: [
            { atLeast: 0, points: 1 },
            { atLeast: 5, points: 2 },
            { atLeast: 20, points: 3 },
            { atLeast: 50, points: 4 },
          ],
          messageKey: 'scoring.reason.CUS.foreignShare',
        },
        {
          id: 'CUS.highRiskShare',
          kind: 'bands',
          source: { percentOf: { part: ['D02'], whole: D01_ALL } },
          fieldIds: ['D02', ...D01_ALL],
          bands: SHARE_OF_CUSTOMERS,
          messageKey: 'scoring.reason.CUS.highRiskShare',
        },
        {
          // "0 → 1; 1–2 domestic → 2; ≥ 3 or any foreign → 3; > 10 → 4"; "any foreign" is an adjustment below.
          id: 'CUS.pep',
          kind: 'bands',
          source: { sum: ['D03_domestic', 'D03_foreign'] },
          fieldIds: ['D03_domestic', 'D03_foreign'],
          bands: [
            { atLeast: 0, points: 1 },
            { atLeast: 1, points: 2 },
            { atLeast: 3, points: 3 },
            { atLeast: 11, points: 4 },
          ],
          messageKey: 'scoring.reason.CUS.pep',
        },
        {
          id: 'CUS.occupationShare',
          kind: 'bands',
          source: { percentOf: { part: ['D04'], whole: D01_ALL } },
          fieldIds: ['D04', ...D01_ALL],
          bands: SHARE_OF_CUSTOMERS,
          messageKey: 'scoring.reason.CUS.occupationShare',
        },
        {
          id: 'CUS.hrList',
          kind: 'bands',
          source: { field: 'D05' },
          fieldIds: ['D05'],
          bands: [
            { atLeast: 0, points: 1 },
            { atLeast: 1, points: 3 },
            { atLeast: 3, points: 4 },
          ],
          messageKey: 'scoring.reason.CUS.hrList',
        },
        {
          // Real estate only. choice: nominee/company buyers as a count — 1–4 → 2, 5–19 → 3, ≥ 20 → 4.
          id: 'CUS.nominees',
          kind: 'bands',
          source: { field: 'R03' },
          fieldIds: ['R03'],
          bands: [
            { atLeast: 0, points: 1 },
            { atLeast: 1, points: 2 },
            { atLeast: 5, points: 3 },
            { atLeast: 20, points: 4 },
          ],
          messageKey: 'scoring.reason.CUS.nominees',
        },
        {
          // Real estate only: foreign buyers as a share of all customers, the D01 foreign bands.
          id: 'CUS.foreignBuyers',
          kind: 'bands',
          source: { percentOf: { part: ['R02_count'], whole: D01_ALL } },
          fieldIds: ['R02_count', ...D01_ALL],
          bands: [
            { atLeast: 0, points: 1 },
            { atLeast: 5, points: 2 },
            { atLeast: 20, points: 3 },
            { atLeast: 50, points: 4 },
          ],
          messageKey: 'scoring.reason.CUS.foreignBuyers',
        },
      ],
      adjustments: [
        {
          id: 'CUS.foreignPep',
          when: { source: { field: 'D03_foreign' }, atLeast: 1 },
          atLeast: 3,
          fieldIds: ['D03_foreign'],
          messageKey: 'scoring.adjust.CUS.foreignPep',
        },
        { id: 'CUS.hrListFloor', when: { source: { field: 'D05' }, atLeast: 1 }, atLeast: 3, fieldIds: ['D05'], messageKey: 'scoring.adjust.CUS.hrList' },
        {
          id: 'CUS.designatedMatch',
          when: { source: { field: 'C4_4_matches' }, atLeast: 1 },
          atLeast: 4,
          fieldIds: ['C4_4_matches'],
          messageKey: 'scoring.adjust.CUS.designatedMatch',
        },
      ],
    },
    PRD: {
      weight: 0.2,
      indicators: [
        {
          // §6.2 baselines by primary sector; a sector module's product mix refines it (6.7: 60 % jewellery
          // × 3 + 40 % bullion × 4 = 3.4). choice: sectors §6.2 does not name — investment adviser 2,
          // e-money / credit card 2, e-payment 3.
          id: 'PRD.sectorBaseline',
          kind: 'sectorBaseline',
          field: 'A06_primary',
          baseline: {
            investment_adviser: 2,
            precious_goods: 3,
            car_dealer: 2,
            real_estate: 3,
            antique: 2,
            personal_loan: 2,
            e_money_card: 2,
            credit_card: 2,
            e_payment: 3,
          },
          mixes: {
            precious_goods: { G01_bullion: 4, G01_jewellery: 3, G01_gems: 3, G01_other: 2 },
            car_dealer: { V01_new: 2, V01_used: 3, V01_luxury: 3 },
            real_estate: { R01_residential: 3, R01_condominium: 3, R01_land: 3, R01_commercial: 3 },
          },
          messageKey: 'scoring.reason.PRD.sectorBaseline',
        },
        {
          id: 'PRD.productMix',
          kind: 'groupMix',
          group: 'D09',
          itemColumn: 'product',
          shareColumn: 'share',
          points: PRODUCT_WEIGHTS,
          otherwise: 2,
          messageKey: 'scoring.reason.PRD.productMix',
        },
        {
          // Antique dealers only: the licence category.
          id: 'PRD.antiqueLicence',
          kind: 'choice',
          field: 'Q01',
          points: { cars: 2, antiques_art: 2, gold_diamonds: 3, other: 2 },
          messageKey: 'scoring.reason.PRD.antiqueLicence',
        },
      ],
      adjustments: [
        {
          // D10 "any → +1 (cap 4)".
          id: 'PRD.newProducts',
          when: { field: 'D10', anyTickedExcept: ['none'] },
          add: 1,
          fieldIds: ['D10'],
          messageKey: 'scoring.adjust.PRD.newProducts',
        },
        { id: 'PRD.clientMoney', when: { field: 'R04', equals: 'yes' }, atLeast: 3, fieldIds: ['R04'], messageKey: 'scoring.adjust.PRD.clientMoney' },
        {
          // choice: buying old gold from the public is high risk when it is a large part of the trade and paid in cash.
          id: 'PRD.cashBuyBack',
          when: {
            all: [
              { source: { percentOf: { part: ['G02_value'], whole: ['D13_value'] } }, atLeast: 50 },
              { source: { field: 'G02_cashPercent' }, atLeast: 50 },
            ],
          },
          add: 1,
          fieldIds: ['G02_value', 'G02_cashPercent', 'D13_value'],
          messageKey: 'scoring.adjust.PRD.cashBuyBack',
        },
      ],
    },
    CHN: {
      weight: 0.1,
      indicators: [
        {
          id: 'CHN.nonFaceToFace',
          kind: 'bands',
          source: { sum: ['D11_online', 'D11_phone', 'D11_agents'] },
          fieldIds: ['D11_online', 'D11_phone', 'D11_agents'],
          bands: TEN_THIRTY_SIXTY,
          messageKey: 'scoring.reason.CHN.nonFaceToFace',
        },
        {
          // Antique dealers only: online sales share, the same bands.
          id: 'CHN.antiqueOnline',
          kind: 'bands',
          source: { field: 'Q03_onlinePercent' },
          fieldIds: ['Q03_onlinePercent'],
          bands: TEN_THIRTY_SIXTY,
          messageKey: 'scoring.reason.CHN.antiqueOnline',
        },
      ],
      adjustments: [
        {
          // "online-only business → ≥ 3": nothing face to face.
          id: 'CHN.onlineOnly',
          when: { source: { field: 'D11_faceToFace' }, atMost: 0 },
          atLeast: 3,
          fieldIds: ['D11_faceToFace'],
          messageKey: 'scoring.adjust.CHN.onlineOnly',
        },
        {
          // choice: agents, sub-brokers or platforms → at least 2.
          id: 'CHN.agents',
          when: { field: 'B13', equals: 'yes' },
          atLeast: 2,
          fieldIds: ['B13', 'B13_count'],
          messageKey: 'scoring.adjust.CHN.agents',
        },
        {
          // choice: an online platform or e-wallets introduced in the period → at least 2.
          id: 'CHN.newTechnology',
          when: { field: 'D10', in: ['online_platform', 'e_wallets', 'crypto_payments'] },
          atLeast: 2,
          fieldIds: ['D10'],
          messageKey: 'scoring.adjust.CHN.newTechnology',
        },
      ],
    },
    GEO: {
      weight: 0.15,
      indicators: [
        {
          // "any in FATF call-for-action list → 4; increased monitoring → 3"
          id: 'GEO.nationalities',
          kind: 'condition',
          when: { group: 'D06', column: 'nationality', inList: 'fatfIncreasedMonitoring' },
          points: 3,
          otherwise: 1,
          fieldIds: ['D06'],
          messageKey: 'scoring.reason.GEO.nationalities',
        },
        {
          // "0 → 1; any → 3; > 5 % of value → 4"
          id: 'GEO.highRiskTransactions',
          kind: 'bands',
          source: { field: 'D07_count' },
          fieldIds: ['D07_count'],
          bands: [
            { atLeast: 0, points: 1 },
            { atLeast: 1, points: 3 },
          ],
          messageKey: 'scoring.reason.GEO.highRiskTransactions',
        },
        {
          // "> 20 % of value → 3; > 50 % → 4"; choice: any cross-border flow below 20 % → 2.
          id: 'GEO.crossBorder',
          kind: 'bands',
          source: { percentOf: { part: ['D17'], whole: ['D13_value'] } },
          fieldIds: ['D17', 'D13_value'],
          bands: [
            { atLeast: 0, points: 1 },
            { atLeast: 0.01, points: 2 },
            { atLeast: 20, points: 3 },
            { atLeast: 50, points: 4 },
          ],
          messageKey: 'scoring.reason.GEO.crossBorder',
        },
        {
          // Gold/gem dealers only. choice: importing or exporting gold or stones → 2.
          id: 'GEO.goldImportExport',
          kind: 'condition',
          when: { field: 'G04', equals: 'yes' },
          points: 2,
          otherwise: 1,
          fieldIds: ['G04'],
          messageKey: 'scoring.reason.GEO.goldImportExport',
        },
        {
          // Car dealers only. choice: vehicles sold for export / to foreign buyers 1–9 → 2, ≥ 10 → 3.
          id: 'GEO.carExports',
          kind: 'bands',
          source: { field: 'V03' },
          fieldIds: ['V03'],
          bands: [
            { atLeast: 0, points: 1 },
            { atLeast: 1, points: 2 },
            { atLeast: 10, points: 3 },
          ],
          messageKey: 'scoring.reason.GEO.carExports',
        },
      ],
      adjustments: [
        {
          id: 'GEO.callForAction',
          when: { group: 'D06', column: 'nationality', inList: 'fatfCallForAction' },
          atLeast: 4,
          fieldIds: ['D06'],
          messageKey: 'scoring.adjust.GEO.callForAction',
        },
        {
          id: 'GEO.highRiskValue',
          when: { source: { percentOf: { part: ['D07_value'], whole: ['D13_value'] } }, above: 5 },
          atLeast: 4,
          fieldIds: ['D07_value', 'D13_value'],
          messageKey: 'scoring.adjust.GEO.highRiskValue',
        },
        {
          id: 'GEO.borderProvinces',
          when: { any: [{ provinceInList: 'borderTouristProvinces' }, { field: 'D18', equals: 'yes' }] },
          atLeast: 2,
          fieldIds: ['A10', 'B09', 'D18'],
          messageKey: 'scoring.adjust.GEO.borderProvinces',
        },
      ],
    },
    TXN: {
      weight: 0.25,
      indicators: [
        {
          id: 'TXN.cashShare',
          kind: 'bands',
          source: { field: 'D12_cash' },
          fieldIds: ['D12_cash'],
          bands: TEN_THIRTY_SIXTY,
          messageKey: 'scoring.reason.TXN.cashShare',
        },
        {
          // "0 → 1; 1–10 → 2; 11–50 → 3; > 50 → 4"
          id: 'TXN.largeCash',
          kind: 'bands',
          source: { field: 'D14_count' },
          fieldIds: ['D14_count'],
          bands: [
            { atLeast: 0, points: 1 },
            { atLeast: 1, points: 2 },
            { atLeast: 11, points: 3 },
            { atLeast: 51, points: 4 },
          ],
          messageKey: 'scoring.reason.TXN.largeCash',
        },
      ],
      adjustments: [
        { id: 'TXN.crypto', when: { source: { field: 'D12_crypto' }, above: 0 }, atLeast: 3, fieldIds: ['D12_crypto'], messageKey: 'scoring.adjust.TXN.crypto' },
        {
          // "high ratio to D14 → structuring flag, +1" — the ratio is the flag's (flags.structuring).
          id: 'TXN.nearThreshold',
          when: { flag: 'STRUCTURING' },
          add: 1,
          fieldIds: ['D15', 'D14_count'],
          messageKey: 'scoring.adjust.TXN.nearThreshold',
        },
        { id: 'TXN.thirdParty', when: { field: 'D16', equals: 'yes' }, atLeast: 2, fieldIds: ['D16'], messageKey: 'scoring.adjust.TXN.thirdParty' },
        {
          // "frequent → 3"; choice: frequent = 50 or more in the period.
          id: 'TXN.thirdPartyFrequent',
          when: { source: { field: 'D16_count' }, atLeast: 50 },
          atLeast: 3,
          fieldIds: ['D16_count'],
          messageKey: 'scoring.adjust.TXN.thirdPartyFrequent',
        },
        {
          id: 'TXN.cashHeavy',
          when: { all: [{ source: { field: 'D12_cash' }, above: 60 }, { source: { field: 'D14_count' }, atLeast: 10 }] },
          atLeast: 4,
          fieldIds: ['D12_cash', 'D14_count'],
          messageKey: 'scoring.adjust.TXN.cashHeavy',
        },
        {
          // choice for the sector modules: cash-paid buy-back, early settlement, cash down payments, client money,
          // prices out of line with the market, cash purchases from the public → minimums.
          id: 'TXN.goldBuyBackCash',
          when: { source: { field: 'G02_cashPercent' }, above: 60 },
          atLeast: 3,
          fieldIds: ['G02_cashPercent'],
          messageKey: 'scoring.adjust.TXN.sectorCash',
        },
        {
          id: 'TXN.carSettlementCash',
          when: { source: { field: 'V02_cashPercent' }, above: 30 },
          atLeast: 3,
          fieldIds: ['V02_cashPercent'],
          messageKey: 'scoring.adjust.TXN.sectorCash',
        },
        { id: 'TXN.carDownPayments', when: { source: { field: 'V04' }, atLeast: 1 }, atLeast: 2, fieldIds: ['V04'], messageKey: 'scoring.adjust.TXN.sectorCash' },
        { id: 'TXN.clientMoney', when: { field: 'R04', equals: 'yes' }, atLeast: 2, fieldIds: ['R04'], messageKey: 'scoring.adjust.TXN.clientMoney' },
        { id: 'TXN.priceOutOfLine', when: { source: { field: 'R05' }, atLeast: 1 }, atLeast: 3, fieldIds: ['R05'], messageKey: 'scoring.adjust.TXN.priceOutOfLine' },
        {
          id: 'TXN.antiqueCash',
          when: { source: { field: 'Q02_cashPercent' }, above: 60 },
          atLeast: 3,
          fieldIds: ['Q02_cashPercent'],
          messageKey: 'scoring.adjust.TXN.sectorCash',
        },
      ],
    },
    ORG: {
      weight: 0.05,
      indicators: [
        {
          // choice: a foreign company's branch 3, "other" legal forms 2, Thai companies and partnerships 1.
          id: 'ORG.legalForm',
          kind: 'choice',
          field: 'A04',
          points: {
            company_limited: 1,
            public_company_limited: 1,
            limited_partnership: 1,
            registered_ordinary_partnership: 1,
            foreign_company_branch: 3,
            other: 2,
          },
          messageKey: 'scoring.reason.ORG.legalForm',
        },
        {
          id: 'ORG.groupMember',
          kind: 'condition',
          when: { field: 'B05', equals: 'yes' },
          points: 2,
          otherwise: 1,
          fieldIds: ['B05'],
          messageKey: 'scoring.reason.ORG.groupMember',
        },
        {
          id: 'ORG.ownerChanges',
          kind: 'condition',
          when: { field: 'B06', equals: 'yes' },
          points: 2,
          otherwise: 1,
          fieldIds: ['B06'],
          messageKey: 'scoring.reason.ORG.ownerChanges',
        },
        {
          // choice: a politically exposed director or beneficial owner → 2.
          id: 'ORG.pepOwner',
          kind: 'condition',
          when: { any: [{ group: 'B01', column: 'pep', in: ['yes'] }, { group: 'B04', column: 'pep', in: ['yes'] }] },
          points: 2,
          otherwise: 1,
          fieldIds: ['B01', 'B04'],
          messageKey: 'scoring.reason.ORG.pepOwner',
        },
      ],
      adjustments: [
        {
          id: 'ORG.newEntity',
          when: { field: 'A05', youngerThanYears: 2 },
          add: 1,
          fieldIds: ['A05', 'A17'],
          messageKey: 'scoring.adjust.ORG.newEntity',
        },
        {
          id: 'ORG.complexOwnership',
          when: {
            any: [
              { group: 'B03', column: 'holderType', in: ['juristic'] },
              { group: 'B03', column: 'country', notInList: 'thailandNames' },
            ],
          },
          atLeast: 3,
          fieldIds: ['B03'],
          messageKey: 'scoring.adjust.ORG.complexOwnership',
        },
        {
          id: 'ORG.legalHistory',
          when: { any: [{ field: 'B07_convicted', equals: 'yes' }, { field: 'B07_assetAction', equals: 'yes' }, { field: 'B07_listed', equals: 'yes' }] },
          atLeast: 4,
          fieldIds: ['B07_convicted', 'B07_assetAction', 'B07_listed'],
          messageKey: 'scoring.adjust.ORG.legalHistory',
        },
      ],
    },
  },
  controls: {
    C1: {
      weight: 0.15,
      items: [
        { id: 'C1.policy', field: 'C1_1', kind: 'ynp', evidenceField: 'C1_1_evidence', weight: 2, messageKey: 'scoring.control.C1.policy' },
        { id: 'C1.manual', field: 'C1_2', kind: 'ynp', evidenceField: 'C1_2_evidence', weight: 1, messageKey: 'scoring.control.C1.manual' },
        {
          id: 'C1.managementReports',
          field: 'C1_3',
          kind: 'choice',
          points: { none: 0, yearly: 0.5, quarterly: 1, monthly: 1 },
          weight: 1,
          messageKey: 'scoring.control.C1.managementReports',
        },
        { id: 'C1.officer', field: 'B11', kind: 'present', weight: 1, messageKey: 'scoring.control.C1.officer' },
        { id: 'C1.noSalesTargets', field: 'B12_noSalesTargets', kind: 'ynp', weight: 0.5, messageKey: 'scoring.control.C1.noSalesTargets' },
        { id: 'C1.canEscalate', field: 'B12_canEscalate', kind: 'ynp', weight: 0.5, messageKey: 'scoring.control.C1.canEscalate' },
        { id: 'C1.orgChart', field: 'B10', kind: 'present', weight: 0.5, messageKey: 'scoring.control.C1.orgChart' },
      ],
      penalties: [],
    },
    C2: {
      weight: 0.1,
      items: [
        { id: 'C2.assessment', field: 'C2_1', kind: 'ynp', evidenceField: 'C2_1_evidence', weight: 2, messageKey: 'scoring.control.C2.assessment' },
        { id: 'C2.coverage', field: 'C2_2', kind: 'multi', good: ['customers', 'products', 'channels', 'geography'], weight: 1, messageKey: 'scoring.control.C2.coverage' },
        {
          id: 'C2.review',
          field: 'C2_3',
          kind: 'choice',
          points: { ad_hoc: 0.25, every_2_years: 0.5, yearly: 1, on_change: 1 },
          weight: 1,
          messageKey: 'scoring.control.C2.review',
        },
      ],
      penalties: [],
    },
    C3: {
      weight: 0.2,
      items: [
        { id: 'C3.acceptance', field: 'C3_1', kind: 'ynp', evidenceField: 'C3_1_evidence', weight: 1, messageKey: 'scoring.control.C3.acceptance' },
        { id: 'C3.verification', field: 'C3_2', kind: 'multi', good: ['chip_reader', 'dopa_online', 'ndid_ekyc'], any: true, weight: 1, messageKey: 'scoring.control.C3.verification' },
        { id: 'C3.beneficialOwners', field: 'C3_3', kind: 'ynp', weight: 1, messageKey: 'scoring.control.C3.beneficialOwners' },
        { id: 'C3.pep', field: 'C3_4', kind: 'choice', points: { database: 1, self_declaration: 0.5, none: 0 }, weight: 1, messageKey: 'scoring.control.C3.pep' },
        { id: 'C3.riskRating', field: 'C3_5', kind: 'ynp', weight: 1, messageKey: 'scoring.control.C3.riskRating' },
        {
          id: 'C3.edd',
          field: 'C3_6',
          kind: 'multi',
          good: ['senior_approval', 'source_of_funds', 'source_of_wealth', 'frequent_review'],
          weight: 1,
          messageKey: 'scoring.control.C3.edd',
        },
        {
          id: 'C3.reviewHighRisk',
          field: 'C3_7_high',
          kind: 'choice',
          points: { yearly_or_more: 1, every_2_years: 0.5, every_3_years_or_more: 0.25, on_event: 0.5, never: 0 },
          weight: 1,
          messageKey: 'scoring.control.C3.reviewHighRisk',
        },
        { id: 'C3.refuse', field: 'C3_8', kind: 'ynp', weight: 1, messageKey: 'scoring.control.C3.refuse' },
        {
          // Gold/gem dealers only. choice: an ID threshold for occasional sales up to THB 100,000 is full, up to 500,000 half.
          id: 'C3.idThreshold',
          field: 'G05',
          kind: 'atMost',
          atMost: 10_000_000,
          partlyAtMost: 50_000_000,
          weight: 1,
          messageKey: 'scoring.control.C3.idThreshold',
        },
      ],
      penalties: [],
    },
    C4: {
      weight: 0.15,
      items: [
        { id: 'C4.screening', field: 'C4_1', kind: 'ynp', weight: 2, messageKey: 'scoring.control.C4.screening' },
        { id: 'C4.when', field: 'C4_2', kind: 'multi', good: ['onboarding', 'every_transaction', 'list_update'], weight: 1, messageKey: 'scoring.control.C4.when' },
        { id: 'C4.tool', field: 'C4_3', kind: 'choice', points: { manual: 0.25, amlo_download: 0.5, software: 1 }, weight: 1, messageKey: 'scoring.control.C4.tool' },
        { id: 'C4.matchProcedure', field: 'C4_4', kind: 'ynp', weight: 1, messageKey: 'scoring.control.C4.matchProcedure' },
      ],
      penalties: [],
    },
    C5: {
      weight: 0.15,
      items: [
        { id: 'C5.ctrProcedure', field: 'C5_1', kind: 'ynp', evidenceField: 'C5_1_evidence', weight: 1, messageKey: 'scoring.control.C5.ctrProcedure' },
        { id: 'C5.strProcedure', field: 'C5_3', kind: 'ynp', evidenceField: 'C5_3_evidence', weight: 1, messageKey: 'scoring.control.C5.strProcedure' },
        { id: 'C5.timeliness', field: 'C5_5', kind: 'choice', points: { all: 1, mostly: 0.5, often_late: 0, unknown: 0 }, weight: 1, messageKey: 'scoring.control.C5.timeliness' },
      ],
      // §6.3 "C5.1–C5.5 + consistency checks": choice — cash transactions with no CTR costs one point.
      penalties: [{ flag: 'CTR_NOT_FILED', points: 1 }],
    },
    C6: {
      weight: 0.05,
      items: [
        // choice: the Act's 5-year minimum retention is full marks.
        { id: 'C6.retentionKyc', field: 'C6_1_kyc', kind: 'atLeast', atLeast: 5, weight: 1, messageKey: 'scoring.control.C6.retentionKyc' },
        { id: 'C6.retentionTransactions', field: 'C6_1_transactions', kind: 'atLeast', atLeast: 5, weight: 1, messageKey: 'scoring.control.C6.retentionTransactions' },
        { id: 'C6.storage', field: 'C6_2_storage', kind: 'choice', points: { paper: 0.5, electronic: 1, both: 1 }, weight: 1, messageKey: 'scoring.control.C6.storage' },
        { id: 'C6.retrieval', field: 'C6_2_retrieval', kind: 'choice', points: { same_day: 1, within_week: 0.5, longer: 0 }, weight: 1, messageKey: 'scoring.control.C6.retrieval' },
      ],
      penalties: [],
    },
    C7: {
      weight: 0.1,
      items: [
        { id: 'C7.trained', field: 'C7_1', kind: 'percent', weight: 2, messageKey: 'scoring.control.C7.trained' },
        { id: 'C7.induction', field: 'C7_2_induction', kind: 'ynp', weight: 1, messageKey: 'scoring.control.C7.induction' },
        { id: 'C7.records', field: 'C7_2_records', kind: 'ynp', weight: 1, messageKey: 'scoring.control.C7.records' },
        { id: 'C7.staffScreening', field: 'C7_3', kind: 'ynp', weight: 1, messageKey: 'scoring.control.C7.staffScreening' },
      ],
      penalties: [],
    },
    C8: {
      weight: 0.1,
      items: [
        { id: 'C8.review', field: 'C8_1', kind: 'ynp', evidenceField: 'C8_1_evidence', weight: 2, messageKey: 'scoring.control.C8.review' },
        { id: 'C8.fixed', field: 'C8_1_fixed', kind: 'ynp', weight: 1, messageKey: 'scoring.control.C8.fixed' },
        {
          id: 'C8.remediation',
          field: 'C8_2',
          kind: 'choice',
          points: { fully: 1, partly: 0.5, not_yet: 0 },
          notApplicable: ['never_examined'],
          weight: 1,
          messageKey: 'scoring.control.C8.remediation',
        },
        { id: 'C8.internalAudit', field: 'B14', kind: 'choice', points: { in_house: 1, outsourced: 1, none: 0 }, weight: 1, messageKey: 'scoring.control.C8.internalAudit' },
      ],
      penalties: [],
    },
  },
  inherentBands: [
    { atLeast: 0, band: 'low' },
    { atLeast: 1.75, band: 'medium_low' },
    { atLeast: 2.5, band: 'medium_high' },
    { atLeast: 3.25, band: 'high' },
  ],
  controlBands: [
    { atLeast: 80, band: 'strong' },
    { atLeast: 60, band: 'adequate' },
    { atLeast: 40, band: 'needs_improvement' },
    { atLeast: 0, band: 'weak' },
  ],
  matrix: {
    high: { strong: 'medium_high', adequate: 'medium_high', needs_improvement: 'high', weak: 'high' },
    medium_high: { strong: 'medium_low', adequate: 'medium_high', needs_improvement: 'medium_high', weak: 'high' },
    medium_low: { strong: 'low', adequate: 'medium_low', needs_improvement: 'medium_high', weak: 'medium_high' },
    low: { strong: 'low', adequate: 'low', needs_improvement: 'medium_low', weak: 'medium_high' },
  },
  automaticFloors: [
    {
      code: 'LEGAL_HISTORY',
      when: { any: [{ field: 'B07_convicted', equals: 'yes' }, { field: 'B07_assetAction', equals: 'yes' }, { field: 'B07_listed', equals: 'yes' }] },
      band: 'high',
      fieldIds: ['B07_convicted', 'B07_assetAction', 'B07_listed'],
      messageKey: 'scoring.floor.LEGAL_HISTORY',
    },
    {
      // "no compliance officer AND no written policy"
      code: 'NO_OFFICER_NO_POLICY',
      when: { all: [{ groupEmpty: 'B11' }, { field: 'C1_1', equals: 'no' }] },
      band: 'high',
      fieldIds: ['B11', 'C1_1'],
      messageKey: 'scoring.floor.NO_OFFICER_NO_POLICY',
    },
    {
      // "a designated-person match not reported": choice — derivable as true matches in the period with no
      // freeze-and-report procedure (C4_4 = no) or no report filed at all (C5_4 = 0).
      code: 'DESIGNATED_MATCH_NOT_REPORTED',
      when: { all: [{ source: { field: 'C4_4_matches' }, atLeast: 1 }, { any: [{ field: 'C4_4', equals: 'no' }, { source: { field: 'C5_4' }, atMost: 0 }] }] },
      band: 'high',
      fieldIds: ['C4_4_matches', 'C4_4', 'C5_4'],
      messageKey: 'scoring.floor.DESIGNATED_MATCH_NOT_REPORTED',
    },
  ],
  flags: {
    structuring: { ratio: 0.5, minCount: 5 },
    policyMaxAgeYears: 3,
    sharpChange: {
      percentFields: ['D12_cash', 'D11_faceToFace', 'D12_crypto', 'G02_cashPercent'],
      percentPoints: 30,
      countFields: ['D14_count', 'D02', 'D05', 'C5_2', 'C5_4'],
      countFactor: 3,
      countMinBase: 10,
    },
  },
  lists: {
    // FATF public statements as of the ruleset's calibration (Oct 2025); a new list is a new ruleset version.
    fatfCallForAction: ['เกาหลีเหนือ', 'North Korea', 'DPRK', 'อิหร่าน', 'Iran', 'เมียนมา', 'พม่า', 'Myanmar'],
    fatfIncreasedMonitoring: [
      'แอลจีเรีย', 'Algeria', 'แองโกลา', 'Angola', 'โบลิเวีย', 'Bolivia', 'บัลแกเรีย', 'Bulgaria', 'แคเมอรูน', 'Cameroon',
      'โกตดิวัวร์', "Côte d'Ivoire", 'คองโก', 'DR Congo', 'เฮติ', 'Haiti', 'เคนยา', 'Kenya', 'ลาว', 'Lao PDR', 'Laos',
      'เลบานอน', 'Lebanon', 'โมนาโก', 'Monaco', 'โมซัมบิก', 'Mozambique', 'นามิเบีย', 'Namibia', 'เนปาล', 'Nepal',
      'เซาท์ซูดาน', 'South Sudan', 'ซีเรีย', 'Syria', 'เวเนซุเอลา', 'Venezuela', 'เวียดนาม', 'Vietnam', 'Viet Nam', 'เยเมน', 'Yemen',
      'หมู่เกาะบริติชเวอร์จิน', 'British Virgin Islands',
    ],
    // choice: provinces on a land border with a busy crossing, and the main tourist provinces (not Bangkok).
    borderTouristProvinces: [
      'เชียงราย', 'เชียงใหม่', 'แม่ฮ่องสอน', 'ตาก', 'กาญจนบุรี', 'ระนอง', 'สระแก้ว', 'จันทบุรี', 'ตราด', 'หนองคาย', 'บึงกาฬ',
      'นครพนม', 'มุกดาหาร', 'อุบลราชธานี', 'เลย', 'น่าน', 'สงขลา', 'สตูล', 'ยะลา', 'นราธิวาส', 'ภูเก็ต', 'ชลบุรี', 'สุราษฎร์ธานี', 'กระบี่', 'พังงา',
    ],
    thailandNames: ['ไทย', 'ประเทศไทย', 'Thai', 'Thailand'],
  },
} as const satisfies Ruleset
