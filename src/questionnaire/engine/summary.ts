/**
 * Check-your-answers and PDF text: each shown question with its answer summarised by its field type.
 */
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { applyConditions, type Answers } from './answers.ts'
import { indexDefinition, type Definition } from './definition.ts'
import { moduleFor, type FieldDef } from './registry.ts'

/** What the web layer shows for an unanswered question (SummaryRow.value undefined): "ยังไม่ได้ตอบ". */
export const NOT_ANSWERED: MessageKey = 'questionnaire.summary.notAnswered'

export type SummaryRow = {
  readonly partId: string
  readonly pageId: string
  readonly sectionId: string
  readonly fieldId: string
  readonly label: MessageKey
  /** The answer as text (groups: one line per row); undefined when unanswered. */
  readonly value: string | undefined
}

/** One answer as text; undefined for no answer (or an answer that no longer fits the definition). */
export function summariseAnswer(def: FieldDef, answer: unknown, t: Translator): string | undefined {
  if (answer === undefined || answer === null) return undefined
  const module = moduleFor(def)
  const checked = module.draftSchema(def).safeParse(answer)
  if (!checked.success || checked.data === undefined) return undefined
  return module.summarise(checked.data, t, def)
}

/** The shown questions of one part (or of every part when partId is omitted), in order. */
export function summariseAnswers(definition: Definition, answers: Answers, t: Translator, partId?: string): SummaryRow[] {
  const { fields, answers: shown } = applyConditions(definition, answers)
  return indexDefinition(definition)
    .fields.filter((e) => fields.has(e.def.id) && (partId === undefined || e.partId === partId))
    .map((e) => ({
      partId: e.partId,
      pageId: e.pageId,
      sectionId: e.sectionId,
      fieldId: e.def.id,
      label: e.def.label,
      value: summariseAnswer(e.def, shown[e.def.id], t),
    }))
}
