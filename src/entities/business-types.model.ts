/**
 * Section-16 business types (domain.md §1.3) as a closed list of codes. The display names and the
 * supervising division live in the `business_types` table so AMLO can edit them; the codes are
 * stable because questionnaire sector modules and scoring baselines refer to them.
 */
export const BUSINESS_TYPE_CODES = [
  'investment_adviser', // §16(1)
  'precious_goods', // §16(2) gems, diamonds, gold, jewellery
  'car_dealer', // §16(3) car sales and hire purchase
  'real_estate', // §16(4) real-estate brokers and agents
  'antique', // §16(5) antique / second-hand dealers
  'personal_loan', // §16(6)
  'e_money_card', // §16(7)
  'credit_card', // §16(8)
  'e_payment', // §16(9)
] as const
export type BusinessTypeCode = (typeof BUSINESS_TYPE_CODES)[number]

export const LEGAL_FORMS = [
  'company_limited',
  'public_company_limited',
  'limited_partnership',
  'registered_ordinary_partnership',
  'foreign_company_branch',
  'other',
] as const
export type LegalForm = (typeof LEGAL_FORMS)[number]

export const ENTITY_STATUSES = ['active', 'inactive'] as const
export type EntityStatus = (typeof ENTITY_STATUSES)[number]
