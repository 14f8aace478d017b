/**
 * Every questionnaire version. A cycle points at one version; a submission records the version it
 * answered, so old versions stay here for as long as their submissions are shown or re-scored.
 *
 * Built-in versions live in the code (v1). Versions an admin imported and published live in the
 * database; they are added here at start-up and on publish (src/questionnaire/versions), so
 * `findQuestionnaireDefinition` stays synchronous and never queries the database.
 */
import type { Definition } from '#src/questionnaire/engine/definition.ts'
import { questionnaireV1 } from './v1/index.ts'

export const QUESTIONNAIRE_DEFINITIONS: Readonly<Record<number, Definition>> = Object.freeze({ 1: questionnaireV1 })
export const LATEST_QUESTIONNAIRE_VERSION = 1

/** Published imported versions, by version number (in memory; see the header). */
const PUBLISHED_IMPORTS = new Map<number, Definition>()

export const isBuiltInQuestionnaireVersion = (version: number): boolean => Object.hasOwn(QUESTIONNAIRE_DEFINITIONS, version)

/** The definition of a version, or undefined when there is none. */
export function findQuestionnaireDefinition(version: number): Definition | undefined {
  return isBuiltInQuestionnaireVersion(version) ? QUESTIONNAIRE_DEFINITIONS[version] : PUBLISHED_IMPORTS.get(version)
}

/** Adds a published imported version (frozen by defineQuestionnaire); a built-in version number is refused. */
export function registerPublishedDefinition(definition: Definition): void {
  if (isBuiltInQuestionnaireVersion(definition.version)) throw new Error(`questionnaire version ${definition.version} is built in`)
  PUBLISHED_IMPORTS.set(definition.version, definition)
}

/** Imported versions known in memory (tests reset it between cases). */
export const registeredImportedVersions = (): number[] => [...PUBLISHED_IMPORTS.keys()].sort((a, b) => a - b)
export function forgetImportedDefinitions(): void {
  PUBLISHED_IMPORTS.clear()
}
