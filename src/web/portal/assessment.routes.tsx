/**
 * The business's assessment (issue 4), under /portal/assessments/:cycle:
 *
 *   GET  /:cycle                    task list (creates the draft on first visit, part ก pre-filled)
 *   GET  /:cycle/:part/:page        a question page            POST: save (see the intents below)
 *   GET  /:cycle/:part/check        check your answers of one part, with every problem linked
 *   GET  /:cycle/submit             check everything + the declaration   POST: ส่งข้อมูล
 *   GET  /:cycle/view               the submitted assessment, read-only, with its history
 *   GET  /portal/receipts/:ref      the receipt (confirmation page after ส่งข้อมูล, linked by e-mail)
 *
 * A question page posts `intent`: `save_draft` (บันทึกแบบร่าง) · `continue` (บันทึกและไปต่อ) ·
 * `add:B01` / `remove:B01:2` (rows of a group) · `document:<path>` (+ เพิ่มเอกสาร: save, then the
 * upload page) · `remove-document:<id>` · `autosave` (htmx, debounced; answers with the save
 * status, or with the re-rendered questions when a condition changed what is shown). Every intent
 * saves the draft first, so nothing typed is lost; a post with malformed answers re-renders the
 * page from the post with the problems listed. A post that arrives after the session timed out is
 * kept for that user across the sign-in and saved when they are back on the page.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import {
  findField,
  findPage,
  findPart,
  applyRowIntent,
  parseRowIntent,
  validateSubmission,
  type Definition,
  type DocumentType,
  type Problem,
  type SummaryRow,
} from '#src/questionnaire/engine/index.ts'
import { removeAttachment } from '#src/submissions/attachments.ts'
import { getAssessmentForActor, type AssessmentView } from '#src/submissions/get-assessment.ts'
import { getExtensionStatus } from '#src/cycles/get-extension-status.ts'
import { isCycleCode } from '#src/submissions/open-cycle.ts'
import { getReceipt, listSubmissionsForActor } from '#src/submissions/get-receipt.ts'
import { saveDraft } from '#src/submissions/save-draft.ts'
import { submitAssessment, type SubmissionSnapshot } from '#src/submissions/submit-assessment.ts'
import { attachmentRefs, bangkokToday, definitionForVersion } from '#src/submissions/submissions.shared.ts'
import { fieldErrors } from '#src/web/components/form/index.ts'
import { errorTargetId, fieldDomId, problemsAsPageErrors, type PageError } from '#src/web/components/questionnaire/question-page.tsx'
import type { TaskStatus } from '#src/web/components/questionnaire/task-list.tsx'
import { setFlash, takeFlash, type Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { parseForm, unflatten } from '#src/web/lib/parse-form.ts'
import { pageContext, sendFragment, sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { isHtmxRequest, respond } from '#src/web/lib/respond.ts'
import {
  PartCheckPage,
  QuestionRegion,
  QuestionScreen,
  QUESTION_REGION_ID,
  ReceiptPage,
  SubmitPage,
  SubmittedViewPage,
  TaskListPage,
  assessmentPaths,
  questionHref,
  type DeclarationValues,
  type ProblemLink,
  type QuestionScreenProps,
} from './assessment-pages.tsx'
import { businessNameOf } from './business-name.ts'

const PART = /^part-[a-z]$/
const PAGE = /^[0-9]{1,2}$/
/** A kept post larger than this (serialised) is not kept: the session row must stay small. */
const MAX_KEPT_DRAFT = 128 * 1024
const KEPT_DRAFT_MAX_AGE_MS = 12 * 60 * 60 * 1000

const notFound = () => new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })
type CycleParams = { cycle: string }
type PageParams = { cycle: string; part: string; page: string }

function checkCycle(cycle: string): string {
  if (!isCycleCode(cycle)) throw notFound()
  return cycle
}

/** Task-list statuses: the engine's progress, and ต้องแก้ไข for a part AMLO asked to correct. */
function taskStatuses(view: AssessmentView, definition: Definition): Record<string, TaskStatus> {
  const out: Record<string, TaskStatus> = { ...view.progress }
  if (view.status !== 'returned' || !view.corrections) return out
  const { parts = {}, fields = {} } = view.corrections
  for (const part of definition.parts) {
    if (parts[part.id] || Object.keys(fields).some((f) => findField(definition, f)?.partId === part.id)) out[part.id] = 'needs_correction'
  }
  return out
}

