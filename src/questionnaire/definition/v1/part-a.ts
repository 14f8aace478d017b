/**
 * Part ก — ข้อมูลการจดทะเบียนขององค์กร (registration data), domain.md §5.1. The web layer pre-fills
 * the questions marked `prefill` from AMLO's registry; A01 cannot be changed.
 */
import type { PartInput, RuleInput } from '#src/questionnaire/engine/definition.ts'
import { BUSINESS_TYPE_OPTIONS, LEGAL_FORM_OPTIONS, MONTH_OPTIONS, personColumns } from './options.ts'

export const partA: PartInput = {
  id: 'part-a',
  letter: 'questionnaire.part.a.letter',
  title: 'questionnaire.part.a.title',
  pages: [
    {
      id: '1',
      title: 'questionnaire.part.a.title',
      sections: [
        {
          id: 'identity',
          title: 'questionnaire.section.identity.title',
          fields: [
            {
              id: 'A01',
              type: 'thaiId13',
              kind: 'juristic',
              label: 'questionnaire.A01.label',
              hint: 'questionnaire.A01.hint',
              prefill: 'registry.juristicId',
              readOnly: true,
            },
            {
              id: 'A02',
              type: 'text',
              label: 'questionnaire.A02.label',
              hint: 'questionnaire.A02.hint',
              maxLength: 300,
              prefill: 'registry.nameTh',
            },
            { id: 'A03', type: 'text', label: 'questionnaire.A03.label', maxLength: 300, optional: true, prefill: 'registry.nameEn' },
            {
              id: 'A04',
              type: 'singleChoice',
              label: 'questionnaire.A04.label',
              options: LEGAL_FORM_OPTIONS,
              prefill: 'registry.legalForm',
              feeds: ['ORG'],
            },
            {
              id: 'A05',
              type: 'date',
              label: 'questionnaire.A05.label',
              notInFuture: true,
              prefill: 'registry.registeredOn',
              feeds: ['ORG'],
            },
            {
              id: 'A06',
              type: 'multipleChoice',
              label: 'questionnaire.A06.label',
              hint: 'questionnaire.A06.hint',
              options: BUSINESS_TYPE_OPTIONS,
              prefill: 'registry.businessTypes',
              feeds: ['PRD'],
            },
            {
              id: 'A06_primary',
              type: 'singleChoice',
              label: 'questionnaire.A06_primary.label',
              hint: 'questionnaire.A06_primary.hint',
              options: BUSINESS_TYPE_OPTIONS,
              prefill: 'registry.primaryBusinessType',
              feeds: ['PRD'],
            },
          ],
        },
        {
          id: 'licences',
          title: 'questionnaire.section.licences.title',
          fields: [
            {
              id: 'A07',
              type: 'group',
              label: 'questionnaire.A07.label',
              hint: 'questionnaire.A07.hint',
              optional: true,
              maxRows: 10,
              rowLabel: 'questionnaire.A07.rowLabel',
              addLabel: 'questionnaire.A07.addLabel',
              fields: [
                { id: 'licenceType', type: 'text', label: 'questionnaire.A07.licenceType.label', maxLength: 200 },
                { id: 'number', type: 'text', label: 'questionnaire.A07.number.label', maxLength: 60 },
                { id: 'issuer', type: 'text', label: 'questionnaire.A07.issuer.label', maxLength: 200 },
                { id: 'issuedOn', type: 'date', label: 'questionnaire.A07.issuedOn.label', notInFuture: true },
                { id: 'expiresOn', type: 'date', label: 'questionnaire.A07.expiresOn.label', optional: true },
                {
                  id: 'document',
                  type: 'file',
                  label: 'questionnaire.A07.document.label',
                  documentTypes: ['SECTOR_LICENCE'],
                  maxFiles: 2,
                  optional: true,
                },
              ],
            },
          ],
        },
        {
          id: 'finance',
          title: 'questionnaire.section.finance.title',
          fields: [
            { id: 'A08_registered', type: 'money', label: 'questionnaire.A08_registered.label', feeds: ['SIZ'] },
            { id: 'A08_paidUp', type: 'money', label: 'questionnaire.A08_paidUp.label', feeds: ['SIZ'] },
            {
              id: 'A09',
              type: 'singleChoice',
              label: 'questionnaire.A09.label',
              options: [
                { value: 'under_5m', label: 'questionnaire.option.revenue.under_5m' },
                { value: 'from_5m_to_50m', label: 'questionnaire.option.revenue.from_5m_to_50m' },
                { value: 'from_50m_to_500m', label: 'questionnaire.option.revenue.from_50m_to_500m' },
                { value: 'from_500m_to_5bn', label: 'questionnaire.option.revenue.from_500m_to_5bn' },
                { value: 'over_5bn', label: 'questionnaire.option.revenue.over_5bn' },
              ],
              feeds: ['SIZ'],
            },
            { id: 'A16', type: 'singleChoice', label: 'questionnaire.A16.label', options: MONTH_OPTIONS, display: 'select' },
          ],
        },
        {
          id: 'addresses',
          title: 'questionnaire.section.addresses.title',
          fields: [
            {
              id: 'A10',
              type: 'thaiAddress',
              label: 'questionnaire.A10.label',
              prefill: 'registry.headOfficeAddress',
              feeds: ['GEO'],
            },
            { id: 'A11_sameAsHeadOffice', type: 'ynp', partly: false, label: 'questionnaire.A11_sameAsHeadOffice.label' },
            {
              id: 'A11',
              type: 'thaiAddress',
              label: 'questionnaire.A11.label',
              showIf: { field: 'A11_sameAsHeadOffice', equals: 'no' },
            },
          ],
        },
        {
          id: 'contact',
          title: 'questionnaire.section.contact.title',
          fields: [
            { id: 'A12_phone', type: 'phone', label: 'questionnaire.A12_phone.label', prefill: 'registry.phone' },
            { id: 'A12_mobile', type: 'phone', label: 'questionnaire.A12_mobile.label', optional: true },
            { id: 'A12_fax', type: 'phone', label: 'questionnaire.A12_fax.label', optional: true },
            { id: 'A13_email', type: 'email', label: 'questionnaire.A13_email.label', prefill: 'registry.email' },
            {
              id: 'A13_website',
              type: 'text',
              label: 'questionnaire.A13_website.label',
              hint: 'questionnaire.A13_website.hint',
              maxLength: 300,
              optional: true,
            },
            {
              id: 'A13_channels',
              type: 'multipleChoice',
              label: 'questionnaire.A13_channels.label',
              hint: 'questionnaire.A13_channels.hint',
              options: [
                { value: 'website', label: 'questionnaire.option.onlineChannel.website' },
                { value: 'facebook', label: 'questionnaire.option.onlineChannel.facebook' },
                { value: 'line_oa', label: 'questionnaire.option.onlineChannel.line_oa' },
                { value: 'marketplace', label: 'questionnaire.option.onlineChannel.marketplace' },
                { value: 'other', label: 'questionnaire.option.onlineChannel.other' },
                { value: 'none', label: 'questionnaire.option.onlineChannel.none', exclusive: true },
              ],
              feeds: ['CHN'],
            },
            {
              id: 'A14',
              type: 'group',
              label: 'questionnaire.A14.label',
              hint: 'questionnaire.A14.hint',
              minRows: 1,
              maxRows: 3,
              rowLabel: 'questionnaire.A14.rowLabel',
              addLabel: 'questionnaire.A14.addLabel',
              fields: [
                personColumns.title,
                personColumns.fullNameTh,
                personColumns.position,
                personColumns.phone,
                personColumns.email,
              ],
            },
          ],
        },
        {
          id: 'background',
          title: 'questionnaire.section.background.title',
          fields: [
            {
              id: 'A15',
              type: 'multipleChoice',
              label: 'questionnaire.A15.label',
              options: [
                { value: 'gold_traders', label: 'questionnaire.option.association.gold_traders' },
                { value: 'gems_jewelry', label: 'questionnaire.option.association.gems_jewelry' },
                { value: 'real_estate_brokers', label: 'questionnaire.option.association.real_estate_brokers' },
                { value: 'housing', label: 'questionnaire.option.association.housing' },
                { value: 'car_dealers', label: 'questionnaire.option.association.car_dealers' },
                { value: 'other', label: 'questionnaire.option.association.other' },
                { value: 'none', label: 'questionnaire.option.association.none', exclusive: true },
              ],
            },
            { id: 'A17', type: 'date', label: 'questionnaire.A17.label', notInFuture: true, feeds: ['ORG'] },
          ],
        },
        {
          id: 'attachments',
          title: 'questionnaire.section.attachments.title',
          fields: [
            {
              id: 'A18',
              type: 'file',
              label: 'questionnaire.A18.label',
              hint: 'questionnaire.A18.hint',
              documentTypes: ['DBD_CERTIFICATE', 'SERVICE_REQUEST_SIGNED', 'VAT_CERT', 'SECTOR_LICENCE', 'OTHER'],
              maxFiles: 10,
            },
          ],
        },
      ],
    },
  ],
}

export const partARules: RuleInput[] = [
  { kind: 'choiceAmong', field: 'A06_primary', among: 'A06', messageKey: 'questionnaire.A06_primary.notSelected' },
  { kind: 'compare', field: 'A08_paidUp', op: 'lte', other: 'A08_registered', messageKey: 'questionnaire.A08_paidUp.overRegistered' },
]
