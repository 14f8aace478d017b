/**
 * The staff submission view: the business and status, the rating (override in force or computed)
 * with the score's explanation and flags, every answer by part, attachments, the diff against the
 * previous submission, earlier cycles, the actions (assign, accept, return, override, note) and the
 * audit trail. Staff only: nothing here is shown to the business.
 */
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import { can } from '#src/identity/permissions.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { formatDateNumeric, formatDateTimeNumeric, formatNumber } from '#src/platform/i18n/format.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { indexDefinition, summariseAnswers, type Answers, type Definition } from '#src/questionnaire/engine/index.ts'
import type { SubmissionReview } from '#src/review/get-submission-review.ts'
import { RATINGS, type ReviewEventKind } from '#src/review/review.model.ts'
import type { ScoreExplanationLine, ScoreGroup } from '#src/review/risk-score.link.ts'
import { ACTIONS_BY_STATUS } from '#src/submissions/assessment-status.rules.ts'
import { Button, ErrorSummary, Form, Select, TextInput, Textarea } from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { CheckAnswers } from '#src/web/components/questionnaire/check-answers.tsx'
import { AuditTable } from '#src/web/admin/audit-page.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { ASSESSMENT_STATUS_LABELS } from '#src/web/portal/assessment-pages.tsx'
import { RATING_LABELS } from './staff-labels.ts'

export type ActionForm = 'assign' | 'return' | 'override' | 'decide' | 'note' | 'accept'
export type ActionProblem = { form: ActionForm; messageKey: MessageKey; values: Record<string, unknown> }

const EVENT_LABELS = {
  created: 'staff.event.created',
  draft_saved: 'staff.event.draft_saved',
  attachment_added: 'staff.event.attachment_added',
  attachment_removed: 'staff.event.attachment_removed',
  submitted: 'staff.event.submitted',
  returned: 'staff.event.returned',
  accepted: 'staff.event.accepted',
  assigned: 'staff.event.assigned',
  note_added: 'staff.event.note_added',
  override_requested: 'staff.event.override_requested',
  override_approved: 'staff.event.override_approved',
  override_rejected: 'staff.event.override_rejected',
} as const satisfies Record<string, MessageKey>
const eventLabel = (t: Translator, kind: string) => (Object.hasOwn(EVENT_LABELS, kind) ? t(EVENT_LABELS[kind as ReviewEventKind]) : kind)

const OVERRIDE_STATUS_LABELS = { pending: 'staff.override.pending', approved: 'staff.override.approved', rejected: 'staff.override.rejected' } as const satisfies Record<string, MessageKey>

/** Field label, before, after for every answer that changed (each side summarised by its own definition). */
export function answerDiff(t: Translator, current: { definition: Definition; answers: Answers }, previous: { definition: Definition; answers: Answers }) {
  const now = summariseAnswers(current.definition, current.answers, t)
  const before = new Map(summariseAnswers(previous.definition, previous.answers, t).map((r) => [r.fieldId, r.value]))
  const seen = new Set(now.map((r) => r.fieldId))
  const rows = now.filter((r) => before.get(r.fieldId) !== r.value).map((r) => ({ fieldId: r.fieldId, label: t(r.label), before: before.get(r.fieldId), after: r.value }))
  for (const r of summariseAnswers(previous.definition, previous.answers, t)) if (!seen.has(r.fieldId) && r.value !== undefined) rows.push({ fieldId: r.fieldId, label: t(r.label), before: r.value, after: undefined })
  return rows
}

/** Label and summarised answer of each question a score line read (labels from the questionnaire definition). */
type ScoreFields = { label: (id: string) => string; answer: (id: string) => string | undefined; isShown: (id: string) => boolean }

function scoreFields(t: Translator, definition: Definition, answers: Answers): ScoreFields {
  const byId = indexDefinition(definition).byId
  const shown = new Map(summariseAnswers(definition, answers, t).map((r) => [r.fieldId, r.value]))
  return {
    label: (id) => {
      const entry = byId.get(id)
      return entry ? `${id} ${t(entry.def.label)}` : id
    },
    answer: (id) => shown.get(id),
    isShown: (id) => shown.has(id),
  }
}

/** The questions of a line, each linking to its answer further down the page. */
function Questions({ fields, ids }: { fields: ScoreFields; ids: readonly string[] | undefined }) {
  if (!ids?.length) return null
  return (
    <ul class="list">
      {ids.map((id) => (
        <li key={id}>{fields.isShown(id) ? <a href={`#answer-${id}`}>{fields.label(id)}</a> : fields.label(id)}</li>
      ))}
    </ul>
  )
}