/** Answers as the page's inputs post them: everything but the token and the button. */
function postedAnswers(body: unknown): { intent: string; raw: Record<string, unknown> } {
  const flat = body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  const fields: Record<string, unknown> = {}
  let intent = ''
  for (const [k, v] of Object.entries(flat)) {
    if (k === '_csrf') continue
    if (k === 'intent') {
      // Pressing Enter sends the hidden first button; a button click sends its own (the last one).
      intent = Array.isArray(v) ? String(v[v.length - 1] ?? '') : String(v ?? '')
      continue
    }
    fields[k] = v
  }
  return { intent, raw: unflatten(fields) }
}

/** A file question on this page: a top-level `file` field, or a `file` column of an existing group row. */
function isFileQuestionOnPage(definition: Definition, partId: string, pageId: string, path: string): boolean {
  const [top, row, col, ...rest] = path.split('.')
  const found = findField(definition, top ?? '')
  if (!found || found.partId !== partId || found.pageId !== pageId || rest.length > 0) return false
  if (row === undefined) return found.def.type === 'file'
  return found.def.type === 'group' && /^\d{1,3}$/.test(row) && col !== undefined && found.def.fields.some((c) => c.id === col && c.type === 'file')
}

function problemLinks(ctx: Pick<PageContext, 't'>, definition: Definition, problems: readonly Problem[], paths: ReturnType<typeof assessmentPaths>): ProblemLink[] {
  return problems.map((p) => {
    const found = findField(definition, p.fieldId)
    const question = found ? ctx.t(found.def.label) : p.fieldId
    return { href: paths.page(p.partId, p.pageId, errorTargetId(definition, p.fieldPath)), text: `${question}: ${ctx.t(p.messageKey, p.params)}` }
  })
}

