/**
 * Shared by the submission use cases: who may act, which cycle and definition, the loaded
 * assessment (answers and attachments), canonical JSON and hashing of snapshots. No use case here.
 */
import { createHash } from 'node:crypto'
import type { DbOrTx } from '#src/db/client.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { can } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { TIME_ZONE } from '#src/platform/i18n/locale.ts'
import type { Definition } from '#src/questionnaire/engine/definition.ts'
import type { AttachmentRef } from '#src/questionnaire/engine/field-types/contract.ts'
import { isDocumentType } from '#src/questionnaire/engine/document-types.ts'
import { findQuestionnaireDefinition } from '#src/questionnaire/definition/index.ts'
import { acceptsFilings } from '#src/cycles/cycle-status.rules.ts'
import { decideAssessmentAction, type AssessmentAction } from './assessment-status.rules.ts'
import { findAssessmentBundle, findCycleByCode, type Assessment, type AttachmentRow, type Cycle } from './submissions.repo.ts'
import { effectiveDeadline } from '#src/cycles/deadline.rules.ts'

export type EntityActor = Extract<Actor, { kind: 'user' }> & { entityId: string }

export const notFound = () => new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })

/** A signed-in user of a business with the portal permission; anyone else is refused. */
export function requireEntityActor(actor: Actor): EntityActor {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
  if (!actor.entityId || !can(actor, 'portal:access:own')) throw notFound()
  return actor as EntityActor
}

/** AMLO staff (review actions). */
export function requireStaffActor(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
  if (!can(actor, 'staff:access:any')) throw new AppError('FORBIDDEN', { messageKey: 'questionnaire.errors.notAllowed' })
  return actor
}

/** `'v1'` or `'1'` → the definition; a cycle pointing at an unknown version is a programming error. */
export function definitionForVersion(version: string): Definition {
  const n = Number(version.replace(/^v/i, ''))
  const def = Number.isSafeInteger(n) ? findQuestionnaireDefinition(n) : undefined
  if (!def) throw new Error(`unknown questionnaire version ${JSON.stringify(version)}`)
  return def
}

/** Today's date in Bangkok, `yyyy-mm-dd` (the engine's ValidationContext.today). */
const BANGKOK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
export function bangkokToday(now: Date): string {
  return BANGKOK_DAY.format(now)
}

const noOpenCycle = () => new AppError('NOT_FOUND', { messageKey: 'questionnaire.errors.noOpenCycle' })

export async function requireCycle(db: DbOrTx, code: string): Promise<Cycle> {
  const cycle = await findCycleByCode(db, code)
  if (!cycle) throw noOpenCycle()
  return cycle
}

export type Loaded = {
  cycle: Cycle
  definition: Definition
  assessment: Assessment
  /** One flat object across all parts (the engine's Answers). */
  answers: Record<string, unknown>
  attachments: AttachmentRow[]
  /** The business's deadline: its granted extension's, else the cycle's (cycles/deadline.rules.ts). */
  deadline: Date
}

/** The business's assessment of the cycle with its answers, live attachments and deadline (one round trip); NOT_FOUND if none. */
export async function loadAssessment(db: DbOrTx, entityId: string, cycleCode: string): Promise<Loaded> {
  const bundle = await findAssessmentBundle(db, entityId, cycleCode)
  if (!bundle) throw noOpenCycle()
  const { cycle, assessment } = bundle
  if (!assessment) throw notFound()
  return {
    cycle,
    definition: definitionForVersion(cycle.definitionVersion),
    assessment,
    answers: flatten(bundle.parts),
    attachments: bundle.attachments,
    deadline: effectiveDeadline(cycle, bundle.extendedDeadline && { status: 'granted', grantedDeadline: bundle.extendedDeadline }),
  }
}

export const flatten = (parts: Record<string, Record<string, unknown>>): Record<string, unknown> => Object.assign({}, ...Object.values(parts)) as Record<string, unknown>

export const attachmentRefs = (rows: readonly AttachmentRow[]): AttachmentRef[] =>
  rows.flatMap((a) => (isDocumentType(a.documentType) ? [{ id: a.id, documentType: a.documentType }] : []))

/** A closed cycle takes no more drafts, documents or submissions (src/cycles/cycle-status.rules.ts). */
export function assertCycleAcceptsFilings(cycle: Pick<Cycle, 'status'>): void {
  if (!acceptsFilings(cycle)) throw new AppError('INVALID_TRANSITION', { messageKey: 'cycles.errors.cycleClosed' })
}

/** Throws INVALID_TRANSITION with the status machine's message when `action` is not allowed. */
export function assertAllowed(assessment: Assessment, action: AssessmentAction): void {
  const decision = decideAssessmentAction(assessment.status, action)
  if (!decision.ok) throw new AppError('INVALID_TRANSITION', { messageKey: decision.messageKey })
}

/** JSON with object keys sorted at every level (JSONB reorders keys; the hash must not care). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    )
  }
  return value
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
export const snapshotSha256 = (snapshot: unknown) => sha256Hex(canonicalJson(snapshot))

const chains = new Map<string, Promise<void>>()

/**
 * Runs `fn` for one key at a time in this process. Used around submitting so that a storm of
 * submits of one assessment does not hold a pool connection each while waiting for the row lock;
 * across processes (several instances on PostgreSQL) the row lock still decides.
 */
export async function oneAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = chains.get(key) ?? Promise.resolve()
  let release!: () => void
  const mine = new Promise<void>((resolve) => {
    release = resolve
  })
  const chained = previous.then(() => mine)
  chains.set(key, chained)
  await previous
  try {
    return await fn()
  } finally {
    release()
    if (chains.get(key) === chained) chains.delete(key)
  }
}
