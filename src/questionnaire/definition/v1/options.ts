/**
 * Option lists and group columns shared by several questions of version 1. Option values are
 * stored in answers: never rename one in a version that is in use.
 */
import type { z } from 'zod'
import type { Condition } from '#src/questionnaire/engine/conditions.ts'
import type { LeafFieldDef } from '#src/questionnaire/engine/field-types/leaves.ts'
import { BUSINESS_TYPE_CODES, LEGAL_FORMS, type BusinessTypeCode, type LegalForm } from '#src/entities/business-types.model.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'

export type ColumnInput = z.input<typeof LeafFieldDef>
type Option = { value: string; label: MessageKey; exclusive?: boolean }

/** `{ field, in: ['yes', 'partly'] }`: the follow-up questions of a yes/partly/no control. */
export const yesOrPartly = (field: string): Condition => ({ field, in: ['yes', 'partly'] })
export const isYes = (field: string): Condition => ({ field, equals: 'yes' })

const BUSINESS_TYPE_LABELS = {
  investment_adviser: 'questionnaire.option.businessType.investment_adviser',
  precious_goods: 'questionnaire.option.businessType.precious_goods',
  car_dealer: 'questionnaire.option.businessType.car_dealer',
  real_estate: 'questionnaire.option.businessType.real_estate',
  antique: 'questionnaire.option.businessType.antique',
  personal_loan: 'questionnaire.option.businessType.personal_loan',
  e_money_card: 'questionnaire.option.businessType.e_money_card',
  credit_card: 'questionnaire.option.businessType.credit_card',
  e_payment: 'questionnaire.option.businessType.e_payment',
} as const satisfies Record<BusinessTypeCode, MessageKey>
/** Section-16 business types (the registry's codes, so A06 can be pre-filled). */
export const BUSINESS_TYPE_OPTIONS: Option[] = BUSINESS_TYPE_CODES.map((value) => ({ value, label: BUSINESS_TYPE_LABELS[value] }))

const LEGAL_FORM_LABELS = {
  company_limited: 'questionnaire.option.legalForm.company_limited',
  public_company_limited: 'questionnaire.option.legalForm.public_company_limited',
  limited_partnership: 'questionnaire.option.legalForm.limited_partnership',
  registered_ordinary_partnership: 'questionnaire.option.legalForm.registered_ordinary_partnership',
  foreign_company_branch: 'questionnaire.option.legalForm.foreign_company_branch',
  other: 'questionnaire.option.legalForm.other',
} as const satisfies Record<LegalForm, MessageKey>
export const LEGAL_FORM_OPTIONS: Option[] = LEGAL_FORMS.map((value) => ({ value, label: LEGAL_FORM_LABELS[value] }))

export const MONTH_OPTIONS: Option[] = [
  { value: 'jan', label: 'questionnaire.option.month.jan' },
  { value: 'feb', label: 'questionnaire.option.month.feb' },
  { value: 'mar', label: 'questionnaire.option.month.mar' },
  { value: 'apr', label: 'questionnaire.option.month.apr' },
  { value: 'may', label: 'questionnaire.option.month.may' },
  { value: 'jun', label: 'questionnaire.option.month.jun' },
  { value: 'jul', label: 'questionnaire.option.month.jul' },
  { value: 'aug', label: 'questionnaire.option.month.aug' },
  { value: 'sep', label: 'questionnaire.option.month.sep' },
  { value: 'oct', label: 'questionnaire.option.month.oct' },
  { value: 'nov', label: 'questionnaire.option.month.nov' },
  { value: 'dec', label: 'questionnaire.option.month.dec' },
]

/** Overall ML/TF risk levels (the entity's own view: C2_4, D19). */
export const RISK_LEVEL_OPTIONS: Option[] = [
  { value: 'low', label: 'questionnaire.option.riskLevel.low' },
  { value: 'medium_low', label: 'questionnaire.option.riskLevel.medium_low' },
  { value: 'medium_high', label: 'questionnaire.option.riskLevel.medium_high' },
  { value: 'high', label: 'questionnaire.option.riskLevel.high' },
]

