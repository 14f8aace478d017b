/**
 * The data of a case's notification letter (domain.md §7: the business is notified, with a
 * document request, at least 15 days before fieldwork; use case; R3): the business and its
 * address, the case, the earliest fieldwork day (sla.rules.ts fieldworkEarliest from today), the
 * open information requests and the officer in charge. Read-only; the PDF is printed by the route.
 */
import { registeredName } from '#src/entities/entity-name.rules.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { findCaseEntity, findEntityAddress, listUserNames } from './case-inbox.repo.ts'
import type { CaseType } from './case-status.rules.ts'
import { caseReference } from './cases.model.ts'
import { findCase, listInformationRequests } from './cases.repo.ts'
import { caseNotFound, requireCaseWorker } from './cases.shared.ts'
import { fieldworkEarliest } from './sla.rules.ts'

export type NotificationLetterData = {
  caseRef: string
  caseType: CaseType
  businessName: string
  juristicId: string
  address: string
  /** `yyyy-mm-dd`: fieldwork starts no earlier than this. */
  fieldworkFrom: string
  requests: { subject: string; body: string; dueOn: string }[]
  officerName: string | null
}

export async function getNotificationLetter(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { actor: Actor; caseId: string }): Promise<NotificationLetterData> {
  requireCaseWorker(opts.actor)
  if (!isUuid(opts.caseId)) throw caseNotFound()
  const db = deps.database.db
  const found = await findCase(db, opts.caseId)
  if (!found) throw caseNotFound()
  const [entity, address, requests, names] = await Promise.all([
    findCaseEntity(db, found.entityId),
    findEntityAddress(db, found.entityId),
    listInformationRequests(db, found.id),
    listUserNames(db, found.assigneeUserId ? [found.assigneeUserId] : []),
  ])
  return {
    caseRef: caseReference(found.number),
    caseType: found.type,
    businessName: registeredName(entity!.nameTh, entity!.legalForm as LegalForm, 'th'),
    juristicId: entity!.juristicId,
    address: address ? `${address.addressLine} ${address.subdistrict} ${address.district} ${address.province} ${address.postcode}` : '',
    fieldworkFrom: fieldworkEarliest(deps.clock.now()),
    requests: requests.filter((r) => r.status === 'open').map((r) => ({ subject: r.subject, body: r.body, dueOn: r.dueOn })),
    officerName: found.assigneeUserId ? (names.get(found.assigneeUserId) ?? null) : null,
  }
}
