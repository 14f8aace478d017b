/**
 * Part ง — การประเมินความเสี่ยง (risk assessment): the common questions (domain.md §5.5) and one
 * sector module (§5.6), chosen by the primary business type A06_primary. Figures are for the
 * reporting period (the previous calendar year unless AMLO sets otherwise).
 *
 * To add a sector module: a section with `showIf: { field: 'A06_primary', equals: '<code>' }`,
 * field ids starting with the module's letter, its labels in locales/{th,en}/questionnaire.ts.
 */
import type { PartInput, RuleInput } from '#src/questionnaire/engine/definition.ts'
import type { Condition } from '#src/questionnaire/engine/conditions.ts'
import type { BusinessTypeCode } from '#src/entities/business-types.model.ts'
import { isYes, PRODUCT_OPTIONS, RISK_LEVEL_OPTIONS } from './options.ts'

const primaryIs = (code: BusinessTypeCode): Condition => ({ field: 'A06_primary', equals: code })

export const partD: PartInput = {
  id: 'part-d',
  letter: 'questionnaire.part.d.letter',
  title: 'questionnaire.part.d.title',
  pages: [
    {
      id: '1',
      title: 'questionnaire.part.d.title',
      sections: [
        {
          id: 'customers',
          title: 'questionnaire.section.customers.title',
          hint: 'questionnaire.section.customers.hint',
          fields: [
            {
              id: 'D01_thaiIndividuals',
              type: 'integer',
              label: 'questionnaire.D01_thaiIndividuals.label',
              unit: 'questionnaire.unit.customers',
              feeds: ['CUS', 'GEO'],
            },
            {
              id: 'D01_foreignIndividuals',
              type: 'integer',
              label: 'questionnaire.D01_foreignIndividuals.label',
              unit: 'questionnaire.unit.customers',
              feeds: ['CUS', 'GEO'],
            },
            {
              id: 'D01_thaiJuristic',
              type: 'integer',
              label: 'questionnaire.D01_thaiJuristic.label',
              unit: 'questionnaire.unit.customers',
              feeds: ['CUS', 'GEO'],
            },
            {
              id: 'D01_foreignJuristic',
              type: 'integer',
              label: 'questionnaire.D01_foreignJuristic.label',
              unit: 'questionnaire.unit.customers',
              feeds: ['CUS', 'GEO'],
            },
            { id: 'D02', type: 'integer', label: 'questionnaire.D02.label', unit: 'questionnaire.unit.customers', feeds: ['CUS'] },
            {
              id: 'D03_domestic',
              type: 'integer',
              label: 'questionnaire.D03_domestic.label',
              unit: 'questionnaire.unit.customers',
              feeds: ['CUS'],
            },
            {
              id: 'D03_foreign',
              type: 'integer',
              label: 'questionnaire.D03_foreign.label',
              unit: 'questionnaire.unit.customers',
              feeds: ['CUS'],
            },
            { id: 'D04', type: 'integer', label: 'questionnaire.D04.label', unit: 'questionnaire.unit.customers', feeds: ['CUS'] },
            { id: 'D05', type: 'integer', label: 'questionnaire.D05.label', unit: 'questionnaire.unit.customers', feeds: ['CUS'] },
            {
              id: 'D06',
              type: 'group',
              label: 'questionnaire.D06.label',
              hint: 'questionnaire.D06.hint',
              optional: true,
              maxRows: 5,
              rowLabel: 'questionnaire.D06.rowLabel',
              addLabel: 'questionnaire.D06.addLabel',
              feeds: ['GEO'],
              fields: [
                { id: 'nationality', type: 'text', label: 'questionnaire.D06.nationality.label', maxLength: 80 },
                { id: 'percent', type: 'percentage', label: 'questionnaire.D06.percent.label' },
              ],
            },
            {
              id: 'D07_count',
              type: 'integer',
              label: 'questionnaire.D07_count.label',
              hint: 'questionnaire.D07_count.hint',
              unit: 'questionnaire.unit.transactions',
              feeds: ['GEO'],
            },
            { id: 'D07_value', type: 'money', label: 'questionnaire.D07_value.label', feeds: ['GEO'] },
          ],
        },
        {
          id: 'products',
          title: 'questionnaire.section.products.title',
          fields: [
            {
              id: 'D08',
              type: 'multipleChoice',
              label: 'questionnaire.D08.label',
              hint: 'questionnaire.hint.tickAll',
              options: PRODUCT_OPTIONS,
              feeds: ['PRD'],
            },
            {
              id: 'D09',
              type: 'group',
              label: 'questionnaire.D09.label',
              hint: 'questionnaire.D09.hint',
              minRows: 1,
              maxRows: 14,
              rowLabel: 'questionnaire.D09.rowLabel',
              addLabel: 'questionnaire.D09.addLabel',
              feeds: ['PRD'],
              fields: [
                {
                  id: 'product',
                  type: 'singleChoice',
                  label: 'questionnaire.D09.product.label',
                  options: PRODUCT_OPTIONS,
                  display: 'select',
                },
                { id: 'share', type: 'percentage', label: 'questionnaire.D09.share.label' },
              ],
            },
            {
              id: 'D10',
              type: 'multipleChoice',
              label: 'questionnaire.D10.label',
              hint: 'questionnaire.hint.tickAll',
              options: [
                { value: 'online_gold_savings', label: 'questionnaire.option.newProduct.online_gold_savings' },
                { value: 'crypto_payments', label: 'questionnaire.option.newProduct.crypto_payments' },
                { value: 'e_wallets', label: 'questionnaire.option.newProduct.e_wallets' },
                { value: 'online_platform', label: 'questionnaire.option.newProduct.online_platform' },
                { value: 'other', label: 'questionnaire.option.newProduct.other' },
                { value: 'none', label: 'questionnaire.option.newProduct.none', exclusive: true },
              ],
              feeds: ['PRD', 'CHN'],
            },
          ],
        },
        {
          id: 'channels',
          title: 'questionnaire.section.channels.title',
          hint: 'questionnaire.section.channels.hint',
          fields: [
            { id: 'D11_faceToFace', type: 'percentage', label: 'questionnaire.D11_faceToFace.label', feeds: ['CHN'] },
            { id: 'D11_online', type: 'percentage', label: 'questionnaire.D11_online.label', feeds: ['CHN'] },
            { id: 'D11_phone', type: 'percentage', label: 'questionnaire.D11_phone.label', feeds: ['CHN'] },
            { id: 'D11_agents', type: 'percentage', label: 'questionnaire.D11_agents.label', feeds: ['CHN'] },
          ],
        },
        {
          id: 'transactions',
          title: 'questionnaire.section.transactions.title',
          fields: [
            { id: 'D12_cash', type: 'percentage', label: 'questionnaire.D12_cash.label', hint: 'questionnaire.D12.hint', feeds: ['TXN'] },
            { id: 'D12_transfer', type: 'percentage', label: 'questionnaire.D12_transfer.label', feeds: ['TXN'] },
            { id: 'D12_cheque', type: 'percentage', label: 'questionnaire.D12_cheque.label', feeds: ['TXN'] },
            { id: 'D12_card', type: 'percentage', label: 'questionnaire.D12_card.label', feeds: ['TXN'] },
            { id: 'D12_crypto', type: 'percentage', label: 'questionnaire.D12_crypto.label', feeds: ['TXN'] },
            { id: 'D12_goldInKind', type: 'percentage', label: 'questionnaire.D12_goldInKind.label', feeds: ['TXN'] },
            {
              id: 'D13_count',
              type: 'integer',
              label: 'questionnaire.D13_count.label',
              unit: 'questionnaire.unit.transactions',
              feeds: ['TXN', 'SIZ'],
            },
            { id: 'D13_value', type: 'money', label: 'questionnaire.D13_value.label', feeds: ['TXN', 'SIZ'] },
            {
              id: 'D14_count',
              type: 'integer',
              label: 'questionnaire.D14_count.label',
              unit: 'questionnaire.unit.transactions',
              feeds: ['TXN'],
            },
            { id: 'D14_value', type: 'money', label: 'questionnaire.D14_value.label', feeds: ['TXN'] },
            { id: 'D14_largest', type: 'money', label: 'questionnaire.D14_largest.label', feeds: ['TXN'] },
            {
              id: 'D15',
              type: 'integer',
              label: 'questionnaire.D15.label',
              unit: 'questionnaire.unit.transactions',
              feeds: ['TXN'],
            },
            { id: 'D16', type: 'ynp', partly: false, label: 'questionnaire.D16.label', feeds: ['TXN'] },
            {
              id: 'D16_count',
              type: 'integer',
              label: 'questionnaire.D16_count.label',
              unit: 'questionnaire.unit.transactions',
              showIf: isYes('D16'),
              feeds: ['TXN'],
            },
            { id: 'D17', type: 'money', label: 'questionnaire.D17.label', hint: 'questionnaire.D17.hint', feeds: ['GEO', 'TXN'] },
          ],
        },
        {
          id: 'geography',
          title: 'questionnaire.section.geography.title',
          fields: [
            // D18 is also derived from the branch addresses (B09) by scoring; this is the entity's own statement.
            { id: 'D18', type: 'ynp', partly: false, label: 'questionnaire.D18.label', hint: 'questionnaire.D18.hint', feeds: ['GEO'] },
          ],
        },
        {
          id: 'sector-precious-goods',
          title: 'questionnaire.section.sectorPreciousGoods.title',
          showIf: primaryIs('precious_goods'),
          fields: [
            { id: 'G01_bullion', type: 'percentage', label: 'questionnaire.G01_bullion.label', hint: 'questionnaire.G01.hint', feeds: ['PRD'] },
            { id: 'G01_jewellery', type: 'percentage', label: 'questionnaire.G01_jewellery.label', feeds: ['PRD'] },
            { id: 'G01_gems', type: 'percentage', label: 'questionnaire.G01_gems.label', feeds: ['PRD'] },
            { id: 'G01_other', type: 'percentage', label: 'questionnaire.G01_other.label', feeds: ['PRD'] },
            { id: 'G02_value', type: 'money', label: 'questionnaire.G02_value.label', feeds: ['PRD', 'TXN'] },
            { id: 'G02_cashPercent', type: 'percentage', label: 'questionnaire.G02_cashPercent.label', feeds: ['PRD', 'TXN'] },
            { id: 'G03', type: 'percentage', label: 'questionnaire.G03.label', feeds: ['PRD'] },
            { id: 'G04', type: 'ynp', partly: false, label: 'questionnaire.G04.label', feeds: ['GEO'] },
            { id: 'G04_value', type: 'money', label: 'questionnaire.G04_value.label', showIf: isYes('G04'), feeds: ['GEO'] },
            { id: 'G05', type: 'money', label: 'questionnaire.G05.label', hint: 'questionnaire.G05.hint', feeds: ['C3'] },
          ],
        },
        {
          id: 'sector-car-dealer',
          title: 'questionnaire.section.sectorCarDealer.title',
          showIf: primaryIs('car_dealer'),
          fields: [
            { id: 'V01_new', type: 'percentage', label: 'questionnaire.V01_new.label', hint: 'questionnaire.V01.hint', feeds: ['PRD'] },
            { id: 'V01_used', type: 'percentage', label: 'questionnaire.V01_used.label', feeds: ['PRD'] },
            { id: 'V01_luxury', type: 'percentage', label: 'questionnaire.V01_luxury.label', feeds: ['PRD'] },
            {
              id: 'V02_count',
              type: 'integer',
              label: 'questionnaire.V02_count.label',
              unit: 'questionnaire.unit.contracts',
              feeds: ['TXN'],
            },
            { id: 'V02_cashPercent', type: 'percentage', label: 'questionnaire.V02_cashPercent.label', feeds: ['TXN'] },
            { id: 'V03', type: 'integer', label: 'questionnaire.V03.label', unit: 'questionnaire.unit.vehicles', feeds: ['GEO'] },
            {
              id: 'V04',
              type: 'integer',
              label: 'questionnaire.V04.label',
              hint: 'questionnaire.V04.hint',
              unit: 'questionnaire.unit.transactions',
              feeds: ['TXN'],
            },
          ],
        },
        {
          id: 'sector-real-estate',
          title: 'questionnaire.section.sectorRealEstate.title',
          showIf: primaryIs('real_estate'),
          fields: [
            {
              id: 'R01_residential',
              type: 'percentage',
              label: 'questionnaire.R01_residential.label',
              hint: 'questionnaire.R01.hint',
              feeds: ['PRD'],
            },
            { id: 'R01_condominium', type: 'percentage', label: 'questionnaire.R01_condominium.label', feeds: ['PRD'] },
            { id: 'R01_land', type: 'percentage', label: 'questionnaire.R01_land.label', feeds: ['PRD'] },
            { id: 'R01_commercial', type: 'percentage', label: 'questionnaire.R01_commercial.label', feeds: ['PRD'] },
            { id: 'R01_offPlan', type: 'percentage', label: 'questionnaire.R01_offPlan.label', feeds: ['PRD'] },
            {
              id: 'R02_count',
              type: 'integer',
              label: 'questionnaire.R02_count.label',
              unit: 'questionnaire.unit.customers',
              feeds: ['GEO', 'CUS'],
            },
            {
              id: 'R02_nationalities',
              type: 'group',
              label: 'questionnaire.R02_nationalities.label',
              optional: true,
              maxRows: 5,
              rowLabel: 'questionnaire.R02_nationalities.rowLabel',
              addLabel: 'questionnaire.R02_nationalities.addLabel',
              feeds: ['GEO', 'CUS'],
              fields: [
                { id: 'nationality', type: 'text', label: 'questionnaire.R02_nationalities.nationality.label', maxLength: 80 },
                {
                  id: 'buyers',
                  type: 'integer',
                  label: 'questionnaire.R02_nationalities.buyers.label',
                  unit: 'questionnaire.unit.customers',
                },
              ],
            },
            { id: 'R03', type: 'integer', label: 'questionnaire.R03.label', unit: 'questionnaire.unit.customers', feeds: ['CUS'] },
            { id: 'R04', type: 'ynp', partly: false, label: 'questionnaire.R04.label', feeds: ['PRD', 'TXN'] },
            { id: 'R04_value', type: 'money', label: 'questionnaire.R04_value.label', showIf: isYes('R04'), feeds: ['PRD', 'TXN'] },
            { id: 'R05', type: 'integer', label: 'questionnaire.R05.label', unit: 'questionnaire.unit.transactions', feeds: ['TXN'] },
          ],
        },
        {
          id: 'sector-antique',
          title: 'questionnaire.section.sectorAntique.title',
          showIf: primaryIs('antique'),
          fields: [
            {
              id: 'Q01',
              type: 'singleChoice',
              label: 'questionnaire.Q01.label',
              options: [
                { value: 'cars', label: 'questionnaire.option.antiqueLicence.cars' },
                { value: 'antiques_art', label: 'questionnaire.option.antiqueLicence.antiques_art' },
                { value: 'gold_diamonds', label: 'questionnaire.option.antiqueLicence.gold_diamonds' },
                { value: 'other', label: 'questionnaire.option.antiqueLicence.other' },
              ],
              feeds: ['PRD'],
            },
            {
              id: 'Q02_count',
              type: 'integer',
              label: 'questionnaire.Q02_count.label',
              unit: 'questionnaire.unit.transactions',
              feeds: ['PRD', 'TXN'],
            },
            { id: 'Q02_cashPercent', type: 'percentage', label: 'questionnaire.Q02_cashPercent.label', feeds: ['PRD', 'TXN'] },
            { id: 'Q03_highValue', type: 'integer', label: 'questionnaire.Q03_highValue.label', unit: 'questionnaire.unit.items', feeds: ['PRD'] },
            { id: 'Q03_auctions', type: 'ynp', partly: false, label: 'questionnaire.Q03_auctions.label', feeds: ['PRD'] },
            { id: 'Q03_onlinePercent', type: 'percentage', label: 'questionnaire.Q03_onlinePercent.label', feeds: ['CHN'] },
          ],
        },
        {
          id: 'self-assessment',
          title: 'questionnaire.section.selfAssessment.title',
          fields: [
            { id: 'D19', type: 'singleChoice', label: 'questionnaire.D19.label', options: RISK_LEVEL_OPTIONS },
            { id: 'D19_comments', type: 'longText', label: 'questionnaire.D19_comments.label', maxLength: 3000, optional: true },
          ],
        },
      ],
    },
  ],
}

