/**
 * Shared by the cycle and extension use cases: who may act, the questionnaire versions a cycle may
 * use, a business's effective deadline, and the e-mail telling a business about a decision.
 * No use case here.
 */
import type { DbOrTx } from '#src/db/client.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import { can, type Actor, type Permission } from '#src/identity/permissions.ts'
import { enqueueMail } from '#src/notifications/outbox.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import { listPublishedQuestionnaireVersions } from '#src/questionnaire/versions/list-published-questionnaire-versions.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { Cycle } from '#src/submissions/submissions.repo.ts'
import { effectiveDeadline } from './deadline.rules.ts'
import { extensionRecipients, findGrantedExtension, type ExtensionRow } from './cycles.repo.ts'

export type StaffActor = Extract<Actor, { kind: 'user' }>

/** A signed-in user holding `permission`; anyone else is refused. */
export function requireActorWith(actor: Actor, permission: Permission): StaffActor {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
  if (!can(actor, permission)) throw new AppError('FORBIDDEN', { messageKey: 'questionnaire.errors.notAllowed' })
  return actor
}

export const cycleNotFound = () => new AppError('NOT_FOUND', { messageKey: 'cycles.errors.notFound' })

/**
 * The questionnaire versions a cycle may point at, as stored in `definition_version` (`v1`),
 * newest first: built-in and published imported ones (listPublishedQuestionnaireVersions).
 */
export async function publishedQuestionnaireVersions(deps: Pick<AppDeps, 'database'>): Promise<string[]> {
  return (await listPublishedQuestionnaireVersions(deps)).map((v) => v.code).reverse()
}

export const isPublishedVersion = async (deps: Pick<AppDeps, 'database'>, v: string) => (await publishedQuestionnaireVersions(deps)).includes(v)

/** The business's deadline for the cycle: its latest granted extension, else the cycle's. */
export async function deadlineForEntity(db: DbOrTx, entityId: string, cycle: Pick<Cycle, 'id' | 'deadline'>): Promise<{ deadline: Date; extension: ExtensionRow | undefined }> {
  const extension = await findGrantedExtension(db, entityId, cycle.id)
  return { deadline: effectiveDeadline(cycle, extension), extension }
}

/** Queues the decision e-mail to the requester and the business's active administrators. */
export async function enqueueDecisionMails(
  tx: DbOrTx,
  args: {
    entity: { id: string; nameTh: string; nameEn: string | null; legalForm: string }
    requesterId: string | null
    cycle: Pick<Cycle, 'code' | 'nameTh' | 'nameEn'>
    decision: 'granted' | 'refused'
    deadline: Date
    reason: string | null
    baseUrl: string
    now: Date
  },
): Promise<number> {
  const recipients = await extensionRecipients(tx, args.entity.id, args.requesterId)
  for (const u of recipients) {
    const locale = u.locale === 'en' ? 'en' : 'th'
    await enqueueMail(tx, {
      template: 'deadline_extension_decided',
      to: u.email,
      locale,
      now: args.now,
      payload: {
        fullName: `${u.firstName} ${u.lastName}`,
        businessName: registeredName(args.entity.nameTh, args.entity.legalForm as LegalForm, locale, args.entity.nameEn),
        cycleName: locale === 'en' ? args.cycle.nameEn : args.cycle.nameTh,
        decision: args.decision,
        deadline: args.deadline.toISOString(),
        reason: args.reason,
        assessmentUrl: `${args.baseUrl}/portal/assessments/${args.cycle.code}`,
      },
    })
  }
  return recipients.length
}
