/**
 * Progress is derived, never stored (house style R13): a part (or page) is
 * - `not_started` while none of its questions has an answer (pre-filled questions do not count:
 *   part ก arrives pre-filled from the registry);
 * - `completed` when submission validation reports no problem on it (hidden questions ignored);
 * - `in_progress` otherwise.
 * "ต้องแก้ไข" (returned for correction) is a submission status, not progress: the web layer shows it
 * from the submission; PART_STATUS_LABELS has its key too.
 */
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { Answers } from './answers.ts'
import { indexDefinition, type Definition } from './definition.ts'
import type { ValidationContext } from './field-types/contract.ts'
import { validateSubmission, type Problem } from './validate.ts'

export const PART_STATUSES = ['not_started', 'in_progress', 'completed'] as const
export type PartStatus = (typeof PART_STATUSES)[number]

/** Task-list labels: ยังไม่เริ่ม / กำลังดำเนินการ / เสร็จสมบูรณ์, and ต้องแก้ไข for a returned part. */
export const PART_STATUS_LABELS = {
  not_started: 'questionnaire.status.not_started',
  in_progress: 'questionnaire.status.in_progress',
  completed: 'questionnaire.status.completed',
  needs_correction: 'questionnaire.status.needs_correction',
} as const satisfies Record<PartStatus | 'needs_correction', MessageKey>

export type PageProgress = { readonly pageId: string; readonly status: PartStatus; readonly problems: readonly Problem[] }
export type PartProgress = {
  readonly partId: string
  readonly status: PartStatus
  readonly problems: readonly Problem[]
  readonly pages: readonly PageProgress[]
}

function status(answered: boolean, problems: readonly Problem[]): PartStatus {
  if (problems.length === 0) return 'completed'
  return answered ? 'in_progress' : 'not_started'
}

/** Progress of every part and page, from one submission validation. */
export async function assessmentProgress(
  definition: Definition,
  answers: Answers,
  context: ValidationContext,
): Promise<readonly PartProgress[]> {
  const { problems } = await validateSubmission(definition, answers, context)
  const answered = new Set<string>()
  for (const { def, partId, pageId } of indexDefinition(definition).fields) {
    if (!def.prefill && Object.hasOwn(answers, def.id) && answers[def.id] !== undefined) {
      answered.add(partId)
      answered.add(`${partId}/${pageId}`)
    }
  }
  return definition.parts.map((part) => {
    const partProblems = problems.filter((p) => p.partId === part.id)
    return {
      partId: part.id,
      status: status(answered.has(part.id), partProblems),
      problems: partProblems,
      pages: part.pages.map((page) => {
        const pageProblems = partProblems.filter((p) => p.pageId === page.id)
        return { pageId: page.id, status: status(answered.has(`${part.id}/${page.id}`), pageProblems), problems: pageProblems }
      }),
    }
  })
}

/** partId → status, for the task list. */
export async function partProgress(
  definition: Definition,
  answers: Answers,
  context: ValidationContext,
): Promise<Record<string, PartStatus>> {
  const parts = await assessmentProgress(definition, answers, context)
  return Object.fromEntries(parts.map((p) => [p.partId, p.status]))
}

/** partId → pageId → status (part ข has two pages). */
export async function pageProgress(
  definition: Definition,
  answers: Answers,
  context: ValidationContext,
): Promise<Record<string, Record<string, PartStatus>>> {
  const parts = await assessmentProgress(definition, answers, context)
  return Object.fromEntries(parts.map((p) => [p.partId, Object.fromEntries(p.pages.map((pg) => [pg.pageId, pg.status]))]))
}