const pct = (...fields: string[]) => fields.map((field) => ({ field }))

export const partDRules: RuleInput[] = [
  { kind: 'sum', terms: [{ group: 'D06', column: 'percent' }], atMost: 100, reportAt: 'D06', messageKey: 'questionnaire.D06.over100' },
  { kind: 'sum', terms: [{ group: 'D09', column: 'share' }], equals: 100, reportAt: 'D09', messageKey: 'questionnaire.D09.not100' },
  {
    kind: 'sum',
    terms: pct('D11_faceToFace', 'D11_online', 'D11_phone', 'D11_agents'),
    equals: 100,
    reportAt: 'D11_faceToFace',
    messageKey: 'questionnaire.D11.not100',
  },
  {
    kind: 'sum',
    terms: pct('D12_cash', 'D12_transfer', 'D12_cheque', 'D12_card', 'D12_crypto', 'D12_goldInKind'),
    equals: 100,
    reportAt: 'D12_cash',
    messageKey: 'questionnaire.D12.not100',
  },
  { kind: 'compare', field: 'D14_largest', op: 'lte', other: 'D14_value', messageKey: 'questionnaire.D14_largest.overTotal' },
  {
    kind: 'sum',
    terms: pct('G01_bullion', 'G01_jewellery', 'G01_gems', 'G01_other'),
    equals: 100,
    reportAt: 'G01_bullion',
    messageKey: 'questionnaire.G01.not100',
  },
  {
    kind: 'sum',
    terms: pct('V01_new', 'V01_used', 'V01_luxury'),
    equals: 100,
    reportAt: 'V01_new',
    messageKey: 'questionnaire.V01.not100',
  },
  {
    kind: 'sum',
    terms: pct('R01_residential', 'R01_condominium', 'R01_land', 'R01_commercial'),
    equals: 100,
    reportAt: 'R01_residential',
    messageKey: 'questionnaire.R01.not100',
  },
]
