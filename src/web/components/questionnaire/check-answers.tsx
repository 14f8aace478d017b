/**
 * Check your answers (issue 4): per part, a summary list of every shown question with its answer
 * as the engine summarises it (`summariseAnswers`) and a "แก้ไข" link to the question.
 */
import type { Translator } from '#src/platform/i18n/translator.ts'
import { NOT_ANSWERED, summariseAnswers, type Answers, type Definition, type SummaryRow } from '#src/questionnaire/engine/index.ts'

export type CheckAnswersProps = {
  t: Translator
  definition: Definition
  answers: Answers
  /** One part, or every part when omitted. */
  partId?: string | undefined
  /** The question's page with its anchor, e.g. `/portal/assessment/part-a/1#A05`. */
  changeHref: (row: SummaryRow) => string
  /** No change links (a submitted, read-only assessment). */
  readOnly?: boolean | undefined
}

export function CheckAnswers({ t, definition, answers, partId, changeHref, readOnly }: CheckAnswersProps) {
  const rows = summariseAnswers(definition, answers, t, partId)
  const parts = definition.parts.filter((p) => partId === undefined || p.id === partId)
  return (
    <div class="check-answers">
      {parts.map((part) => {
        const own = rows.filter((r) => r.partId === part.id)
        return (
          <section key={part.id} aria-labelledby={`check-${part.id}`}>
            <h2 class="heading-m" id={`check-${part.id}`}>
              {t(part.letter)} {t(part.title)}
            </h2>
            <dl class="summary-list">
              {own.map((row) => {
                const label = t(row.label)
                return (
                  <div class="summary-list__row" key={row.fieldId} id={`answer-${row.fieldId}`}>
                    <dt class="summary-list__key">{label}</dt>
                    <dd class="summary-list__value">
                      {row.value === undefined
                        ? t(NOT_ANSWERED)
                        : row.value.split('\n').map((line, i) => (
                            <p class="body" key={i}>
                              {line}
                            </p>
                          ))}
                    </dd>
                    {readOnly ? null : (
                      <dd class="summary-list__actions">
                        <a class="link" href={changeHref(row)}>
                          {t('questionnaire.check.change')}
                          <span class="visually-hidden"> {label}</span>
                        </a>
                      </dd>
                    )}
                  </div>
                )
              })}
            </dl>
          </section>
        )
      })}
    </div>
  )
}
