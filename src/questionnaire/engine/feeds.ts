/**
 * What a question feeds in the risk model (domain.md §5 "Feeds", §6.2–6.3): an inherent-risk factor
 * or a control area. Scoring refers to field ids through these codes, so a question records them in
 * its definition (`feeds: ['CUS']`) and `fieldsByFeed(definition)` lists the ids per code.
 */
export const RISK_FACTOR_CODES = [
  'CUS', // customers
  'PRD', // products and services
  'CHN', // delivery channels
  'GEO', // geography
  'TXN', // transactions and cash
  'ORG', // ownership and structure of the entity
  'SIZ', // size / materiality (impact modifier, not part of the inherent score)
] as const
export type RiskFactorCode = (typeof RISK_FACTOR_CODES)[number]

export const CONTROL_AREA_CODES = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8'] as const
export type ControlAreaCode = (typeof CONTROL_AREA_CODES)[number]

export const FEED_CODES = [...RISK_FACTOR_CODES, ...CONTROL_AREA_CODES] as const
export type FeedCode = (typeof FEED_CODES)[number]

export const isFeedCode = (v: string): v is FeedCode => (FEED_CODES as readonly string[]).includes(v)
