/**
 * Questionnaire versions (admin), under /admin/questionnaires: the list and the JSON import (every
 * problem listed with its path), one version's questions, a preview of its pages as a business sees
 * them (posts re-render the page from what was posted and save nothing), publishing (refused with
 * the reason when no scoring ruleset reads the version) and deleting a draft. Every route declares its own permission (R5); every change is audited by its use case.
 */
import type { MultipartFile } from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { AppError } from '#src/platform/errors.ts'
import { applyRowIntent, findPage, mergeDraft, parseRowIntent, validateDraft, validateSubmission } from '#src/questionnaire/engine/index.ts'
import { deleteQuestionnaireVersion } from '#src/questionnaire/versions/delete-questionnaire-version.ts'
import { getQuestionnaireVersion, listQuestionnaireVersions } from '#src/questionnaire/versions/get-questionnaire-versions.ts'
import { importQuestionnaireVersion } from '#src/questionnaire/versions/import-questionnaire-version.ts'
import { publishQuestionnaireVersion } from '#src/questionnaire/versions/publish-questionnaire-version.ts'
import { IMPORT_MAX_BYTES } from '#src/questionnaire/versions/questionnaire-version.model.ts'
import { problemsAsPageErrors } from '#src/web/components/questionnaire/question-page.tsx'
import { setFlash, takeFlash } from '#src/web/lib/flash.ts'
import { multipartForm, receiveMultipartFiles } from '#src/web/lib/multipart-form.ts'
import { unflatten } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { bangkokToday } from '#src/submissions/submissions.shared.ts'
import { PreviewPage, VERSIONS_PATH, VersionPage, VersionsListPage, versionPath, type ImportFailure } from './questionnaires-pages.tsx'

type VersionParams = { Params: { version: string } }
type PreviewParams = { Params: { version: string; part: string; page: string } }

const notFound = () => new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })
const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] })

/** `:version` as a number; anything else is a page that does not exist. */
function versionOf(raw: string): number {
  if (!/^[1-9][0-9]{0,5}$/.test(raw)) throw notFound()
  return Number(raw)
}

/** Reads the uploaded file into memory, up to IMPORT_MAX_BYTES (the rest is drained). */
async function readJsonUpload(part: MultipartFile): Promise<{ fileName: string; content: Buffer } | 'too_large'> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size <= IMPORT_MAX_BYTES) chunks.push(chunk)
  }
  if (size > IMPORT_MAX_BYTES || part.file.truncated) return 'too_large'
  return { fileName: part.filename, content: Buffer.concat(chunks) }
}

/** The page's inputs as posted (without the token and the button) and the button pressed. */
function postedAnswers(body: unknown): { intent: string; raw: Record<string, unknown> } {
  const flat = body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  const fields: Record<string, unknown> = {}
  let intent = ''
  for (const [k, v] of Object.entries(flat)) {
    if (k === '_csrf') continue
    if (k === 'intent') intent = Array.isArray(v) ? String(v[v.length - 1] ?? '') : String(v ?? '')
    else fields[k] = v
  }
  return { intent, raw: unflatten(fields) }
}

