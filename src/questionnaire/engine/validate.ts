/**
 * The two validations (house style R13):
 * - `validateDraft` — บันทึกแบบร่าง and autosave: one page's form post, lenient. Empty is fine;
 *   only malformed values are problems. Synchronous.
 * - `validateSubmission` — ส่งข้อมูล: every answer, strict, honouring conditions, plus cross-field
 *   rules; every problem at once. Async (addresses are checked against reference data).
 */
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { MessageParams } from '#src/platform/i18n/translator.ts'
import { applyConditions, type Answers, type DraftPage } from './answers.ts'
import { findField, findPage, indexDefinition, pageFields, type Definition, type FieldEntry } from './definition.ts'
import { issuesFromZod, parseDraftValue, type FieldIssue, type ValidationContext } from './field-types/contract.ts'
import { moduleFor } from './registry.ts'
import { evaluateRule } from './rules.ts'

export type { ValidationContext } from './field-types/contract.ts'

/** One problem, located for the error summary and the field: link to `fieldPath` on `partId`/`pageId`. */
export type Problem = {
  readonly partId: string
  readonly pageId: string
  readonly sectionId: string
  /** The question (for a group, the group). */
  readonly fieldId: string
  /** The input: `A05`, `A10.postcode`, `B01.0.thaiId` — the form name of the input in error. */
  readonly fieldPath: string
  readonly messageKey: MessageKey
  readonly params?: MessageParams
}

const problemAt = (entry: FieldEntry, issue: FieldIssue): Problem => ({
  partId: entry.partId,
  pageId: entry.pageId,
  sectionId: entry.sectionId,
  fieldId: entry.def.id,
  fieldPath: [entry.def.id, ...issue.path].join('.'),
  messageKey: issue.messageKey,
  ...(issue.params ? { params: issue.params } : {}),
})

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

/**
 * Normalises one page's form post. `rawPost` is the un-flattened body (parseForm's `unflatten`:
 * `B01.0.fullName` → `{ B01: [{ fullName }] }`), CSRF token and intent removed or not — names that
 * are not questions of this page are dropped, as are posted values of read-only questions.
 * Conditions are not applied: a draft keeps answers to hidden questions (people may switch back).
 * Returns the page's well-formed answers and one problem per malformed input; store it with
 * `mergeDraft`. Throws RangeError for an unknown page (check with findPage first).
 */
export function validateDraft(definition: Definition, partId: string, pageId: string, rawPost: unknown): DraftPage {
  if (!findPage(definition, partId, pageId)) throw new RangeError(`unknown page ${partId}/${pageId}`)
  const post = isPlainObject(rawPost) ? rawPost : {}
  const answers: Record<string, unknown> = {}
  const problems: Problem[] = []
  for (const entry of pageFields(definition, partId, pageId)) {
    const { def } = entry
    if (def.readOnly) continue
    const raw = Object.hasOwn(post, def.id) ? post[def.id] : undefined
    const parsed = parseDraftValue(moduleFor(def), def, raw)
    if (parsed.value !== undefined) answers[def.id] = parsed.value
    for (const issue of parsed.issues) problems.push(problemAt(entry, issue))
  }
  return { partId, pageId, answers, problems }
}

export type SubmissionResult = {
  /** True when there is no problem. */
  readonly ok: boolean
  /** Every problem, in document order, then cross-field rules. */
  readonly problems: readonly Problem[]
  /**
   * The cleaned answers to snapshot: shown questions only (hidden and unknown ones dropped), group
   * rows without any answer dropped, hidden columns dropped, addresses in canonical spelling.
   */
  readonly answers: Answers
}

/**
 * Validates the whole questionnaire for submission. Answers to questions whose condition is off,
 * and to ids the definition does not have, are ignored (left out of `answers`), never errors.
 */
export async function validateSubmission(
  definition: Definition,
  answers: Answers,
  context: ValidationContext,
): Promise<SubmissionResult> {
  const visibility = applyConditions(definition, isPlainObject(answers) ? answers : {})
  const cleaned: Record<string, unknown> = {}
  const problems: Problem[] = []
  const failed = new Set<string>()
  for (const entry of indexDefinition(definition).fields) {
    const { def } = entry
    if (!visibility.fields.has(def.id)) continue
    const result = await moduleFor(def).submitSchema(def, context).safeParseAsync(visibility.answers[def.id])
    if (result.success) {
      if (result.data !== undefined) cleaned[def.id] = result.data
    } else {
      failed.add(def.id)
      for (const issue of issuesFromZod(result.error)) problems.push(problemAt(entry, issue))
    }
  }
  for (const rule of definition.rules) {
    const violation = evaluateRule(rule, { answers: cleaned, visible: visibility.fields, failed })
    const entry = violation && findField(definition, violation.fieldId)
    if (violation && entry) {
      problems.push(
        problemAt(entry, { path: [], messageKey: violation.messageKey, ...(violation.params ? { params: violation.params } : {}) }),
      )
    }
  }
  return { ok: problems.length === 0, problems, answers: cleaned }
}
