/**
 * Shared by the questionnaire-version use cases: who may manage versions, and turning a stored
 * published version into a running one (in-memory registry + its texts). No use case here.
 */
import { can, type Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { CATALOGS } from '#src/platform/i18n/catalog.ts'
import { registerImportedMessages } from '#src/platform/i18n/translator.ts'
import { registerPublishedDefinition } from '#src/questionnaire/definition/index.ts'
import { catalogLookup } from '#src/questionnaire/engine/check-definition.rules.ts'
import { defineQuestionnaire, type Definition, type DefinitionInput } from '#src/questionnaire/engine/definition.ts'
import type { StoredVersion } from './questionnaire-versions.repo.ts'

export type VersionManager = Extract<Actor, { kind: 'user' }>

export function requireVersionManager(actor: Actor): VersionManager {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
  if (!can(actor, 'questionnaires:manage:any')) throw new AppError('FORBIDDEN', { messageKey: 'versions.errors.notAllowed' })
  return actor
}

export const versionNotFound = () => new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })

/** The app catalogs as the checker's lookup. */
export const APP_TEXT = catalogLookup(CATALOGS)

/** A stored definition as the engine's frozen Definition (throws a ZodError if it no longer fits). */
export const storedDefinition = (row: Pick<StoredVersion, 'definition'>): Definition => defineQuestionnaire(row.definition as DefinitionInput)

/** Makes a published imported version findable by findQuestionnaireDefinition, with its own texts. */
export function activateImportedVersion(row: Pick<StoredVersion, 'definition' | 'messages'>): Definition {
  const definition = storedDefinition(row)
  registerImportedMessages(row.messages)
  registerPublishedDefinition(definition)
  return definition
}
