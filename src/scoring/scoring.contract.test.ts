/**
 * The contract between every scoring ruleset and the questionnaire versions it reads (house style
 * R15): every field a ruleset refers to exists, control items read questions that feed their area,
 * weights add up, bands ascend, and every message key is in both catalogs. A new ruleset version is
 * picked up here with no new test.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { en } from '#locales/en/index.ts'
import { th } from '#locales/th/index.ts'
import { fieldsByFeed, indexDefinition } from '#src/questionnaire/engine/definition.ts'
import { QUESTIONNAIRE_DEFINITIONS } from '#src/questionnaire/definition/index.ts'
import { goldShopAnswersV1, GOLD_SHOP_ATTACHMENTS } from '#tests/fixtures/questionnaires/v1-gold-shop.ts'
import { workedExampleAnswersV1 } from '#tests/fixtures/scoring/v1-worked-example.ts'
import { definitionVersionCode, rulesetFieldIds, rulesetReadsDefinition } from './ruleset-reads.rules.ts'
import { CURRENT_RULESET_VERSION, findRuleset, RULESETS } from './rulesets/index.ts'
import { CONTROL_AREAS, INHERENT_FACTORS, type Ruleset } from './score.model.ts'
import { scoreSubmission } from './score.rules.ts'

function messageKeys(r: Ruleset): string[] {
  return [
    ...INHERENT_FACTORS.flatMap((f) => [...r.factors[f].indicators.map((i) => i.messageKey), ...r.factors[f].adjustments.map((a) => a.messageKey)]),
    ...CONTROL_AREAS.flatMap((a) => r.controls[a].items.map((i) => i.messageKey)),
    ...r.automaticFloors.map((f) => f.messageKey),
  ]
}

test('the current ruleset is registered', () => {
  assert.ok(findRuleset(CURRENT_RULESET_VERSION))
  assert.equal(findRuleset('nope'), undefined)
})

for (const [version, ruleset] of Object.entries(RULESETS)) {
  describe(`scoring ruleset ${version}`, () => {
    test('its key is its version', () => assert.equal(ruleset.version, version))

    // Every built-in questionnaire version is read by every ruleset (imported versions are checked
    // when imported and refused at publishing when the current ruleset cannot read them).
    for (const def of Object.values(QUESTIONNAIRE_DEFINITIONS)) {
      const defVersion = definitionVersionCode(def)
      const known = new Set(indexDefinition(def).fields.map((f) => f.def.id))
      const feeds = fieldsByFeed(def)

      test(`it reads questionnaire ${defVersion}: every question it reads exists with a compatible type`, () => {
        assert.deepEqual(rulesetReadsDefinition(ruleset, def), { ok: true })
        assert.deepEqual(
          rulesetFieldIds(ruleset).filter((id) => !known.has(id)),
          [],
        )
      })

      test(`control items read questions that feed their area (${defVersion})`, () => {
        for (const area of CONTROL_AREAS) {
          for (const item of ruleset.controls[area].items) {
            assert.ok(feeds[area].includes(item.field), `${area} ← ${item.field}`)
            if ('evidenceField' in item && item.evidenceField) assert.ok(feeds[area].includes(item.evidenceField), `${area} ← ${item.evidenceField}`)
          }
        }
      })

      test(`every field id a score names exists (${defVersion})`, () => {
        for (const answers of [goldShopAnswersV1, workedExampleAnswersV1]) {
          const s = scoreSubmission(ruleset, defVersion, answers, { attachments: GOLD_SHOP_ATTACHMENTS, asOf: '2026-11-29', previousAnswers: { ...answers, D12_cash: 0 } })
          const named = [
            ...s.factors.flatMap((f) => [...f.contributions, ...f.adjustments].flatMap((c) => c.fieldIds)),
            ...s.controls.flatMap((c) => [...c.contributions, ...c.penalties].flatMap((x) => x.fieldIds)),
            ...s.flags.flatMap((f) => f.fieldIds),
            ...s.automaticFloors.flatMap((f) => f.fieldIds),
          ]
          assert.deepEqual(
            named.filter((id) => !known.has(id)),
            [],
          )
        }
      })
    }

    test('factor weights and control weights each add up to 1', () => {
      const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 1e9) / 1e9
      assert.equal(sum(INHERENT_FACTORS.map((f) => ruleset.factors[f].weight)), 1)
      assert.equal(sum(CONTROL_AREAS.map((a) => ruleset.controls[a].weight)), 1)
    })

    test('bands and indicator edges ascend from 0; points stay within 1–4', () => {
      const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!)
      assert.equal(ruleset.inherentBands[0]!.atLeast, 0)
      assert.ok(ascending(ruleset.inherentBands.map((b) => b.atLeast)))
      assert.ok(ascending(ruleset.controlBands.map((b) => -b.atLeast)))
      assert.equal(ruleset.controlBands.at(-1)!.atLeast, 0)
      for (const f of INHERENT_FACTORS) {
        for (const ind of ruleset.factors[f].indicators) {
          if (ind.kind !== 'bands') continue
          assert.equal(ind.bands[0]!.atLeast, 0, ind.id)
          assert.ok(ascending(ind.bands.map((b) => b.atLeast)), ind.id)
          assert.ok(ind.bands.every((b) => b.points >= 1 && b.points <= 4), ind.id)
        }
      }
    })

    test('indicator, item and adjustment ids are unique', () => {
      const ids = [
        ...INHERENT_FACTORS.flatMap((f) => [...ruleset.factors[f].indicators.map((i) => i.id), ...ruleset.factors[f].adjustments.map((a) => a.id)]),
        ...CONTROL_AREAS.flatMap((a) => ruleset.controls[a].items.map((i) => i.id)),
      ]
      assert.equal(new Set(ids).size, ids.length)
    })

    test('every message key is in the Thai and English catalogs', () => {
      for (const key of messageKeys(ruleset)) assert.ok(Object.hasOwn(th, key) && Object.hasOwn(en, key), key)
    })

    test('it is plain data: a JSON round trip keeps it whole', () => {
      assert.deepEqual(JSON.parse(JSON.stringify(ruleset)), ruleset)
    })
  })
}
