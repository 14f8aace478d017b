/**
 * Cross-field rules (definition.ts `CrossFieldRule`), evaluated on the cleaned answers of a
 * submission. Pure and synchronous.
 */
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { MessageParams } from '#src/platform/i18n/translator.ts'
import type { Answers } from './answers.ts'
import type { CrossFieldRule, SumTerm } from './definition.ts'

export type RuleViolation = { readonly fieldId: string; readonly messageKey: MessageKey; readonly params?: MessageParams }

type RuleInput = {
  /** Cleaned answers: shown questions only. */
  readonly answers: Answers
  /** Shown questions. */
  readonly visible: ReadonlySet<string>
  /** Questions that already have a problem: rules reading them are skipped. */
  readonly failed: ReadonlySet<string>
}

/** Hundredths, so percentages with two decimals add up exactly. */
const hundredths = (n: number) => Math.round(n * 100)
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

const termField = (term: SumTerm) => ('field' in term ? term.field : term.group)

function termValue(term: SumTerm, answers: Answers): number | undefined {
  if ('field' in term) return num(answers[term.field])
  const rows = answers[term.group]
  if (!Array.isArray(rows)) return undefined
  let total = 0
  for (const row of rows) total += num((row as Record<string, unknown>)[term.column]) ?? 0
  return total
}

function compare(a: number | string, op: 'lte' | 'lt' | 'gte' | 'gt', b: number | string): boolean {
  switch (op) {
    case 'lte':
      return a <= b
    case 'lt':
      return a < b
    case 'gte':
      return a >= b
    case 'gt':
      return a > b
  }
}

export function evaluateRule(rule: CrossFieldRule, input: RuleInput): RuleViolation | undefined {
  const { answers, visible, failed } = input
  const usable = (id: string) => visible.has(id) && !failed.has(id)
  switch (rule.kind) {
    case 'sum': {
      if (!usable(rule.reportAt)) return undefined
      const fields = rule.terms.map(termField)
      if (fields.some((id) => failed.has(id))) return undefined
      const shown = rule.terms.filter((t) => visible.has(termField(t)))
      const values = shown.map((t) => termValue(t, answers))
      if (values.every((v) => v === undefined)) return undefined
      const total = values.reduce<number>((sum, v) => sum + hundredths(v ?? 0), 0)
      const params = { total: total / 100 }
      if (rule.equals !== undefined && total !== hundredths(rule.equals)) {
        return { fieldId: rule.reportAt, messageKey: rule.messageKey, params: { ...params, expected: rule.equals } }
      }
      if (rule.atMost !== undefined && total > hundredths(rule.atMost)) {
        return { fieldId: rule.reportAt, messageKey: rule.messageKey, params: { ...params, expected: rule.atMost } }
      }
      return undefined
    }
    case 'compare': {
      if (!usable(rule.field) || !usable(rule.other)) return undefined
      const a = answers[rule.field]
      const b = answers[rule.other]
      const comparable = (v: unknown): v is number | string => num(v) !== undefined || typeof v === 'string'
      if (!comparable(a) || !comparable(b) || typeof a !== typeof b) return undefined
      return compare(a, rule.op, b) ? undefined : { fieldId: rule.field, messageKey: rule.messageKey }
    }
    case 'rowCount': {
      if (!usable(rule.group) || !usable(rule.equalsField)) return undefined
      const count = num(answers[rule.equalsField])
      const rows = answers[rule.group]
      const n = Array.isArray(rows) ? rows.length : 0
      if (count === undefined || n === count) return undefined
      return { fieldId: rule.group, messageKey: rule.messageKey, params: { rows: n, count } }
    }
    case 'choiceAmong': {
      if (!usable(rule.field) || !usable(rule.among)) return undefined
      const choice = answers[rule.field]
      const among = answers[rule.among]
      if (typeof choice !== 'string' || !Array.isArray(among)) return undefined
      return among.includes(choice) ? undefined : { fieldId: rule.field, messageKey: rule.messageKey }
    }
  }
}
