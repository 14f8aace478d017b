/**
 * Declarative conditions (house style R11): JSON, never code. A field or section with `showIf` is
 * shown only while its condition holds; answers to hidden questions are ignored at submission.
 *
 *   { field: 'A06_primary', equals: 'precious_goods' }
 *   { field: 'C1_1', in: ['yes', 'partly'] }
 *   { all: [c1, c2] }   { any: [c1, c2] }   { not: c }
 *
 * Semantics, for an answer `a` of the referenced field:
 * - unanswered (or itself hidden): `equals` and `in` are false, so `not` of them is true;
 * - a list answer (multiple choice): `equals: v` holds when v is ticked, `in: [...]` when any of the
 *   listed values is ticked;
 * - otherwise strict equality (`1` is not `'1'`).
 * Top-level questions refer to earlier questions (any part); a column of a repeating group refers to
 * an earlier column of the same row. `lintDefinition` checks both.
 */
import { z } from 'zod'

export type ConditionValue = string | number | boolean
export type Condition =
  | { readonly field: string; readonly equals: ConditionValue }
  | { readonly field: string; readonly in: readonly ConditionValue[] }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }

const value = z.union([z.string().max(200), z.number(), z.boolean()])
const MAX_DEPTH = 8

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ field: z.string().min(1).max(64), equals: value }),
    z.strictObject({ field: z.string().min(1).max(64), in: z.array(value).min(1).max(100).readonly() }),
    z.strictObject({ all: z.array(ConditionSchema).min(1).max(20).readonly() }),
    z.strictObject({ any: z.array(ConditionSchema).min(1).max(20).readonly() }),
    z.strictObject({ not: ConditionSchema }),
  ]),
)

/** Reads an answer by field id (or column id, inside a row); undefined when unanswered or hidden. */
export type AnswerLookup = (fieldId: string) => unknown

/** Throws RangeError beyond 8 levels of nesting (lintDefinition refuses such definitions). */
export function evaluateCondition(condition: Condition, lookup: AnswerLookup, depth = 0): boolean {
  if (depth >= MAX_DEPTH) throw new RangeError('condition nested too deeply')
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, lookup, depth + 1))
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, lookup, depth + 1))
  if ('not' in condition) return !evaluateCondition(condition.not, lookup, depth + 1)
  const answer = lookup(condition.field)
  if (answer === undefined || answer === null) return false
  const expected: readonly ConditionValue[] = 'equals' in condition ? [condition.equals] : condition.in
  if (Array.isArray(answer)) return answer.some((a) => expected.includes(a as ConditionValue))
  return expected.includes(answer as ConditionValue)
}

/** Every field id a condition reads, with the values it compares against. */
export function conditionReferences(condition: Condition): { field: string; values: readonly ConditionValue[] }[] {
  if ('all' in condition) return condition.all.flatMap(conditionReferences)
  if ('any' in condition) return condition.any.flatMap(conditionReferences)
  if ('not' in condition) return conditionReferences(condition.not)
  return [{ field: condition.field, values: 'equals' in condition ? [condition.equals] : condition.in }]
}

/** Nesting depth (1 for a leaf); deeper than 8 is refused by lintDefinition. */
export function conditionDepth(condition: Condition): number {
  if ('all' in condition) return 1 + Math.max(...condition.all.map(conditionDepth))
  if ('any' in condition) return 1 + Math.max(...condition.any.map(conditionDepth))
  if ('not' in condition) return 1 + conditionDepth(condition.not)
  return 1
}
export const MAX_CONDITION_DEPTH = MAX_DEPTH
