/**
 * The business registry admin, under /admin/businesses (issue 7): list and search, add (also
 * pre-filled from a support ticket: ?name=&juristicId=&businessTypeCode=), edit and cease, delete
 * of a record nothing hangs on, merge of duplicates, and the CSV/XLSX import (dry run → apply).
 * Every route declares `registry:manage:any` (R5); every POST carries CSRF and answers 303.
 */
import type { MultipartFile } from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { addBusiness, type SaveBusinessResult } from '#src/entities/add-business.ts'
import { applyRegistryImport } from '#src/entities/apply-registry-import.ts'
import { BUSINESS_TYPE_CODES, ENTITY_STATUSES } from '#src/entities/business-types.model.ts'
import { listActiveBusinessTypes } from '#src/entities/business-types.repo.ts'
import { deleteBusiness } from '#src/entities/delete-business.ts'
import { editBusiness } from '#src/entities/edit-business.ts'
import { getBusiness } from '#src/entities/get-business.ts'
import { getRegistryImport } from '#src/entities/get-registry-import.ts'
import { isJuristicId, normaliseThaiId13 } from '#src/entities/juristic-id.rules.ts'
import { listBusinesses } from '#src/entities/list-businesses.ts'
import { mergeBusinesses } from '#src/entities/merge-businesses.ts'
import { previewMerge } from '#src/entities/preview-merge.ts'
import { previewRegistryImport } from '#src/entities/preview-registry-import.ts'
import { BUSINESS_FIELDS, IMPORT_COLUMNS, IMPORT_MAX_BYTES } from '#src/entities/registry.model.ts'
import { bareEnglishName, bareThaiName, hasThaiLetter } from '#src/entities/registry.rules.ts'
import { BusinessInput, MergeInput } from '#src/entities/registry.schemas.ts'
import { AppError } from '#src/platform/errors.ts'
import { setFlash, takeFlash } from '#src/web/lib/flash.ts'
import { multipartForm, receiveMultipartFiles } from '#src/web/lib/multipart-form.ts'
import { parseForm, parseQuery, type FormErrors, type RawForm } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { ImportPreviewPage, ImportUploadPage, IMPORT_PATH } from './registry-import-pages.tsx'
import { BusinessFormPage, MergePreviewPage, REGISTRY_PATH, RegistryListPage, formValuesOf } from './registry-pages.tsx'

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const ListQuery = z.object({
  q: z.string().trim().max(200).optional().transform((v) => v || undefined),
  status: z.preprocess(emptyToUndefined, z.enum(ENTITY_STATUSES).optional()),
  type: z.preprocess(emptyToUndefined, z.enum(BUSINESS_TYPE_CODES).optional()),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
})
/** Pre-fill from a support ticket; anything unusable is simply left out. */
const NewQuery = z.object({
  name: z.string().max(300).optional().catch(undefined),
  juristicId: z.string().max(40).optional().catch(undefined),
  businessTypeCode: z.enum(BUSINESS_TYPE_CODES).optional().catch(undefined),
})

type IdParams = { Params: { id: string } }
type BatchParams = { Params: { batchId: string } }
const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] })
const TEMPLATE_CSV = `\uFEFF${BUSINESS_FIELDS.map((f) => IMPORT_COLUMNS[f]).join(',')}\r\n`

function prefill(q: z.output<typeof NewQuery>): RawForm {
  const values: RawForm = { status: 'active' }
  const name = q.name?.trim()
  if (name) {
    if (hasThaiLetter(name)) values.nameTh = bareThaiName(name)
    else values.nameEn = bareEnglishName(name)
  }
  const id = q.juristicId ? normaliseThaiId13(q.juristicId) : ''
  if (id) values.juristicId = isJuristicId(id) ? id : q.juristicId
  if (q.businessTypeCode) values.primaryBusinessType = q.businessTypeCode
  return values
}

/** Reads the one uploaded file into memory, at most IMPORT_MAX_BYTES (the plan, not the file, is kept). */
async function readImportUpload(req: FastifyRequest): Promise<{ name: string; bytes: Buffer } | undefined> {
  const { files } = await receiveMultipartFiles(req, async (part: MultipartFile) => {
    if (part.fieldname !== 'file') throw new AppError('BAD_REQUEST', { messageKey: 'errors.page.badRequest.title' })
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of part.file) {
      size += (chunk as Buffer).length
      if (size > IMPORT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { messageKey: 'registry.import.errors.tooLarge', params: { maxMb: IMPORT_MAX_BYTES / (1024 * 1024) } })
      chunks.push(chunk as Buffer)
    }
    if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', { messageKey: 'registry.import.errors.tooLarge', params: { maxMb: IMPORT_MAX_BYTES / (1024 * 1024) } })
    return { name: part.filename ?? 'upload', bytes: Buffer.concat(chunks) }
  })
  return files[0]?.result
}

