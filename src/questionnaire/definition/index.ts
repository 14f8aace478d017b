/**
 * Every questionnaire version. A cycle points at one version; a submission records the version it
 * answered, so old versions stay here for as long as their submissions are shown or re-scored.
 */
import type { Definition } from '#src/questionnaire/engine/definition.ts'
import { questionnaireV1 } from './v1/index.ts'

export const QUESTIONNAIRE_DEFINITIONS: Readonly<Record<number, Definition>> = Object.freeze({ 1: questionnaireV1 })
export const LATEST_QUESTIONNAIRE_VERSION = 1

/** The definition of a version, or undefined when there is none. */
export function findQuestionnaireDefinition(version: number): Definition | undefined {
  return Object.hasOwn(QUESTIONNAIRE_DEFINITIONS, version) ? QUESTIONNAIRE_DEFINITIONS[version] : undefined
}
