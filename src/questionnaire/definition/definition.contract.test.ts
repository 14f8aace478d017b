/**
 * The one contract test over every real questionnaire definition (house style R15). A new version,
 * page, question or sector module needs no new test file: it is picked up here. The contract
 * rules themselves are engine/check-definition.rules.ts, which an admin import runs too.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { en } from '#locales/en/index.ts'
import { th } from '#locales/th/index.ts'
import { BUSINESS_TYPE_CODES } from '#src/entities/business-types.model.ts'
import { catalogLookup, checkDefinition } from '#src/questionnaire/engine/check-definition.rules.ts'
import { Definition, indexDefinition } from '#src/questionnaire/engine/definition.ts'
import { PAGE_ID, PART_ID } from '#src/questionnaire/engine/ids.ts'
import { validateSubmission } from '#src/questionnaire/engine/validate.ts'
import { partProgress } from '#src/questionnaire/engine/progress.ts'
import { GOLD_SHOP_ATTACHMENTS, goldShopAnswersV1 } from '#tests/fixtures/questionnaires/v1-gold-shop.ts'
import { LATEST_QUESTIONNAIRE_VERSION, QUESTIONNAIRE_DEFINITIONS } from './index.ts'
import { V1_FIELDS_BY_FEED } from './v1/index.ts'

for (const [version, definition] of Object.entries(QUESTIONNAIRE_DEFINITIONS)) {
  describe(`questionnaire definition v${version}`, () => {
    test('matches its own schema and its registered version', () => {
      assert.equal(Definition.safeParse(definition).success, true)
      assert.equal(definition.version, Number(version))
    })

    test('passes the definition checker (the same rules as an admin import), message keys included', () => {
      assert.deepEqual(checkDefinition(definition, catalogLookup({ th, en })), [])
    })

    test('has parts ก ข ค ง with part ข on two pages', () => {
      assert.deepEqual(definition.parts.map((p) => p.id), ['part-a', 'part-b', 'part-c', 'part-d'])
      assert.deepEqual(
        definition.parts.map((p) => `${th[p.letter]} ${th[p.title]}`),
        // AMLO's own labels, exactly (the product brief)
        [
          'ก. ข้อมูลการจดทะเบียนขององค์กรผู้มีหน้าที่รายงาน',
          'ข. ข้อมูลโครงสร้างองค์กร',
          'ค. ข้อมูลเกี่ยวกับการควบคุมหรือกำกับการปฏิบัติตามกฎหมาย',
          'ง. ข้อมูลการประเมินความเสี่ยง',
        ],
      )
      assert.deepEqual(definition.parts.find((p) => p.id === 'part-b')?.pages.map((p) => p.id), ['1', '2'])
      for (const part of definition.parts) {
        assert.match(part.id, PART_ID)
        for (const page of part.pages) assert.match(page.id, PAGE_ID)
      }
    })

    test('an empty questionnaire fails submission without crashing, with problems on every part', async () => {
      const r = await validateSubmission(definition, {}, { today: '2026-01-15' })
      assert.equal(r.ok, false)
      assert.deepEqual([...new Set(r.problems.map((p) => p.partId))], ['part-a', 'part-b', 'part-c', 'part-d'])
    })
  })
}

describe('version 1 specifics', () => {
  const v1 = QUESTIONNAIRE_DEFINITIONS[1]!
  const sectionCondition = (sectionId: string) =>
    indexDefinition(v1).sections.find((s) => s.section.id === sectionId)?.section.showIf

  test('is the latest version', () => {
    assert.equal(LATEST_QUESTIONNAIRE_VERSION, 1)
  })
  test('part ง sector modules are chosen by the primary business type (A06_primary), with real codes', () => {
    const modules: Record<string, string> = {
      'sector-precious-goods': 'precious_goods',
      'sector-car-dealer': 'car_dealer',
      'sector-real-estate': 'real_estate',
      'sector-antique': 'antique',
    }
    for (const [sectionId, code] of Object.entries(modules)) {
      assert.deepEqual(sectionCondition(sectionId), { field: 'A06_primary', equals: code })
      assert.ok((BUSINESS_TYPE_CODES as readonly string[]).includes(code))
    }
  })
  test('the scoring references of domain.md §6.2–6.3 point at real field ids', () => {
    const has = (code: keyof typeof V1_FIELDS_BY_FEED, ...ids: string[]) => {
      for (const id of ids) assert.ok(V1_FIELDS_BY_FEED[code].includes(id), `${code} ← ${id}`)
    }
    has('CUS', 'D01_thaiIndividuals', 'D02', 'D03_domestic', 'D04', 'D05', 'C4_4_matches', 'R02_count', 'R03')
    has('PRD', 'A06_primary', 'D08', 'D09', 'D10', 'G01_bullion')
    has('CHN', 'A13_channels', 'B13', 'D10', 'D11_online', 'Q03_onlinePercent')
    has('GEO', 'A10', 'B09', 'D06', 'D07_value', 'D17', 'D18')
    has('TXN', 'D12_cash', 'D13_value', 'D14_count', 'D15', 'D16', 'G02_cashPercent', 'V02_cashPercent', 'V04', 'R04', 'R05', 'Q02_cashPercent')
    has('ORG', 'A04', 'A05', 'B03', 'B04', 'B05', 'B06', 'B07_convicted', 'B07_assetAction', 'B07_listed')
    has('SIZ', 'A08_registered', 'A09', 'B08_total', 'D13_value')
    has('C1', 'C1_1', 'C1_2', 'C1_3', 'B10', 'B11', 'B12_noSalesTargets', 'B12_canEscalate')
    has('C2', 'C2_1', 'C2_2', 'C2_3')
    has('C3', 'C3_1', 'C3_8', 'G05')
    has('C4', 'C4_1', 'C4_4')
    has('C5', 'C5_1', 'C5_5')
    has('C6', 'C6_1_kyc', 'C6_2_storage')
    has('C7', 'C7_1', 'C7_3')
    has('C8', 'C8_1', 'C8_2', 'B14')
  })
  test('A01 is pre-filled from the registry and read-only; part ก takes the signed service-request form', () => {
    const a01 = indexDefinition(v1).byId.get('A01')?.def
    assert.equal(a01?.prefill, 'registry.juristicId')
    assert.equal(a01?.readOnly, true)
    const a18 = indexDefinition(v1).byId.get('A18')?.def
    assert.ok(a18?.type === 'file' && a18.documentTypes.includes('SERVICE_REQUEST_SIGNED'))
  })
  test('can be completed: a gold shop’s full answers pass and complete every part', async () => {
    const ctx = { today: '2026-01-15', attachments: GOLD_SHOP_ATTACHMENTS }
    const r = await validateSubmission(v1, goldShopAnswersV1, ctx)
    assert.deepEqual(r.problems, [])
    assert.deepEqual(await partProgress(v1, goldShopAnswersV1, ctx), {
      'part-a': 'completed',
      'part-b': 'completed',
      'part-c': 'completed',
      'part-d': 'completed',
    })
  })
  test('the gold shop answers the gold module only; switching the primary type asks another module', async () => {
    const asCarDealer = { ...goldShopAnswersV1, A06: ['precious_goods', 'car_dealer'], A06_primary: 'car_dealer' }
    const r = await validateSubmission(v1, asCarDealer, { today: '2026-01-15', attachments: GOLD_SHOP_ATTACHMENTS })
    assert.equal(r.answers.G01_bullion, undefined)
    assert.deepEqual([...new Set(r.problems.map((p) => p.fieldId[0]))], ['V'])
  })
  test('B04 needs at least one beneficial owner', async () => {
    const r = await validateSubmission(v1, {}, { today: '2026-01-15' })
    assert.ok(r.problems.some((p) => p.fieldPath === 'B04' && p.messageKey === 'questionnaire.B04.atLeastOne'))
  })
})
