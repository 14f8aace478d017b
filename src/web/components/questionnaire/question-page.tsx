/**
 * One page of a questionnaire definition as a real HTML form (house style R17, R18): sections as
 * fieldsets with legends and hints, each shown question rendered by the field registry, the error
 * summary on top and the two buttons บันทึกแบบร่าง (intent=save_draft) and บันทึกและไปต่อ
 * (intent=continue). Pure: the page handler loads answers, attachments and errors and passes them in.
 *
 * Conditions: only questions (and sections) whose conditions hold on the *stored* answers are
 * rendered (`applyConditions`). With JavaScript off, a question that depends on an answer given on
 * this page appears after the person saves (บันทึกแบบร่าง or a group's add/remove button re-renders
 * the page); with JavaScript on, htmx autosave re-renders the form the same way.
 *
 * Ids: every input's id is its form name with `.` replaced by `-` (`fieldDomId`), and
 * `errorTargetId` says which element an error at a path links to (the day box of a date, the box
 * of an address part, the first option of radios…).
 */
import type { ComponentChildren } from 'preact'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { MessageParams } from '#src/platform/i18n/translator.ts'
import {
  applyConditions,
  findField,
  findPage,
  findPart,
  moduleFor,
  pageFields,
  sectionKey,
  type Answers,
  type Definition,
  type FieldDef,
  type LeafFieldDef,
} from '#src/questionnaire/engine/index.ts'
import { Button, ErrorSummary, Form, dateBoxId, type ErrorSummaryItem, type FormAttributes } from '#src/web/components/form/index.ts'
import { Hint, hintId } from '#src/web/components/form/field-parts.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { QuestionField, fieldDomId, type AttachmentView } from './fields/registry.ts'

export { fieldDomId } from './fields/types.ts'

/** A problem to show: the input's form path (engine `Problem.fieldPath`) and its message. */
export type PageError = { readonly path: string; readonly messageKey: MessageKey; readonly params?: MessageParams | undefined }

/** The definition of the input at `path`, and the path of that field's own input. */
function locate(definition: Definition, path: string): { def: FieldDef | LeafFieldDef; fieldPath: string } | undefined {
  const [top, row, col] = path.split('.')
  const entry = findField(definition, top ?? '')?.def
  if (!entry) return undefined
  if (entry.type === 'group' && row !== undefined && col !== undefined) {
    const cell = entry.fields.find((c) => c.id === col)
    return cell ? { def: cell, fieldPath: `${top}.${row}.${col}` } : { def: entry, fieldPath: `${top}.${row}` }
  }
  return { def: entry, fieldPath: top! }
}

/**
 * The element id an error at `path` links to. Dotted paths become ids by `fieldDomId` ('.' → '-');
 * then per type: a date → its day box; an address → the box of the part at fault (the first box
 * for the whole address); a file question → its attachment list; anything else → the input (for
 * radios and checkboxes, the first option; for a group, its fieldset or the row's fieldset).
 */
export function errorTargetId(definition: Definition, path: string): string {
  const found = locate(definition, path)
  if (!found) return fieldDomId(path)
  const { def, fieldPath } = found
  const id = fieldDomId(fieldPath)
  if (def.readOnly) return id
  if (def.type === 'date') return dateBoxId(id, 'day')
  if (def.type === 'thaiAddress') {
    const part = path.slice(fieldPath.length + 1).split('.')[0]
    return part ? `${id}-${part}` : `${id}-houseNo`
  }
  if (def.type === 'group') return fieldDomId(path.split('.').slice(0, 2).join('.'))
  return id
}

/** Types whose renderer shows every error of its sub-paths as the field's own error. */
const OWN_SUBPATH_ERRORS = new Set<string>(['date', 'file', 'multipleChoice', 'singleChoice', 'ynp'])

/** The stored answer as form values (toFormValue); a stored value that no longer fits shows empty. */
export function formValueOf(def: FieldDef, answer: unknown, locale: Locale): unknown {
  if (answer === undefined || answer === null) return undefined
  const module = moduleFor(def)
  const checked = module.draftSchema(def).safeParse(answer)
  if (!checked.success || checked.data === undefined) return undefined
  return module.toFormValue(checked.data, def, locale)
}

export type QuestionPageProps = {
  ctx: Pick<PageContext, 't' | 'locale' | 'csrfToken'>
  definition: Definition
  partId: string
  pageId: string
  /** The stored (draft) answers: conditions are evaluated on these. */
  answers: Answers
  /**
   * What was posted (un-flattened), to show after a failed post instead of the stored answers, so
   * nothing typed is lost; keyed by field id like `answers`.
   */
  posted?: Readonly<Record<string, unknown>> | undefined
  errors?: readonly PageError[] | undefined
  /** Where the form posts. */
  action: string
  /** Attachments per file question id. */
  attachments?: Readonly<Record<string, readonly AttachmentView[]>> | undefined
  /** The "+ เพิ่มเอกสาร" target of a file question. */
  addDocumentHref?: ((fieldId: string) => string) | undefined
  /** Every attachment of the assessment by id (file questions list the ones their answer names). */
  attachmentsById?: ReadonlyMap<string, AttachmentView> | undefined
  /** "+ เพิ่มเอกสาร" and "ลบ" as submit buttons of this form (see FieldProps.documentIntents). */
  documentIntents?: boolean | undefined
  /** Shown between the title and the form (e.g. AMLO's reasons for a correction). */
  notice?: ComponentChildren | undefined
  /** The id of the form element (htmx swaps it after an autosave that changed the questions). */
  formId?: string | undefined
  /** htmx attributes (autosave) for the form. */
  formAttributes?: FormAttributes | undefined
  /** The page title's element: h1 on a page, h2 where the page is shown inside another (the gallery). */
  titleAs?: 'h1' | 'h2' | undefined
  /** Prefix of ids outside the fields (the gallery shows several pages at once). */
  idPrefix?: string | undefined
}