/** Product and service lines across the section-16 sectors (D08, D09). */
export const PRODUCT_OPTIONS: Option[] = [
  { value: 'gold_bullion', label: 'questionnaire.option.product.gold_bullion' },
  { value: 'gold_jewellery', label: 'questionnaire.option.product.gold_jewellery' },
  { value: 'gems_diamonds', label: 'questionnaire.option.product.gems_diamonds' },
  { value: 'new_cars', label: 'questionnaire.option.product.new_cars' },
  { value: 'used_cars', label: 'questionnaire.option.product.used_cars' },
  { value: 'car_hire_purchase', label: 'questionnaire.option.product.car_hire_purchase' },
  { value: 'property_sale', label: 'questionnaire.option.product.property_sale' },
  { value: 'property_rental', label: 'questionnaire.option.product.property_rental' },
  { value: 'antiques_art', label: 'questionnaire.option.product.antiques_art' },
  { value: 'second_hand_goods', label: 'questionnaire.option.product.second_hand_goods' },
  { value: 'personal_loans', label: 'questionnaire.option.product.personal_loans' },
  { value: 'cards_e_payment', label: 'questionnaire.option.product.cards_e_payment' },
  { value: 'investment_advice', label: 'questionnaire.option.product.investment_advice' },
  { value: 'other', label: 'questionnaire.option.product.other' },
]

/** How often customer files are reviewed (C3_7, per risk level). */
export const REVIEW_FREQUENCY_OPTIONS: Option[] = [
  { value: 'yearly_or_more', label: 'questionnaire.option.reviewFrequency.yearly_or_more' },
  { value: 'every_2_years', label: 'questionnaire.option.reviewFrequency.every_2_years' },
  { value: 'every_3_years_or_more', label: 'questionnaire.option.reviewFrequency.every_3_years_or_more' },
  { value: 'on_event', label: 'questionnaire.option.reviewFrequency.on_event' },
  { value: 'never', label: 'questionnaire.option.reviewFrequency.never' },
]

// ---------------------------------------------------------------------------------------------
// Columns about a person (directors, beneficial owners, contact people, compliance officer).

export const personColumns = {
  title: {
    id: 'title',
    type: 'singleChoice',
    label: 'questionnaire.person.title.label',
    options: [
      { value: 'mr', label: 'questionnaire.option.title.mr' },
      { value: 'mrs', label: 'questionnaire.option.title.mrs' },
      { value: 'miss', label: 'questionnaire.option.title.miss' },
      { value: 'other', label: 'questionnaire.option.title.other' },
    ],
  },
  fullNameTh: { id: 'fullNameTh', type: 'text', label: 'questionnaire.person.fullNameTh.label', maxLength: 150 },
  fullNameEn: { id: 'fullNameEn', type: 'text', label: 'questionnaire.person.fullNameEn.label', maxLength: 150, optional: true },
  nationality: {
    id: 'nationality',
    type: 'singleChoice',
    label: 'questionnaire.person.nationality.label',
    options: [
      { value: 'thai', label: 'questionnaire.option.nationality.thai' },
      { value: 'foreign', label: 'questionnaire.option.nationality.foreign' },
    ],
  },
  nationalityCountry: {
    id: 'nationalityCountry',
    type: 'text',
    label: 'questionnaire.person.nationalityCountry.label',
    maxLength: 80,
    showIf: { field: 'nationality', equals: 'foreign' },
  },
  idType: {
    id: 'idType',
    type: 'singleChoice',
    label: 'questionnaire.person.idType.label',
    options: [
      { value: 'thai_id', label: 'questionnaire.option.idType.thai_id' },
      { value: 'passport', label: 'questionnaire.option.idType.passport' },
      { value: 'alien_id', label: 'questionnaire.option.idType.alien_id' },
    ],
  },
  thaiId: {
    id: 'thaiId',
    type: 'thaiId13',
    kind: 'citizen',
    label: 'questionnaire.person.thaiId.label',
    showIf: { field: 'idType', equals: 'thai_id' },
  },
  otherId: {
    id: 'otherId',
    type: 'text',
    label: 'questionnaire.person.otherId.label',
    maxLength: 30,
    showIf: { field: 'idType', in: ['passport', 'alien_id'] },
  },
  position: { id: 'position', type: 'text', label: 'questionnaire.person.position.label', maxLength: 150 },
  pep: { id: 'pep', type: 'ynp', partly: false, label: 'questionnaire.person.pep.label', hint: 'questionnaire.person.pep.hint' },
  pepPosition: {
    id: 'pepPosition',
    type: 'text',
    label: 'questionnaire.person.pepPosition.label',
    maxLength: 200,
    showIf: { field: 'pep', equals: 'yes' },
  },
  phone: { id: 'phone', type: 'phone', label: 'questionnaire.person.phone.label' },
  email: { id: 'email', type: 'email', label: 'questionnaire.person.email.label' },
} as const satisfies Record<string, ColumnInput>