export const questionnaireVersionRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const manage = { preHandler: requirePermission('questionnaires:manage:any') }

  app.get('/', manage, async (req, reply) => {
    const items = await listQuestionnaireVersions(deps, { actor: req.actor })
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <VersionsListPage ctx={ctx} items={items} flash={flash} />)
  })

  app.post('/import', { ...multipartForm(), ...manage }, async (req, reply) => {
    let upload: Awaited<ReturnType<typeof readJsonUpload>> | undefined
    await receiveMultipartFiles(req, async (part) => {
      if (part.fieldname !== 'file' || upload) {
        part.file.resume()
        return
      }
      upload = await readJsonUpload(part)
    })
    const fail = async (failure: ImportFailure) => {
      const items = await listQuestionnaireVersions(deps, { actor: req.actor })
      return respond(req, reply).invalid((ctx) => <VersionsListPage ctx={ctx} items={items} failure={failure} />)
    }
    if (!upload) return fail({ fileError: 'versions.import.noFile' })
    if (upload === 'too_large') return fail({ fileError: 'versions.import.tooLarge', params: { max: `${IMPORT_MAX_BYTES / 1024 / 1024} MB` } })
    const result = await importQuestionnaireVersion(deps, { actor: req.actor, ...upload, ...meta(req) })
    if (result.kind === 'invalid') return fail({ problems: result.problems })
    setFlash(req, 'versions.import.done', { version: String(result.version) })
    return respond(req, reply).redirect(versionPath(result.version))
  })

  app.get<VersionParams>('/:version', manage, async (req, reply) => {
    const view = await getQuestionnaireVersion(deps, { actor: req.actor, version: versionOf(req.params.version) })
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <VersionPage ctx={ctx} view={view} flash={flash} />)
  })

  app.get<PreviewParams>('/:version/preview/:part/:page', manage, async (req, reply) => {
    const view = await getQuestionnaireVersion(deps, { actor: req.actor, version: versionOf(req.params.version) })
    const { part, page } = req.params
    if (!findPage(view.definition, part, page)) throw notFound()
    return sendPage(req, reply, (ctx) => <PreviewPage ctx={ctx} view={view} partId={part} pageId={page} answers={{}} />)
  })

  // A preview post saves nothing: the page comes back from what was posted, with its conditions
  // applied, rows added or removed, and on บันทึกและไปต่อ the problems a submission would report.
  app.post<PreviewParams>('/:version/preview/:part/:page', manage, async (req, reply) => {
    const view = await getQuestionnaireVersion(deps, { actor: req.actor, version: versionOf(req.params.version) })
    const { part, page } = req.params
    const { definition } = view
    if (!findPage(definition, part, page)) throw notFound()
    const { intent, raw } = postedAnswers(req.body)
    const draft = validateDraft(definition, part, page, raw)
    let answers = mergeDraft(definition, {}, draft)
    const row = parseRowIntent(intent)
    if (row) answers = applyRowIntent(definition, answers, row)
    let problems = draft.problems
    if (intent === 'continue' && problems.length === 0) {
      const checked = await validateSubmission(definition, answers, { today: bangkokToday(deps.clock.now()) })
      problems = checked.problems.filter((p) => p.partId === part && p.pageId === page)
    }
    const errors = problemsAsPageErrors(problems)
    const posted = draft.problems.length ? raw : undefined
    return sendPage(req, reply, (ctx) => <PreviewPage ctx={ctx} view={view} partId={part} pageId={page} answers={answers} posted={posted} errors={errors} />)
  })

  app.post<VersionParams>('/:version/publish', manage, async (req, reply) => {
    const version = versionOf(req.params.version)
    try {
      await publishQuestionnaireVersion(deps, { actor: req.actor, version, ...meta(req) })
    } catch (e) {
      // Refused (no scoring ruleset reads it, or it no longer passes the checks): the page again, saying why.
      if (!(e instanceof AppError) || e.code !== 'VALIDATION') throw e
      const view = await getQuestionnaireVersion(deps, { actor: req.actor, version })
      const problem = { messageKey: e.messageKey, params: e.params }
      return respond(req, reply).invalid((ctx) => <VersionPage ctx={ctx} view={view} problem={problem} />)
    }
    setFlash(req, 'versions.publish.done', { version: String(version) })
    return respond(req, reply).redirect(versionPath(version))
  })

  app.post<VersionParams>('/:version/delete', manage, async (req, reply) => {
    const version = versionOf(req.params.version)
    await deleteQuestionnaireVersion(deps, { actor: req.actor, version, ...meta(req) })
    setFlash(req, 'versions.delete.done', { version: String(version) })
    return respond(req, reply).redirect(VERSIONS_PATH)
  })
}
