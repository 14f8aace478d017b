import type { DatabaseHandle } from '#src/db/client.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { Config } from '#src/platform/config.ts'
import type { Clock } from '#src/platform/clock.ts'
import { AppError } from '#src/platform/errors.ts'
import type { TicketAttachmentInput } from './support-thread.model.ts'

/** What the support use cases need (a subset of AppDeps). */
export type SupportDeps = { database: Pick<DatabaseHandle, 'db'>; clock: Clock; config: Pick<Config, 'baseUrl' | 'sessionSecret'> }

export type StaffActor = Extract<Actor, { kind: 'user' }>
export type ClientInfo = { ip?: string; userAgent?: string }

export const ticketNotFound = () => new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })

export const auditContext = (actor: Actor, at: Date, client?: ClientInfo) => ({
  at,
  actorUserId: actor.kind === 'user' ? actor.id : null,
  actorRole: actor.kind === 'user' ? actor.role : null,
  ip: client?.ip,
  userAgent: client?.userAgent,
})

export const attachmentColumns = (a: TicketAttachmentInput | undefined) => ({
  attachmentKey: a?.key ?? null,
  attachmentName: a?.name ?? null,
  attachmentType: a?.mediaType ?? null,
  attachmentSize: a?.size ?? null,
  attachmentSha256: a?.sha256 ?? null,
})
