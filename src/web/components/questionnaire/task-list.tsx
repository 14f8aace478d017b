/**
 * The assessment's task list (issue 4, "What the business sees"): each part ก–ง with its status
 * tag, the deadline, the last-saved time and the ออกรายงานข้อมูลพื้นฐาน link. Statuses come from the
 * engine's derived progress (`partProgress`), or `needs_correction` for a part AMLO returned.
 */
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { formatDateLong, formatDateTimeLong } from '#src/platform/i18n/format.ts'
import { PART_STATUS_LABELS, type Definition, type PartStatus } from '#src/questionnaire/engine/index.ts'
import { StatusTag, type Tone } from '#src/web/components/status/status-tag.tsx'

export type TaskStatus = PartStatus | 'needs_correction'

export const TASK_STATUS_TONE = {
  not_started: 'grey',
  in_progress: 'blue',
  completed: 'green',
  needs_correction: 'red',
} as const satisfies Record<TaskStatus, Tone>

export type TaskListProps = {
  t: Translator
  locale: Locale
  definition: Definition
  /** Per part id; a part missing here shows as not started. */
  statuses: Readonly<Partial<Record<string, TaskStatus>>>
  /** The page of a part (its first page). */
  partHref: (partId: string) => string
  deadline: Date
  /** Undefined before the first save. */
  lastSavedAt?: Date | undefined
  /** The basic-information report (PDF, or a printable page until the reports issue lands). */
  basicReportHref: string
}

export function TaskList({ t, locale, definition, statuses, partHref, deadline, lastSavedAt, basicReportHref }: TaskListProps) {
  return (
    <div class="task-list-page">
      <p class="body" id="task-list-deadline">
        {t('questionnaire.taskList.deadline', { date: formatDateLong(deadline, locale) })}
      </p>
      <p class="body" id="task-list-last-saved">
        {lastSavedAt ? t('questionnaire.taskList.lastSaved', { time: formatDateTimeLong(lastSavedAt, locale) }) : t('questionnaire.taskList.neverSaved')}
      </p>
      <ul class="task-list">
        {definition.parts.map((part) => {
          const status = statuses[part.id] ?? 'not_started'
          const statusId = `task-${part.id}-status`
          return (
            <li class="task-list__item" key={part.id}>
              <a class="link task-list__name" href={partHref(part.id)} aria-describedby={statusId}>
                {t(part.letter)} {t(part.title)}
              </a>
              <span class="task-list__status" id={statusId}>
                <StatusTag t={t} status={status} tones={TASK_STATUS_TONE} labels={PART_STATUS_LABELS} />
              </span>
            </li>
          )
        })}
      </ul>
      <a class="button button--secondary" role="button" href={basicReportHref}>
        {t('questionnaire.taskList.basicReport')}
      </a>
    </div>
  )
}