export const assessmentRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps
  const db = deps.database.db
  const guard = requirePermission('portal:access:own')

  async function load(req: FastifyRequest, cycleCode: string, withProgress = true) {
    const view = await getAssessmentForActor(deps, { actor: req.actor, cycleCode: checkCycle(cycleCode), withProgress })
    return { view, definition: definitionForVersion(view.cycle.definitionVersion), paths: assessmentPaths(view.cycle.code) }
  }

  async function problemsOf(view: AssessmentView, definition: Definition) {
    const result = await validateSubmission(definition, view.answers, { today: bangkokToday(deps.clock.now()), attachments: attachmentRefs(view.attachments) })
    return result.problems
  }

  const changeHref = (definition: Definition, paths: ReturnType<typeof assessmentPaths>) => (row: SummaryRow) =>
    questionHref(definition, paths, row.fieldId) ?? paths.taskList

  /** Renders a question page from the stored draft, or from a post (with its problems). */
  async function sendQuestionPage(
    req: FastifyRequest,
    reply: FastifyReply,
    params: PageParams,
    opts: { posted?: Record<string, unknown>; errors?: PageError[]; flash?: Flash | undefined; saveStatus?: string; status?: number; fragment?: boolean; loaded?: Awaited<ReturnType<typeof load>> } = {},
  ) {
    const { view, definition, paths } = opts.loaded ?? (await load(req, params.cycle, false))
    const part = findPart(definition, params.part)
    if (!part || !findPage(definition, params.part, params.page)) throw notFound()
    const props = (ctx: PageContext): QuestionScreenProps => ({
      ctx,
      definition,
      partId: params.part,
      pageId: params.page,
      answers: view.answers,
      posted: opts.posted,
      errors: opts.errors,
      action: paths.page(params.part, params.page),
      attachmentsById: new Map(
        view.attachments.map((a) => [
          a.id,
          { id: a.id, fileName: a.displayName, documentType: a.documentType as DocumentType, sizeBytes: a.sizeBytes, uploadedAt: a.uploadedAt, href: `${paths.taskList}/documents/${a.id}` },
        ]),
      ),
      documentIntents: true,
      formId: 'question-form',
      formAttributes: {
        'hx-post': paths.page(params.part, params.page),
        'hx-trigger': 'change delay:800ms',
        'hx-vals': '{"intent":"autosave"}',
        'hx-target': `#autosave-status`,
        'hx-swap': 'innerHTML',
        'hx-sync': 'this:replace',
        'data-autosave': 'true',
      },
      paths,
      flash: opts.flash,
      saveStatus: opts.saveStatus,
      corrections: view.status === 'returned' ? view.corrections : null,
      pageNumber: { n: part.pages.findIndex((p) => p.id === params.page) + 1, total: part.pages.length },
      hasErrors: (opts.errors?.length ?? 0) > 0,
    })
    if (opts.fragment) {
      reply.header('hx-retarget', `#${QUESTION_REGION_ID}`).header('hx-reswap', 'outerHTML')
      return sendFragment(reply, <QuestionRegion {...props(pageContext(req, reply))} />)
    }
    return sendPage(req, reply, (ctx) => <QuestionScreen {...props(ctx)} />, { status: opts.status ?? 200 })
  }

  /** Saves a question page's post and answers it (all intents). */
  async function handlePagePost(req: FastifyRequest, reply: FastifyReply, params: PageParams, body: unknown, restored = false) {
    const { cycle, part: partId, page: pageId } = params
    const paths = assessmentPaths(cycle)
    const posted = postedAnswers(body)
    // A kept post (after a time-out) only saves: its button is not pressed again on a GET.
    const intent = restored ? 'save_draft' : posted.intent
    const raw = posted.raw
    const rowIntent = parseRowIntent(intent)
    const isAutosave = intent === 'autosave' && isHtmxRequest(req)
    let result
    try {
      result = await saveDraft(deps, { actor: req.actor, cycleCode: cycle, partId, pageId, rawPost: raw, rowIntent })
    } catch (e) {
      // An auto-save must not replace the page with an error page: say it failed, keep the page.
      if (isAutosave && e instanceof AppError) return sendFragment(reply, <span>{req.t('assessment.autosave.failed')}</span>)
      throw e
    }
    if (restored) req.session.pendingDraft = undefined // only once it is saved
    const { definition } = result
    const time = formatDateTimeNumeric(result.savedAt)
    if (isAutosave) {
      if (result.visibilityChanged) {
        return sendQuestionPage(req, reply, params, { posted: raw, fragment: true, saveStatus: req.t('assessment.autosave.saved', { time }) })
      }
      const key = result.problems.length ? 'assessment.autosave.savedWithProblems' : 'assessment.autosave.saved'
      return sendFragment(reply, <span>{req.t(key, { time })}</span>)
    }
    const removeId = intent.startsWith('remove-document:') ? intent.slice('remove-document:'.length) : undefined
    let removedName: string | undefined
    if (removeId && isUuid(removeId)) removedName = (await removeAttachment(deps, { actor: req.actor, cycleCode: cycle, attachmentId: removeId })).displayName
    const documentPath = intent.startsWith('document:') ? intent.slice('document:'.length) : undefined
    const opensUpload = documentPath !== undefined && isFileQuestionOnPage(definition, partId, pageId, documentPath)

    if (result.problems.length > 0) {
      // Show the page as posted, with the problems — and with what the button did: a row added or
      // removed, a document removed. Opening the upload page waits until the problems are fixed.
      const errors = problemsAsPageErrors(result.problems)
      const shown = rowIntent ? applyRowIntent(definition, raw, rowIntent) : raw
      const status = opensUpload
        ? req.t('assessment.documentAfterProblems')
        : removedName
          ? req.t('assessment.documentRemoved', { name: removedName })
          : req.t('assessment.savedAt', { time })
      return sendQuestionPage(req, reply, params, {
        posted: shown as Record<string, unknown>,
        errors,
        flash: restored ? { key: 'assessment.restored' } : undefined,
        status: 422,
        saveStatus: status,
      })
    }
    if (restored) setFlash(req, 'assessment.restored')
    if (rowIntent) return respond(req, reply).redirect(paths.page(partId, pageId, fieldDomId(rowIntent.groupId)))
    if (opensUpload) return respond(req, reply).redirect(paths.upload(partId, pageId, documentPath))
    if (removedName !== undefined) {
      setFlash(req, 'assessment.documentRemoved', { name: removedName })
      return respond(req, reply).redirect(paths.page(partId, pageId))
    }
    if (intent === 'continue') {
      const part = findPart(definition, partId)!
      const next = part.pages[part.pages.findIndex((p) => p.id === pageId) + 1]
      return respond(req, reply).redirect(next ? paths.page(partId, next.id) : paths.partCheck(partId))
    }
    if (!restored) setFlash(req, 'assessment.savedAt', { time })
    return respond(req, reply).redirect(paths.page(partId, pageId))
  }

  /**
   * Before the permission check of a question page's POST: when the session has just timed out,
   * keep what was posted (for that user only) and send them to sign in; the page saves it when
   * they are back (see the GET handler).
   */
  async function keepTimedOutDraft(req: FastifyRequest, reply: FastifyReply) {
    if (req.actor.kind === 'user' || !req.endedUserId) return
    const body = req.body && typeof req.body === 'object' ? { ...(req.body as Record<string, unknown>) } : {}
    delete body._csrf
    if (body.intent === 'autosave') delete body.intent
    const url = req.url.split('?')[0]!
    if (Buffer.byteLength(JSON.stringify(body), 'utf8') <= MAX_KEPT_DRAFT) {
      req.session.pendingDraft = { userId: req.endedUserId, url, body, at: deps.clock.now().getTime() }
    }
    return respond(req, reply).redirect(`/auth/login?next=${encodeURIComponent(url)}`)
  }

  app.get<{ Params: CycleParams }>('/:cycle', { preHandler: guard }, async (req, reply) => {
    const { view, definition, paths } = await load(req, req.params.cycle)
    const [businessName, submissions, deadlineView] = await Promise.all([
      businessNameOf(db, req.actor, req.locale),
      listSubmissionsForActor(deps, { actor: req.actor, assessmentId: view.assessmentId }),
      getExtensionStatus(deps, { actor: req.actor, cycleCode: view.cycle.code }),
    ])
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => (
      <TaskListPage
        ctx={ctx}
        businessName={businessName}
        cycle={view.cycle}
        definition={definition}
        status={view.status}
        statuses={taskStatuses(view, definition)}
        lastSavedAt={view.lastSavedAt}
        corrections={view.corrections}
        latest={submissions[0]}
        paths={paths}
        flash={flash}
        deadlineView={deadlineView}
      />
    ))
  })

  app.get<{ Params: PageParams }>('/:cycle/:part/:page', { preHandler: guard }, async (req, reply) => {
    const params = req.params
    if (!PART.test(params.part) || !PAGE.test(params.page)) throw notFound()
    const loaded = await load(req, params.cycle, false)
    const { view, paths } = loaded
    if (!view.editable) return respond(req, reply).redirect(paths.view)
    const kept = req.session.pendingDraft
    const actor = req.actor
    if (kept && actor.kind === 'user' && kept.userId === actor.id && kept.url === req.url.split('?')[0]) {
      if (deps.clock.now().getTime() - kept.at > KEPT_DRAFT_MAX_AGE_MS) {
        req.session.pendingDraft = undefined
      } else if (view.lastSavedAt && view.lastSavedAt.getTime() > kept.at) {
        // Someone saved this assessment after the post was kept (a colleague, another device):
        // show what was typed for the person to check and save, instead of overwriting.
        req.session.pendingDraft = undefined
        return sendQuestionPage(req, reply, params, { posted: postedAnswers(kept.body).raw, saveStatus: req.t('assessment.restoredNotSaved') })
      } else {
        return handlePagePost(req, reply, params, kept.body, true)
      }
    }
    return sendQuestionPage(req, reply, params, { flash: takeFlash(req), loaded })
  })

  app.post<{ Params: PageParams }>('/:cycle/:part/:page', { preHandler: [keepTimedOutDraft, guard] }, async (req, reply) => {
    const params = req.params
    if (!PART.test(params.part) || !PAGE.test(params.page)) throw notFound()
    checkCycle(params.cycle)
    return handlePagePost(req, reply, params, req.body)
  })

  app.get<{ Params: { cycle: string; part: string } }>('/:cycle/:part/check', { preHandler: guard }, async (req, reply) => {
    if (!PART.test(req.params.part)) throw notFound()
    const { view, definition, paths } = await load(req, req.params.cycle)
    if (!findPart(definition, req.params.part)) throw notFound()
    if (!view.editable) return respond(req, reply).redirect(paths.view)
    const problems = (await problemsOf(view, definition)).filter((p) => p.partId === req.params.part)
    return sendPage(req, reply, (ctx) => (
      <PartCheckPage
        ctx={ctx}
        definition={definition}
        partId={req.params.part}
        answers={view.answers}
        problems={problemLinks(ctx, definition, problems, paths)}
        paths={paths}
        changeHref={changeHref(definition, paths)}
      />
    ))
  })

  const DeclarationInput = z.object({
    name: z.string().trim().min(1, 'assessment.submit.errors.name').max(200, 'assessment.submit.errors.tooLong'),
    position: z.string().trim().min(1, 'assessment.submit.errors.position').max(200, 'assessment.submit.errors.tooLong'),
    confirm: z.literal('yes', { message: 'assessment.submit.errors.confirm' }),
    idempotencyKey: z.string().trim().min(1).max(200),
  })

  async function sendSubmitPage(req: FastifyRequest, reply: FastifyReply, cycle: string, values: DeclarationValues, errors?: ReturnType<typeof fieldErrors>, status = 200) {
    const { view, definition, paths } = await load(req, cycle)
    if (!view.editable) return respond(req, reply).redirect(paths.view)
    const problems = await problemsOf(view, definition)
    return sendPage(
      req,
      reply,
      (ctx) => (
        <SubmitPage
          ctx={ctx}
          definition={definition}
          answers={view.answers}
          problems={problemLinks(ctx, definition, problems, paths)}
          paths={paths}
          changeHref={changeHref(definition, paths)}
          values={values}
          errors={errors}
        />
      ),
      { status: problems.length > 0 && status === 200 ? 200 : status },
    )
  }

  app.get<{ Params: CycleParams }>('/:cycle/submit', { preHandler: guard }, async (req, reply) => {
    const actor = req.actor
    const name = actor.kind === 'user' ? actor.displayName : ''
    return sendSubmitPage(req, reply, req.params.cycle, { name, position: '', confirm: false, idempotencyKey: randomUUID() })
  })

  app.post<{ Params: CycleParams }>('/:cycle/submit', { preHandler: guard }, async (req, reply) => {
    const cycle = checkCycle(req.params.cycle)
    const form = parseForm(DeclarationInput, req.body)
    const raw = (req.body ?? {}) as Record<string, unknown>
    const key = typeof raw.idempotencyKey === 'string' && raw.idempotencyKey.length <= 200 ? raw.idempotencyKey : randomUUID()
    const values: DeclarationValues = {
      name: typeof raw.name === 'string' ? raw.name : '',
      position: typeof raw.position === 'string' ? raw.position : '',
      confirm: raw.confirm === 'yes',
      idempotencyKey: key,
    }
    if (!form.ok) {
      const errors = fieldErrors(req.t, form.errors, ['name', 'position', 'confirm'])
      return sendSubmitPage(req, reply, cycle, values, errors, 422)
    }
    const result = await submitAssessment(deps, {
      actor: req.actor,
      cycleCode: cycle,
      declarantName: form.value.name,
      declarantPosition: form.value.position,
      idempotencyKey: form.value.idempotencyKey,
    })
    if (!result.ok) return sendSubmitPage(req, reply, cycle, values, undefined, 422)
    if (!result.duplicate) setFlash(req, 'assessment.receipt.emailSent')
    return respond(req, reply).redirect(assessmentPaths(cycle).receipt(result.submission.receiptRef))
  })

  app.get<{ Params: CycleParams }>('/:cycle/view', { preHandler: guard }, async (req, reply) => {
    const { view, definition, paths } = await load(req, req.params.cycle)
    const submissions = await listSubmissionsForActor(deps, { actor: req.actor, assessmentId: view.assessmentId })
    const latest = submissions[0]
    if (!latest) return respond(req, reply).redirect(paths.taskList)
    const snapshot = latest.snapshot as SubmissionSnapshot
    const submittedDefinition = definitionForVersion(snapshot.definitionVersion ?? view.cycle.definitionVersion)
    const businessName = await businessNameOf(db, req.actor, req.locale)
    return sendPage(req, reply, (ctx) => (
      <SubmittedViewPage
        ctx={ctx}
        definition={submittedDefinition ?? definition}
        answers={snapshot.answers ?? {}}
        status={view.status}
        submissions={submissions}
        attachments={snapshot.attachments ?? []}
        paths={paths}
        businessName={businessName}
        cycle={view.cycle}
      />
    ))
  })
}

/** The receipt of a submission (the confirmation page after ส่งข้อมูล; the receipt e-mail links here). */
export const receiptRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps
  app.get<{ Params: { ref: string } }>('/:ref', { preHandler: requirePermission('portal:access:own') }, async (req, reply) => {
    if (!/^[A-Z0-9-]{1,60}$/.test(req.params.ref)) throw notFound()
    const submission = await getReceipt(deps, { actor: req.actor, receiptRef: req.params.ref })
    const snapshot = submission.snapshot as SubmissionSnapshot
    const flash = takeFlash(req)
    const businessName = await businessNameOf(deps.database.db, req.actor, req.locale)
    return sendPage(req, reply, (ctx) => (
      <ReceiptPage
        ctx={ctx}
        submission={submission}
        paths={assessmentPaths(snapshot.cycleCode)}
        justSubmitted={flash?.key === 'assessment.receipt.emailSent'}
        businessName={businessName}
      />
    ))
  })
}