/** Each factor or control area: its score and weight, then every answer that drove it, its points and why. */
function ScoreGroups({ t, locale, id, heading, groups, fields }: { t: Translator; locale: PageContext['locale']; id: string; heading: string; groups: readonly ScoreGroup[]; fields: ScoreFields }) {
  const num = (n: number) => formatNumber(n, locale, { maximumFractionDigits: 2 })
  return (
    <section aria-labelledby={`${id}-heading`} id={id}>
      <h3 class="heading-m" id={`${id}-heading`}>
        {heading}
      </h3>
      {groups.map((g) => (
        <details key={g.code} id={`score-${g.code}`}>
          <summary>{t('staff.score.groupSummary', { name: t(g.nameKey), score: g.score, max: g.maxScore, weight: num(g.weight * 100) })}</summary>
          <table class="table">
            <caption class="visually-hidden">{t(g.nameKey)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.score.question')}</th>
                <th scope="col">{t('staff.score.answer')}</th>
                <th scope="col" class="numeric">
                  {t('staff.score.points')}
                </th>
                <th scope="col">{t('staff.score.why')}</th>
              </tr>
            </thead>
            <tbody>
              {g.lines.length === 0 ? (
                <tr>
                  <td colspan={4} class="table__empty">
                    {t('staff.score.noAnswers')}
                  </td>
                </tr>
              ) : (
                g.lines.map((l) => (
                  <tr key={l.code}>
                    <td>
                      <Questions fields={fields} ids={l.fieldIds} />
                    </td>
                    <td>
                      {(l.fieldIds ?? []).flatMap((f) => {
                        const a = fields.answer(f)
                        return a === undefined ? [] : a.split('\n').map((text, i) => <p class="body" key={`${f}-${i}`}>{text}</p>)
                      })}
                    </td>
                    <td class="numeric">{l.points === undefined ? '' : l.maxPoints === undefined ? num(l.points) : t('staff.score.pointsOf', { points: num(l.points), max: num(l.maxPoints) })}</td>
                    <td>{l.messageKey ? t(l.messageKey, l.params) : ''}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </details>
      ))}
    </section>
  )
}

/** Flags and automatic floors: the sentence, the band a floor sets, and the questions involved. */
function Reasons({ t, id, caption, lines, fields }: { t: Translator; id: string; caption: string; lines: readonly ScoreExplanationLine[]; fields: ScoreFields }) {
  if (!lines.length) return null
  const hasBand = lines.some((l) => l.band)
  return (
    <table class="table" id={id}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('staff.score.why')}</th>
          {hasBand ? <th scope="col">{t('staff.score.band')}</th> : null}
          <th scope="col">{t('staff.score.related')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.code}>
            <td>{l.messageKey ? t(l.messageKey, l.params) : l.code}</td>
            {hasBand ? <td>{l.band ? t(RATING_LABELS[l.band]) : ''}</td> : null}
            <td>
              <Questions fields={fields} ids={l.fieldIds} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function SubmissionPage({ ctx, view, flash, problem }: { ctx: PageContext; view: SubmissionReview; flash?: Flash | undefined; problem?: ActionProblem | undefined }) {
  const { t, locale } = ctx
  const v = view
  const name = registeredName(v.entity.nameTh, v.entity.legalForm as LegalForm, locale, v.entity.nameEn)
  const base = `/staff/submissions/${v.assessment.id}`
  const actions = ACTIONS_BY_STATUS[v.assessment.status] as readonly string[]
  const who = (id: string | null) => (id ? (v.names.get(id) ?? '') : t('staff.event.system'))
  const val = (form: ActionForm, key: string) => (problem?.form === form ? String(problem.values[key] ?? '') : '')
  const err = (form: ActionForm) => (problem?.form === form ? t(problem.messageKey) : undefined)
  const diff = v.previous ? answerDiff(t, { definition: v.definition, answers: v.snapshot.answers }, { definition: v.previous.definition, answers: v.previous.snapshot.answers }) : []
  const pending = v.overrides.find((o) => o.status === 'pending')
  const questions = summariseAnswers(v.definition, v.snapshot.answers, t)
  const fields = scoreFields(t, v.definition, v.snapshot.answers)
  const errorId = problem ? `${problem.form}-form` : ''
  return (
    <PageLayout ctx={ctx} title={name} hasErrors={!!problem}>
      <ErrorSummary t={t} items={problem ? [{ id: errorId, text: t(problem.messageKey) }] : []} />
      <FlashBanner t={t} flash={flash} />
      <p class="body">
        <a href="/staff/submissions">{t('staff.queue.title')}</a>
      </p>
      <span class="caption-l">{locale === 'en' ? v.cycle.nameEn : v.cycle.nameTh}</span>
      <h1 class="heading-xl">{name}</h1>
      <dl class="summary-list" id="submission-facts">
        <Row k={t('staff.col.juristicId')} v={v.entity.juristicId} />
        <Row k={t('staff.col.province')} v={v.entity.province} />
        <Row k={t('staff.col.status')} v={t(ASSESSMENT_STATUS_LABELS[v.assessment.status])} />
        <Row k={t('staff.col.receipt')} v={`${v.submission.receiptRef} (${t('staff.view.version', { version: v.submission.version })})`} />
        <Row k={t('staff.col.submittedAt')} v={formatDateTimeNumeric(v.submission.submittedAt)} />
        <Row k={t('staff.col.assignee')} v={v.review?.assigneeUserId ? who(v.review.assigneeUserId) : t('staff.filter.unassigned')} />
      </dl>

      <h2 class="heading-l" id="rating">
        {t('staff.score.heading')}
      </h2>
      <p class="body" id="current-rating">
        {t('staff.score.current', { rating: v.rating.rating ? t(RATING_LABELS[v.rating.rating]) : t('staff.rating.none') })}
        {v.rating.source === 'override' ? ` ${t('staff.rating.overridden')}` : ''}
        {v.rating.source === 'override' && v.review?.overrideExpiresAt ? ` ${t('staff.override.until', { date: formatDateNumeric(v.review.overrideExpiresAt) })}` : ''}
      </p>
      {v.score ? (
        <>
          <p class="body">
            {t('staff.score.summary', {
              version: v.score.rulesetVersion,
              inherent: t(RATING_LABELS[v.score.inherent]),
              irs: formatNumber(v.score.irs, locale, { maximumFractionDigits: 2 }),
              ce: formatNumber(v.score.cePercent, locale, { maximumFractionDigits: 1 }),
              flags: v.score.flagsCount,
            })}
          </p>
          <p class="body" id="score-matrix">
            {t('staff.score.matrix', {
              inherent: t(RATING_LABELS[v.score.inherent]),
              control: t(v.score.controlKey),
              matrix: t(RATING_LABELS[v.score.matrix]),
              residual: t(RATING_LABELS[v.score.residual]),
              floored: v.score.matrix === v.score.residual ? 'no' : 'yes',
            })}
          </p>
          <Reasons t={t} id="score-flags" caption={t('staff.score.flags')} lines={v.score.flags} fields={fields} />
          <Reasons t={t} id="score-floors" caption={t('staff.score.floors')} lines={v.score.floors} fields={fields} />
          <ScoreGroups t={t} locale={locale} id="score-factors" heading={t('staff.score.factors')} groups={v.score.factors} fields={fields} />
          <ScoreGroups t={t} locale={locale} id="score-controls" heading={t('staff.score.controls')} groups={v.score.controls} fields={fields} />
        </>
      ) : v.scoring && !v.scoring.ok ? (
        <div id="not-scored">
          <p class="body">{t('scoring.notScored.unreadable', { version: v.scoring.definitionVersion })}</p>
          {v.scoring.missing.length ? <p class="body">{t('scoring.notScored.missing', { ruleset: v.scoring.currentRuleset, missing: v.scoring.missing.join(', ') })}</p> : null}
        </div>
      ) : (
        <p class="body">{t('staff.score.notScored')}</p>
      )}

      <h2 class="heading-l">{t('staff.actions.heading')}</h2>
      <div id="assign-form">
        <Form ctx={ctx} action={`${base}/assign`}>
          <Select
            t={t}
            id="assignee"
            label={t('staff.actions.assignee')}
            value={val('assign', 'assignee') || (v.review?.assigneeUserId ?? '')}
            placeholder={t('staff.filter.unassigned')}
            error={err('assign')}
            options={v.reviewers.map((u) => ({ value: u.id, label: `${u.firstName} ${u.lastName}` }))}
          />
          <Button variant="secondary">{t('staff.actions.assign')}</Button>
        </Form>
      </div>
      {actions.includes('accept') ? (
        <div id="accept-form">
          <Form ctx={ctx} action={`${base}/accept`}>
            <Button>{t('staff.actions.accept')}</Button>
          </Form>
        </div>
      ) : null}
      {actions.includes('return') ? (
        <div id="return-form">
          <Form ctx={ctx} action={`${base}/return`}>
            <h3 class="heading-m">{t('staff.actions.return')}</h3>
            <p class="hint">{t('staff.actions.returnHint')}</p>
            {err('return') ? <p class="error-message">{err('return')}</p> : null}
            {v.definition.parts.map((part) => (
              <Textarea key={part.id} t={t} id={`parts.${part.id}`} label={t('staff.actions.partReason', { part: `${t(part.letter)} ${t(part.title)}` })} value={val('return', `parts.${part.id}`)} optional />
            ))}
            {[1, 2, 3].map((n) => (
              <div key={n}>
                <Select t={t} id={`question${n}`} label={t('staff.actions.question', { n })} value={val('return', `question${n}`)} placeholder={t('staff.actions.noQuestion')} options={questions.map((q) => ({ value: q.fieldId, label: `${q.fieldId} ${t(q.label)}` }))} optional />
                <Textarea t={t} id={`questionReason${n}`} label={t('staff.actions.questionReason', { n })} value={val('return', `questionReason${n}`)} optional />
              </div>
            ))}
            <Button variant="secondary">{t('staff.actions.returnSubmit')}</Button>
          </Form>
        </div>
      ) : null}
      <div id="override-form">
        <Form ctx={ctx} action={`${base}/override`}>
          <h3 class="heading-m">{t('staff.override.heading')}</h3>
          <p class="hint">{t('staff.override.hint')}</p>
          <Select t={t} id="toRating" label={t('staff.override.to')} value={val('override', 'toRating')} placeholder={t('staff.override.choose')} error={err('override')} options={RATINGS.map((r) => ({ value: r, label: t(RATING_LABELS[r]) }))} />
          <Textarea t={t} id="justification" label={t('staff.override.justification')} value={val('override', 'justification')} />
          <TextInput t={t} id="expiresOn" label={t('staff.override.expires')} hint={t('staff.override.expiresHint')} value={val('override', 'expiresOn')} optional />
          <Button variant="secondary">{t('staff.override.submit')}</Button>
        </Form>
      </div>
      {v.overrides.length ? (
        <table class="table" id="overrides">
          <caption>{t('staff.override.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.override.change')}</th>
              <th scope="col">{t('staff.override.justification')}</th>
              <th scope="col">{t('staff.override.by')}</th>
              <th scope="col">{t('staff.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {v.overrides.map((o) => (
              <tr key={o.id}>
                <td>
                  {o.fromRating ? t(RATING_LABELS[o.fromRating]) : t('staff.rating.none')} → {t(RATING_LABELS[o.toRating])}
                  {o.expiresAt ? <span class="hint"> {t('staff.override.until', { date: formatDateNumeric(o.expiresAt) })}</span> : null}
                </td>
                <td>{o.justification}</td>
                <td>
                  {who(o.requestedBy)} {formatDateTimeNumeric(o.requestedAt)}
                </td>
                <td>
                  {t(OVERRIDE_STATUS_LABELS[o.status])}
                  {o.decidedBy ? ` (${who(o.decidedBy)}${o.decisionNote ? `: ${o.decisionNote}` : ''})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {pending && can(ctx.actor, 'reviews:approve:any') && ctx.actor.kind === 'user' && ctx.actor.id !== pending.requestedBy ? (
        <div id="decide-form">
          <Form ctx={ctx} action={`${base}/overrides/${pending.id}/decide`}>
            <h3 class="heading-m">{t('staff.override.decideHeading')}</h3>
            <Textarea t={t} id="note" label={t('staff.override.decisionNote')} hint={t('staff.override.decisionHint')} value={val('decide', 'note')} error={err('decide')} optional />
            <div class="button-group">
              <Button name="decision" value="approved">
                {t('staff.override.approve')}
              </Button>
              <Button name="decision" value="rejected" variant="secondary">
                {t('staff.override.reject')}
              </Button>
            </div>
          </Form>
        </div>
      ) : null}
      <div id="note-form">
        <Form ctx={ctx} action={`${base}/notes`}>
          <Textarea t={t} id="body" label={t('staff.notes.add')} hint={t('staff.notes.hint')} value={val('note', 'body')} error={err('note')} />
          <Button variant="secondary">{t('staff.notes.submit')}</Button>
        </Form>
      </div>
      {v.notes.length ? (
        <section aria-labelledby="notes-heading">
          <h3 class="heading-m" id="notes-heading">
            {t('staff.notes.heading')}
          </h3>
          <ul class="list" id="notes">
            {v.notes.map((n) => (
              <li key={n.id}>
                <p class="body">{n.body}</p>
                <p class="hint">
                  {who(n.authorUserId)} {formatDateTimeNumeric(n.at)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2 class="heading-l">{t('staff.view.answers')}</h2>
      <CheckAnswers t={t} definition={v.definition} answers={v.snapshot.answers} changeHref={() => ''} readOnly />
      <table class="table" id="attachments">
        <caption>{t('staff.view.attachments')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.view.file')}</th>
            <th scope="col">{t('staff.view.part')}</th>
            <th scope="col" class="numeric">
              {t('staff.view.size')}
            </th>
          </tr>
        </thead>
        <tbody>
          {v.snapshot.attachments.length === 0 ? (
            <tr>
              <td colspan={3} class="table__empty">
                {t('staff.view.noAttachments')}
              </td>
            </tr>
          ) : (
            v.snapshot.attachments.map((a) => (
              <tr key={a.id}>
                <td>
                  <a href={`${base}/attachments/${a.id}`} target="_blank" rel="noopener">
                    {a.displayName}
                    <span class="visually-hidden"> {t('staff.view.opensNewTab')}</span>
                  </a>
                </td>
                <td>{a.partId}</td>
                <td class="numeric">{formatNumber(Math.ceil(a.sizeBytes / 1024), locale)} KB</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      <h2 class="heading-l">{t('staff.view.changes')}</h2>
      {v.previous ? (
        <table class="table" id="diff">
          <caption>{t('staff.view.diffCaption', { code: v.previous.label.code, version: v.previous.label.version })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.view.question')}</th>
              <th scope="col">{t('staff.view.before')}</th>
              <th scope="col">{t('staff.view.after')}</th>
            </tr>
          </thead>
          <tbody>
            {diff.length === 0 ? (
              <tr>
                <td colspan={3} class="table__empty">
                  {t('staff.view.noChanges')}
                </td>
              </tr>
            ) : (
              diff.map((d) => (
                <tr key={d.fieldId}>
                  <th scope="row">{d.label}</th>
                  <td>{d.before ?? t('staff.view.blank')}</td>
                  <td>{d.after ?? t('staff.view.blank')}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      ) : (
        <p class="body">{t('staff.view.noPrevious')}</p>
      )}
      <table class="table" id="history">
        <caption>{t('staff.view.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.filter.cycle')}</th>
            <th scope="col">{t('staff.col.status')}</th>
            <th scope="col">{t('staff.col.submittedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {v.history.length === 0 ? (
            <tr>
              <td colspan={3} class="table__empty">
                {t('staff.view.noHistory')}
              </td>
            </tr>
          ) : (
            v.history.map((h) => (
              <tr key={h.assessmentId}>
                <td>{h.receiptRef ? <a href={`/staff/submissions/${h.assessmentId}`}>{locale === 'en' ? h.cycleNameEn : h.cycleNameTh}</a> : locale === 'en' ? h.cycleNameEn : h.cycleNameTh}</td>
                <td>{t(ASSESSMENT_STATUS_LABELS[h.status as keyof typeof ASSESSMENT_STATUS_LABELS])}</td>
                <td>{h.submittedAt ? formatDateTimeNumeric(h.submittedAt) : '–'}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      <h2 class="heading-l">{t('staff.view.trail')}</h2>
      <table class="table" id="timeline">
        <caption>{t('staff.view.timeline')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.view.when')}</th>
            <th scope="col">{t('staff.view.what')}</th>
            <th scope="col">{t('staff.view.who')}</th>
            <th scope="col">{t('staff.view.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {v.timeline.map((e, i) => (
            <tr key={i}>
              <td>{formatDateTimeNumeric(e.at)}</td>
              <td>{eventLabel(t, e.kind)}</td>
              <td>{who(e.actorUserId)}</td>
              <td>{e.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <AuditTable ctx={ctx} rows={v.audit} names={new Map([...v.names].map(([id, n]) => [id, { name: n, username: '' }]))} caption={t('staff.view.audit')} canOpenUsers={can(ctx.actor, 'users:manage:any')} />
    </PageLayout>
  )
}

function Row({ k, v }: { k: string; v: string }) {
  return (
    <div class="summary-list__row">
      <dt class="summary-list__key">{k}</dt>
      <dd class="summary-list__value">{v}</dd>
    </div>
  )
}
