/**
 * What a business sees of its own cases (queries; R3's actor-scoped load): its open information
 * requests and remediation actions for the portal home, and one request or action for its page.
 * Scoped by the actor's entity in SQL (case-tasks.repo.ts): another business's id is NOT_FOUND.
 * Nothing here exposes staff notes, visits, assignees or other businesses' findings.
 */
import type { Actor } from '#src/identity/permissions.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { requireEntityActor } from '#src/submissions/submissions.shared.ts'
import { requestNotFound } from './answer-information-request.ts'
import { findActionOfEntity, findRequestOfEntity, listOpenActionsOfEntity, listOpenRequestsOfEntity, type BusinessAction, type BusinessRequest } from './case-tasks.repo.ts'
import { listReportItemsOfEntity } from './case-reports.repo.ts'
import { actionNotFound } from './mark-remediation-done.ts'

type Deps = Pick<AppDeps, 'database'>

/** `reports`: drafts awaiting the business's response and its final reports (case-reports.repo.ts). */
export type BusinessCaseTasks = { requests: BusinessRequest[]; actions: BusinessAction[]; reports?: Awaited<ReturnType<typeof listReportItemsOfEntity>> }

export async function getBusinessCaseTasks(deps: Deps, opts: { actor: Actor }): Promise<BusinessCaseTasks> {
  const actor = requireEntityActor(opts.actor)
  const db = deps.database.db
  return { requests: await listOpenRequestsOfEntity(db, actor.entityId), actions: await listOpenActionsOfEntity(db, actor.entityId), reports: await listReportItemsOfEntity(db, actor.entityId) }
}

export async function getBusinessRequest(deps: Deps, opts: { actor: Actor; requestId: string }): Promise<BusinessRequest> {
  const actor = requireEntityActor(opts.actor)
  const found = isUuid(opts.requestId) ? await findRequestOfEntity(deps.database.db, actor.entityId, opts.requestId) : undefined
  if (!found || found.status === 'withdrawn') throw requestNotFound()
  return found
}

export async function getBusinessAction(deps: Deps, opts: { actor: Actor; actionId: string }): Promise<BusinessAction> {
  const actor = requireEntityActor(opts.actor)
  const found = isUuid(opts.actionId) ? await findActionOfEntity(deps.database.db, actor.entityId, opts.actionId) : undefined
  if (!found) throw actionNotFound()
  return found
}
