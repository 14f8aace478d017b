/**
 * Reads numbers and conditions out of a flat answer set for the scoring ruleset (score.model.ts).
 * Pure. Unanswered numbers are `undefined` (an indicator without its answer is left out, e.g. a
 * sector module of another sector); conditions on unanswered questions are false.
 */
import type { Condition, FlagCode, Ruleset, RulesetListName, Source } from './score.model.ts'

export type Answers = Readonly<Record<string, unknown>>
export type ReadContext = {
  answers: Answers
  lists: Ruleset['lists']
  asOf: string | null
  attachmentIds: ReadonlySet<string> | null
  flags: ReadonlySet<FlagCode>
}

export const num = (answers: Answers, id: string): number | undefined => {
  const v = answers[id]
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}
export const str = (answers: Answers, id: string): string | undefined => {
  const v = answers[id]
  return typeof v === 'string' ? v : undefined
}
export const strings = (answers: Answers, id: string): string[] => {
  const v = answers[id]
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}
export const rows = (answers: Answers, id: string): Record<string, unknown>[] => {
  const v = answers[id]
  return Array.isArray(v) ? v.filter((r): r is Record<string, unknown> => !!r && typeof r === 'object' && !Array.isArray(r)) : []
}

/** Attachments of a file answer that exist in the submission (all of them when the list is unknown). */
export function attachedFiles(ctx: ReadContext, id: string): number {
  return rows(ctx.answers, id).filter((f) => typeof f.attachmentId === 'string' && (ctx.attachmentIds === null || ctx.attachmentIds.has(f.attachmentId))).length
}

const sumOf = (answers: Answers, ids: readonly string[]): number | undefined => {
  const values = ids.map((id) => num(answers, id))
  return values.every((v) => v === undefined) ? undefined : values.reduce<number>((a, v) => a + (v ?? 0), 0)
}

export function readSource(answers: Answers, source: Source): number | undefined {
  if ('field' in source) return num(answers, source.field)
  if ('sum' in source) return sumOf(answers, source.sum)
  const part = sumOf(answers, source.percentOf.part)
  const whole = sumOf(answers, source.percentOf.whole)
  if (part === undefined || !whole) return undefined
  return (100 * part) / whole
}

export const sourceFieldIds = (source: Source): string[] =>
  'field' in source ? [source.field] : 'sum' in source ? [...source.sum] : [...new Set([...source.percentOf.part, ...source.percentOf.whole])]

/** Lower case, spaces collapsed: how list names (countries, provinces) are compared. */
const norm = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ')
/** Each list normalised once (rulesets are frozen data; rescoring a cycle asks ~100,000 times). */
const normalisedLists = new WeakMap<readonly string[], ReadonlySet<string>>()
function normalisedList(list: readonly string[]): ReadonlySet<string> {
  let set = normalisedLists.get(list)
  if (!set) normalisedLists.set(list, (set = new Set(list.map(norm))))
  return set
}
export const inList = (lists: Ruleset['lists'], name: RulesetListName, value: unknown): boolean =>
  typeof value === 'string' && normalisedList(lists[name]).has(norm(value))

/** Whole years from an ISO date to another (yyyy-mm-dd), counting a year only once it is complete. */
export function yearsBetween(fromIso: string, toIso: string): number {
  const [fy, fm, fd] = fromIso.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = toIso.split('-').map(Number) as [number, number, number]
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0)
}

const ADDRESS_PROVINCE = (a: unknown) => (a && typeof a === 'object' && 'province' in a ? (a as { province: unknown }).province : undefined)

export function holds(ctx: ReadContext, c: Condition): boolean {
  const { answers, lists } = ctx
  if ('all' in c) return c.all.every((x) => holds(ctx, x))
  if ('any' in c) return c.any.some((x) => holds(ctx, x))
  if ('flag' in c) return ctx.flags.has(c.flag)
  if ('source' in c) {
    const v = readSource(answers, c.source)
    if (v === undefined) return false
    return 'atLeast' in c ? v >= c.atLeast : 'above' in c ? v > c.above : v <= c.atMost
  }
  if ('groupEmpty' in c) return rows(answers, c.groupEmpty).length === 0
  if ('provinceInList' in c) {
    const provinces = [ADDRESS_PROVINCE(answers.A10), ...rows(answers, 'B09').map((r) => ADDRESS_PROVINCE(r.address))]
    return provinces.some((p) => inList(lists, c.provinceInList, p))
  }
  if ('group' in c) {
    const rs = rows(answers, c.group)
    if ('in' in c) return rs.some((r) => c.in.includes(r[c.column] as string))
    if ('inList' in c) return rs.some((r) => inList(lists, c.inList, r[c.column]))
    return rs.some((r) => typeof r[c.column] === 'string' && !inList(lists, c.notInList, r[c.column]))
  }
  if ('equals' in c) return str(answers, c.field) === c.equals || strings(answers, c.field).includes(c.equals)
  if ('in' in c) return c.in.includes(str(answers, c.field) ?? '\u0000') || strings(answers, c.field).some((v) => c.in.includes(v))
  if ('anyTickedExcept' in c) return strings(answers, c.field).some((v) => !c.anyTickedExcept.includes(v))
  const date = str(answers, c.field)
  if (!date || !ctx.asOf || date > ctx.asOf) return false
  return 'olderThanYears' in c ? yearsBetween(date, ctx.asOf) >= c.olderThanYears : yearsBetween(date, ctx.asOf) < c.youngerThanYears
}

/** A JSON-safe summary of one answer, for a contribution's `value`. */
export function answerValue(answers: Answers, id: string): string | number | boolean | null | readonly string[] {
  const v = answers[id]
  if (v === undefined || v === null) return null
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[]
  if (Array.isArray(v)) return v.length
  return null
}
