/**
 * What the case page's POST routes share (cases.routes.tsx, case-reports.routes.tsx,
 * enforcement.routes.tsx): reading the form body, the idempotency key, and running one action —
 * a refusal by the rules re-renders the case page (422) with the message at its field, in the
 * error summary and with what was typed; success answers 303 to the case page with a flash.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { getCaseView } from '#src/cases/get-case-view.ts'
import { isAppError, type AppError } from '#src/platform/errors.ts'
import { isMessageKey } from '#src/platform/i18n/catalog.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { setFlash, type Flash } from '#src/web/lib/flash.ts'
import { respond } from '#src/web/lib/respond.ts'
import { CasePage, type CaseForm, type CaseProblem } from './case-page.tsx'
import { caseHref } from './inbox-page.tsx'

export type CaseParams = { Params: { caseId: string } }
export const bodyOf = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>
export const text = (v: unknown) => (typeof v === 'string' ? v : '')
/** The form's idempotency key, or a fresh one when it is missing (a hand-made post). */
export const keyOf = (req: FastifyRequest) => text(bodyOf(req).idempotencyKey).slice(0, 100) || randomUUID()

/** Refusals shown on the form; anything else is an error page. */
const FORM_ERROR_CODES = ['VALIDATION', 'CONFLICT', 'INVALID_TRANSITION', 'FORBIDDEN']

export type CaseActionSpec<R> = {
  form: CaseForm
  run: () => Promise<R>
  /** The flash after success, or how to name it from the use case's result. */
  done: Flash['key'] | ((result: R) => Flash)
  /** Which instance of the form (a status action, a finding, a remediation action) a refusal belongs to. */
  extra?: Pick<CaseProblem, 'action' | 'findingId' | 'actionId'>
  /** The field the error summary links to for this refusal; absent: the form's own field. */
  fieldOf?: (e: AppError) => string
}

export function caseActionRunner(deps: AppDeps) {
  return async function act<R>(req: FastifyRequest<CaseParams>, reply: FastifyReply, spec: CaseActionSpec<R>): Promise<FastifyReply> {
    let result: R
    try {
      result = await spec.run()
    } catch (e) {
      if (!isAppError(e) || !FORM_ERROR_CODES.includes(e.code) || !e.messageKey || !isMessageKey(e.messageKey)) throw e
      const problem: CaseProblem = { form: spec.form, messageKey: e.messageKey, values: bodyOf(req), ...spec.extra, ...(spec.fieldOf ? { fieldId: spec.fieldOf(e) } : {}), ...(e.params ? { params: e.params } : {}) }
      const view = await getCaseView(deps, { actor: req.actor, caseId: req.params.caseId })
      return respond(req, reply).invalid((ctx) => <CasePage ctx={ctx} view={view} formKey={randomUUID()} problem={problem} />)
    }
    const flash = typeof spec.done === 'function' ? spec.done(result) : { key: spec.done }
    setFlash(req, flash.key, flash.params)
    return respond(req, reply).redirect(caseHref(req.params.caseId))
  }
}
