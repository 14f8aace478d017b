/**
 * Questionnaire versions (admin): the list with the import form (problems listed with their path
 * after a failed import), one version's parts, pages and questions in Thai and English, whether a
 * scoring ruleset reads it (the questions it lacks, if not; such a draft has no publish button and
 * publishing is refused), and a preview of its pages as a business sees them (nothing is saved).
 */
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import { createTranslator, withMessages, type Translator } from '#src/platform/i18n/translator.ts'
import type { Condition } from '#src/questionnaire/engine/conditions.ts'
import type { DefinitionProblem } from '#src/questionnaire/engine/check-definition.rules.ts'
import type { Answers, Definition } from '#src/questionnaire/engine/index.ts'
import { missingReadId, type ScoringFor } from '#src/scoring/ruleset-reads.rules.ts'
import type { QuestionnaireVersionStatus } from '#src/questionnaire/versions/questionnaire-version.model.ts'
import type { VersionListItem, VersionView } from '#src/questionnaire/versions/get-questionnaire-versions.ts'
import { Button, ErrorSummary, FileUpload, Form } from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { QuestionPage, type PageError } from '#src/web/components/questionnaire/question-page.tsx'
import { StatusTag, type Tone } from '#src/web/components/status/status-tag.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'

export const VERSIONS_PATH = '/admin/questionnaires'
export const versionPath = (version: number) => `${VERSIONS_PATH}/${version}`
export const previewPath = (version: number, partId: string, pageId: string) => `${versionPath(version)}/preview/${partId}/${pageId}`

const STATUS_TONE = { draft: 'yellow', published: 'green' } as const satisfies Record<QuestionnaireVersionStatus, Tone>
const STATUS_LABEL = { draft: 'versions.status.draft', published: 'versions.status.published' } as const satisfies Record<QuestionnaireVersionStatus, MessageKey>
const SOURCE_LABEL = { built_in: 'versions.source.built_in', imported: 'versions.source.imported' } as const satisfies Record<VersionListItem['source'], MessageKey>

/** The request's translator with the version's own texts (an imported draft is not registered). */
export const versionTranslator = (t: Translator, view: Pick<VersionView, 'messages'>): Translator => withMessages(t, view.messages[t.locale])

export type ImportFailure = { problems: readonly DefinitionProblem[] } | { fileError: MessageKey; params?: Record<string, string> }