export const registryRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const guard = { preHandler: requirePermission('registry:manage:any') }
  const types = () => listActiveBusinessTypes(deps.database.db)

  /** Re-renders the edit page (after a failed save or merge). */
  const editPage = async (req: FastifyRequest, id: string, extra: { values?: RawForm; errors?: FormErrors; result?: SaveBusinessResult; merge?: { values?: RawForm; errors?: FormErrors; params?: Record<string, string> } }) => {
    const view = await getBusiness(deps, { actor: req.actor, id })
    const list = await types()
    const params = extra.result?.kind === 'invalid' ? extra.result.params : undefined
    return (ctx: Parameters<typeof BusinessFormPage>[0]['ctx']) => <BusinessFormPage ctx={ctx} types={list} view={view} values={extra.values ?? formValuesOf(view.business, ctx.locale)} errors={extra.errors} errorParams={params} merge={extra.merge} />
  }

  app.get('/', guard, async (req, reply) => {
    const query = parseQuery(ListQuery, req.query)
    const list = await listBusinesses(deps, { actor: req.actor, ...query })
    const search = { ...query, page: list.page }
    const flash = takeFlash(req)
    const typeList = await types()
    return sendPage(req, reply, (ctx) => <RegistryListPage ctx={ctx} search={search} list={list} types={typeList} flash={flash} />)
  })

  // ── Add ───────────────────────────────────────────────────────────────────────────────────
  app.get('/new', guard, async (req, reply) => {
    const values = prefill(parseQuery(NewQuery, req.query))
    const typeList = await types()
    return sendPage(req, reply, (ctx) => <BusinessFormPage ctx={ctx} types={typeList} values={values} />)
  })

  app.post('/new', guard, async (req, reply) => {
    const form = parseForm(BusinessInput, req.body)
    const typeList = await types()
    if (!form.ok) return respond(req, reply).invalid((ctx) => <BusinessFormPage ctx={ctx} types={typeList} values={form.values} errors={form.errors} />)
    const result = await addBusiness(deps, { actor: req.actor, record: form.value, ...meta(req) })
    if (result.kind === 'invalid') {
      return respond(req, reply).invalid((ctx) => <BusinessFormPage ctx={ctx} types={typeList} values={req.body as RawForm} errors={result.errors as FormErrors} errorParams={result.params} />)
    }
    setFlash(req, 'registry.add.done')
    return respond(req, reply).redirect(`${REGISTRY_PATH}/${result.id}`)
  })

  // ── Import (static paths before /:id) ─────────────────────────────────────────────────────
  app.get('/import', guard, (req, reply) => sendPage(req, reply, (ctx) => <ImportUploadPage ctx={ctx} />))

  app.get('/import/template.csv', guard, (_req, reply) =>
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="registry-import-template.csv"').header('cache-control', 'no-store').send(TEMPLATE_CSV),
  )

  app.post('/import', { ...multipartForm(), ...guard }, async (req, reply) => {
    const invalid = (messageKey: Parameters<typeof req.t>[0], params?: Record<string, string | number>, status = 422) =>
      respond(req, reply).invalid((ctx) => <ImportUploadPage ctx={ctx} error={ctx.t(messageKey, params)} />, { status })
    let upload: { name: string; bytes: Buffer } | undefined
    try {
      upload = await readImportUpload(req)
    } catch (e) {
      if (e instanceof AppError && e.code === 'PAYLOAD_TOO_LARGE') return invalid(e.messageKey, e.params, 413)
      throw e
    }
    if (!upload) return invalid('registry.import.errors.noFile')
    try {
      const { batchId } = await previewRegistryImport(deps, { actor: req.actor, fileName: upload.name, bytes: upload.bytes })
      return respond(req, reply).redirect(`${IMPORT_PATH}/${batchId}`)
    } catch (e) {
      if (e instanceof AppError && e.code === 'VALIDATION' && e.messageKey.startsWith('registry.import.')) return invalid(e.messageKey, e.params)
      throw e
    }
  })

  app.get<BatchParams>('/import/:batchId', guard, async (req, reply) => {
    const view = await getRegistryImport(deps, { actor: req.actor, batchId: req.params.batchId })
    const typeList = await types()
    return sendPage(req, reply, (ctx) => <ImportPreviewPage ctx={ctx} view={view} types={typeList} />)
  })

  app.post<BatchParams>('/import/:batchId/apply', guard, async (req, reply) => {
    let done: { added: number; changed: number }
    try {
      done = await applyRegistryImport(deps, { actor: req.actor, batchId: req.params.batchId, ...meta(req) })
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e
      // Refused (stale, already applied, registry changed): the preview again, saying why.
      const view = await getRegistryImport(deps, { actor: req.actor, batchId: req.params.batchId })
      const typeList = await types()
      return respond(req, reply).invalid((ctx) => <ImportPreviewPage ctx={ctx} view={view} types={typeList} problem={ctx.t(e.messageKey, e.params)} />, { status: 409 })
    }
    setFlash(req, 'registry.import.done', { added: String(done.added), changed: String(done.changed) })
    return respond(req, reply).redirect(REGISTRY_PATH)
  })

  // ── One business ──────────────────────────────────────────────────────────────────────────
  app.get<IdParams>('/:id', guard, async (req, reply) => {
    const view = await getBusiness(deps, { actor: req.actor, id: req.params.id })
    const typeList = await types()
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <BusinessFormPage ctx={ctx} types={typeList} view={view} values={formValuesOf(view.business, ctx.locale)} flash={flash} />)
  })

  app.post<IdParams>('/:id', guard, async (req, reply) => {
    const form = parseForm(BusinessInput, req.body)
    if (!form.ok) return respond(req, reply).invalid(await editPage(req, req.params.id, { values: form.values, errors: form.errors }))
    const result = await editBusiness(deps, { actor: req.actor, id: req.params.id, record: form.value, ...meta(req) })
    if (result.kind === 'invalid') return respond(req, reply).invalid(await editPage(req, req.params.id, { values: req.body as RawForm, errors: result.errors as FormErrors, result }))
    setFlash(req, 'registry.edit.done')
    return respond(req, reply).redirect(`${REGISTRY_PATH}/${result.id}`)
  })

  app.post<IdParams>('/:id/delete', guard, async (req, reply) => {
    const { juristicId } = await deleteBusiness(deps, { actor: req.actor, id: req.params.id, ...meta(req) })
    setFlash(req, 'registry.delete.done', { juristicId })
    return respond(req, reply).redirect(REGISTRY_PATH)
  })

  // ── Merge: GET shows what would happen, POST does it ─────────────────────────────────────
  const mergeCheck = async (req: FastifyRequest<IdParams>, raw: unknown) => {
    const form = parseForm(MergeInput, raw)
    if (!form.ok) return { ok: false as const, page: await editPage(req, req.params.id, { merge: { values: form.values, errors: form.errors } }) }
    const check = await previewMerge(deps, { actor: req.actor, thisId: req.params.id, ...form.value })
    if (!check.ok) return { ok: false as const, page: await editPage(req, req.params.id, { merge: { values: raw as RawForm, errors: { otherJuristicId: check.messageKey }, params: check.params } }) }
    return { ok: true as const, check, input: form.value }
  }

  app.get<IdParams>('/:id/merge', guard, async (req, reply) => {
    const result = await mergeCheck(req, req.query)
    if (!result.ok) return sendPage(req, reply, result.page, { status: 422 })
    const { check, input } = result
    return sendPage(req, reply, (ctx) => <MergePreviewPage ctx={ctx} thisId={req.params.id} check={check} otherJuristicId={input.otherJuristicId} survivor={input.survivor} />)
  })

  app.post<IdParams>('/:id/merge', guard, async (req, reply) => {
    const result = await mergeCheck(req, req.body)
    if (!result.ok) return respond(req, reply).invalid(result.page)
    const { survivorId } = await mergeBusinesses(deps, { actor: req.actor, survivorId: result.check.survivor.id, mergedId: result.check.merged.id, ...meta(req) })
    setFlash(req, 'registry.merge.done')
    return respond(req, reply).redirect(`${REGISTRY_PATH}/${survivorId}`)
  })
}