export function QuestionPage(props: QuestionPageProps) {
  const { ctx, definition, partId, pageId } = props
  const { t, locale } = ctx
  const part = findPart(definition, partId)
  const page = findPage(definition, partId, pageId)
  if (!part || !page) return null
  const visible = applyConditions(definition, props.answers)
  const fields = pageFields(definition, partId, pageId).filter((e) => visible.fields.has(e.def.id))
  const order = new Map(fields.map((e, i) => [e.def.id, i]))

  const errors = [...(props.errors ?? [])]
    .map((e, i) => ({ ...e, i, at: order.get(e.path.split('.')[0] ?? '') ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
  const texts = new Map<string, string>()
  for (const e of errors) if (!texts.has(e.path)) texts.set(e.path, t(e.messageKey, e.params))
  const errorFor = (path: string) => texts.get(path)
  const ownError = (def: FieldDef): string | undefined => {
    const exact = errorFor(def.id)
    if (exact || !OWN_SUBPATH_ERRORS.has(def.type)) return exact
    const sub = errors.find((e) => e.path.startsWith(`${def.id}.`))
    return sub ? errorFor(sub.path) : undefined
  }
  const seen = new Set<string>()
  const summary: ErrorSummaryItem[] = []
  for (const e of errors) {
    const id = errorTargetId(definition, e.path)
    if (seen.has(id)) continue
    seen.add(id)
    summary.push({ id, text: texts.get(e.path)! })
  }

  const valueOf = (def: FieldDef): unknown =>
    props.posted && Object.hasOwn(props.posted, def.id) ? props.posted[def.id] : formValueOf(def, visible.answers[def.id], locale)
  const prefix = props.idPrefix ?? ''

  return (
    <div class="question-page">
      <ErrorSummary t={t} items={summary} titleId={`${prefix}error-summary-title`} />
      <span class="caption-l">
        {t(part.letter)} {t(part.title)}
      </span>
      {props.titleAs === 'h2' ? <h2 class="heading-l">{t(page.title)}</h2> : <h1 class="heading-l">{t(page.title)}</h1>}
      {props.notice}
      <Form ctx={ctx} action={props.action} id={props.formId} attributes={props.formAttributes}>
        {/* Pressing Enter in a box submits the form's first button: make it "save draft", not a
            group's add/remove button further down. Hidden from sight and from the tab order. */}
        <button type="submit" name="intent" value="save_draft" class="visually-hidden" tabindex={-1} aria-hidden="true">
          {t('questionnaire.form.saveDraft')}
        </button>
        {page.sections
          .filter((s) => visible.sections.has(sectionKey(partId, pageId, s.id)))
          .map((section) => {
            const shown = section.fields.filter((f) => visible.fields.has(f.id))
            if (shown.length === 0) return null
            const sectionId = `${prefix}section-${partId}-${pageId}-${section.id}`
            return (
              <fieldset class="fieldset question-section" key={section.id} aria-describedby={section.hint ? hintId(sectionId) : undefined}>
                <legend class="fieldset__legend fieldset__legend--m">
                  <h2 class="fieldset__heading">{t(section.title)}</h2>
                </legend>
                {section.hint ? <Hint id={hintId(sectionId)}>{t(section.hint)}</Hint> : null}
                {shown.map((def) => (
                  <QuestionField
                    key={def.id}
                    t={t}
                    locale={locale}
                    def={def}
                    name={def.id}
                    id={fieldDomId(def.id)}
                    value={valueOf(def)}
                    error={ownError(def)}
                    errorFor={errorFor}
                    attachments={props.attachments?.[def.id]}
                    addDocumentHref={props.addDocumentHref?.(def.id)}
                    attachmentsById={props.attachmentsById}
                    documentIntents={props.documentIntents}
                  />
                ))}
              </fieldset>
            )
          })}
        <div class="button-group">
          <Button name="intent" value="continue">
            {t('questionnaire.form.continue')}
          </Button>
          <Button variant="secondary" name="intent" value="save_draft">
            {t('questionnaire.form.saveDraft')}
          </Button>
        </div>
      </Form>
    </div>
  )
}

/** For handlers: engine problems (`Problem.fieldPath`) as page errors. */
export const problemsAsPageErrors = (problems: readonly { fieldPath: string; messageKey: MessageKey; params?: MessageParams }[]): PageError[] =>
  problems.map((p) => ({ path: p.fieldPath, messageKey: p.messageKey, params: p.params }))