export function VersionsListPage({ ctx, items, flash, failure }: { ctx: PageContext; items: readonly VersionListItem[]; flash?: Flash | undefined; failure?: ImportFailure | undefined }) {
  const { t } = ctx
  const problems = failure && 'problems' in failure ? failure.problems : []
  const fileError = failure
    ? 'problems' in failure
      ? t('versions.import.problemsTitle', { count: failure.problems.length })
      : t(failure.fileError, failure.params)
    : undefined
  return (
    <PageLayout ctx={ctx} title={t('versions.title')} hasErrors={Boolean(failure)}>
      <ErrorSummary t={t} items={fileError ? [{ id: 'file', text: fileError }] : []} />
      <FlashBanner t={t} flash={flash} />
      <h1 class="heading-xl">{t('versions.title')}</h1>
      <p class="body">{t('versions.lead')}</p>
      <table class="table">
        <caption class="visually-hidden">{t('versions.list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('versions.col.version')}</th>
            <th scope="col">{t('versions.col.source')}</th>
            <th scope="col">{t('versions.col.status')}</th>
            <th scope="col">{t('versions.col.imported')}</th>
            <th scope="col">{t('versions.col.published')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.version} data-version={item.version}>
              <td>
                <a href={versionPath(item.version)}>{t('versions.versionLabel', { version: item.version })}</a>
              </td>
              <td>{t(SOURCE_LABEL[item.source])}</td>
              <td>
                <StatusTag t={t} status={item.status} tones={STATUS_TONE} labels={STATUS_LABEL} />
              </td>
              <td>{item.source === 'imported' ? formatDateTimeNumeric(item.importedAt) : '–'}</td>
              <td>{item.source === 'imported' && item.publishedAt ? formatDateTimeNumeric(item.publishedAt) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 class="heading-l">{t('versions.import.title')}</h2>
      <Form ctx={ctx} action={`${VERSIONS_PATH}/import`} enctype="multipart/form-data">
        <FileUpload t={t} id="file" label={t('versions.import.file')} hint={t('versions.import.fileHint')} accept=".json,application/json" error={fileError} />
        {problems.length ? (
          <table class="table" id="import-problems">
            <caption class="table__caption">{t('versions.import.problemsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('versions.import.colPath')}</th>
                <th scope="col">{t('versions.import.colProblem')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => (
                <tr key={i}>
                  <td>
                    <code>{p.path}</code>
                  </td>
                  <td>{t(p.messageKey, p.params)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <Button>{t('versions.import.submit')}</Button>
      </Form>
    </PageLayout>
  )
}

/** A condition as a short sentence (`A06_primary = precious_goods`, `all of (…)`). */
export function describeCondition(t: Translator, c: Condition): string {
  if ('all' in c) return t('versions.cond.all', { items: c.all.map((x) => describeCondition(t, x)).join('; ') })
  if ('any' in c) return t('versions.cond.any', { items: c.any.map((x) => describeCondition(t, x)).join('; ') })
  if ('not' in c) return t('versions.cond.not', { item: describeCondition(t, c.not) })
  if ('equals' in c) return t('versions.cond.equals', { field: c.field, value: String(c.equals) })
  return t('versions.cond.in', { field: c.field, values: c.in.map(String).join(', ') })
}

/** Why a post on the version page failed (e.g. publishing refused), shown in the error summary. */
export type VersionPageProblem = { messageKey: MessageKey; params?: Readonly<Record<string, string | number>> | undefined }

/** Whether a scoring ruleset reads the version; if none, the questions the current one lacks. */
function ScoringCheck({ t, scoring }: { t: Translator; scoring: ScoringFor }) {
  const types = (ts: readonly string[] | 'any') => (ts === 'any' ? t('versions.scoring.anyType') : ts.join(' / '))
  return (
    <section id="scoring-check" data-scorable={scoring.ok ? 'yes' : 'no'}>
      <h2 class="heading-l">{t('versions.scoring.title')}</h2>
      {scoring.ok ? (
        <p class="body">{t('versions.scoring.ok', { ruleset: scoring.rulesetVersion })}</p>
      ) : (
        <>
          <NotificationBanner t={t} title={t('versions.scoring.title')}>
            <p class="body">{t('versions.scoring.cannot', { ruleset: scoring.currentRuleset })}</p>
          </NotificationBanner>
          <table class="table" id="scoring-missing">
            <caption class="table__caption">{t('versions.scoring.caption', { ruleset: scoring.currentRuleset })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('versions.scoring.colQuestion')}</th>
                <th scope="col">{t('versions.scoring.colExpected')}</th>
                <th scope="col">{t('versions.scoring.colFound')}</th>
              </tr>
            </thead>
            <tbody>
              {scoring.missing.map((m) => (
                <tr key={missingReadId(m)} data-missing={missingReadId(m)}>
                  <th scope="row">
                    <code>{missingReadId(m)}</code>
                  </th>
                  <td>
                    <code>{types(m.expected)}</code>
                  </td>
                  <td>{m.found ? <code>{m.found}</code> : t('versions.scoring.absent')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}

export function VersionPage({ ctx, view, flash, problem }: { ctx: PageContext; view: VersionView; flash?: Flash | undefined; problem?: VersionPageProblem | undefined }) {
  const t = versionTranslator(ctx.t, view)
  const th = versionTranslator(createTranslator('th'), view)
  const en = versionTranslator(createTranslator('en'), view)
  const { item, definition } = view
  const firstPart = definition.parts[0]
  return (
    <PageLayout ctx={ctx} title={t('versions.view.title', { version: item.version })} hasErrors={Boolean(problem)}>
      <ErrorSummary t={t} items={problem ? [{ id: 'scoring-check', text: t(problem.messageKey, problem.params) }] : []} />
      <FlashBanner t={t} flash={flash} />
      <p class="body">
        <a href={VERSIONS_PATH}>{t('versions.view.back')}</a>
      </p>
      <span class="caption-l">{t(definition.title)}</span>
      <h1 class="heading-xl">{t('versions.view.title', { version: item.version })}</h1>
      <p class="body">
        <StatusTag t={t} status={item.status} tones={STATUS_TONE} labels={STATUS_LABEL} /> {t(SOURCE_LABEL[item.source])}
      </p>
      {item.source === 'imported' ? <p class="body">{t('versions.view.file', { fileName: item.fileName, sha256: item.sha256 })}</p> : null}
      {firstPart?.pages[0] ? (
        <p class="body">
          <a class="button button--secondary" href={previewPath(item.version, firstPart.id, firstPart.pages[0].id)}>
            {t('versions.view.preview')}
          </a>
        </p>
      ) : null}
      <ScoringCheck t={t} scoring={view.scoring} />
      {item.source === 'imported' && item.status === 'draft' ? (
        <>
          {view.scoring.ok ? (
            <NotificationBanner t={t} title={t('versions.publish.title')}>
              <p class="body">{t('versions.publish.warning')}</p>
            </NotificationBanner>
          ) : null}
          <div class="button-group">
            {view.scoring.ok ? (
              <Form ctx={ctx} action={`${versionPath(item.version)}/publish`}>
                <Button>{t('versions.publish.submit', { version: item.version })}</Button>
              </Form>
            ) : null}
            <Form ctx={ctx} action={`${versionPath(item.version)}/delete`}>
              <Button variant="secondary">{t('versions.delete.submit')}</Button>
            </Form>
          </div>
        </>
      ) : null}
      <DefinitionOutline t={t} th={th} en={en} definition={definition} />
    </PageLayout>
  )
}

function DefinitionOutline({ t, th, en, definition }: { t: Translator; th: Translator; en: Translator; definition: Definition }) {
  return (
    <>
      {definition.parts.map((part) => (
        <section key={part.id} data-part={part.id}>
          <h2 class="heading-l">
            {t(part.letter)} {t(part.title)} <code>{part.id}</code>
          </h2>
          {part.pages.map((page) => (
            <div key={page.id}>
              <h3 class="heading-m">{t('versions.view.page', { page: page.id, title: t(page.title) })}</h3>
              {page.sections.map((section) => (
                <table class="table" key={section.id} data-section={section.id}>
                  <caption class="table__caption">
                    {t(section.title)} <code>{section.id}</code>
                    {section.showIf ? <span class="hint">{t('versions.view.sectionCondition', { condition: describeCondition(t, section.showIf) })}</span> : null}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('versions.view.colId')}</th>
                      <th scope="col">{t('versions.view.colType')}</th>
                      <th scope="col">{t('versions.view.colTh')}</th>
                      <th scope="col">{t('versions.view.colEn')}</th>
                      <th scope="col">{t('versions.view.colCondition')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {section.fields.map((f) => (
                      <tr key={f.id} data-field={f.id}>
                        <th scope="row">
                          <code>{f.id}</code>
                        </th>
                        <td>
                          <code>{f.type}</code> {f.optional ? t('versions.view.optional') : null}
                        </td>
                        <td lang="th">{th(f.label)}</td>
                        <td lang="en">{en(f.label)}</td>
                        <td>{f.showIf ? describeCondition(t, f.showIf) : '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ))}
            </div>
          ))}
        </section>
      ))}
    </>
  )
}

export type PreviewProps = {
  ctx: PageContext
  view: VersionView
  partId: string
  pageId: string
  answers: Answers
  posted?: Readonly<Record<string, unknown>> | undefined
  errors?: readonly PageError[] | undefined
}

/** One page of the version, rendered by the business's own question page, with an empty assessment. */
export function PreviewPage({ ctx, view, partId, pageId, answers, posted, errors }: PreviewProps) {
  const t = versionTranslator(ctx.t, view)
  const version = view.item.version
  const qctx = { ...ctx, t }
  return (
    <PageLayout ctx={qctx} title={t('versions.preview.title', { version })} hasErrors={Boolean(errors?.length)}>
      <p class="body">
        <a href={versionPath(version)}>{t('versions.view.title', { version })}</a>
      </p>
      <NotificationBanner t={t}>
        <p class="body">{t('versions.preview.notice')}</p>
      </NotificationBanner>
      <nav aria-label={t('versions.preview.pages')}>
        <ul class="list">
          {view.definition.parts.flatMap((part) =>
            part.pages.map((page) => {
              const here = part.id === partId && page.id === pageId
              return (
                <li key={`${part.id}-${page.id}`}>
                  <a href={previewPath(version, part.id, page.id)} aria-current={here ? 'page' : undefined}>
                    {t(part.letter)} {t('versions.view.page', { page: page.id, title: t(page.title) })}
                  </a>
                </li>
              )
            }),
          )}
        </ul>
      </nav>
      <QuestionPage ctx={qctx} definition={view.definition} partId={partId} pageId={pageId} answers={answers} posted={posted} errors={errors} action={previewPath(version, partId, pageId)} />
    </PageLayout>
  )
}
