/**
 * Reading questionnaire versions for the admin pages: the list (built-in and imported) and one
 * version with its definition, its own texts (empty for built-in versions, whose texts are in
 * the app catalogs) and whether a scoring ruleset reads it.
 */
import type { Actor } from '#src/identity/permissions.ts'
import { QUESTIONNAIRE_DEFINITIONS, isBuiltInQuestionnaireVersion } from '#src/questionnaire/definition/index.ts'
import type { Definition } from '#src/questionnaire/engine/definition.ts'
import { rulesetForDefinition, type ScoringFor } from '#src/scoring/ruleset-reads.rules.ts'
import { CURRENT_RULESET_VERSION, RULESETS } from '#src/scoring/rulesets/index.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { QuestionnaireVersionStatus, VersionMessages } from './questionnaire-version.model.ts'
import { findStoredVersion, listStoredVersions, type StoredVersionSummary } from './questionnaire-versions.repo.ts'
import { requireVersionManager, storedDefinition, versionNotFound } from './questionnaire-versions.shared.ts'

export type VersionListItem =
  | { source: 'built_in'; version: number; status: 'published' }
  | ({ source: 'imported' } & StoredVersionSummary)

export type VersionView = {
  item: VersionListItem
  definition: Definition
  messages: VersionMessages
  /** Which scoring ruleset would score answers to this version, or what the current one lacks. */
  scoring: ScoringFor
}

const scoringOf = (definition: Definition): ScoringFor => rulesetForDefinition(RULESETS, CURRENT_RULESET_VERSION, definition)

export async function listQuestionnaireVersions(deps: Pick<AppDeps, 'database'>, opts: { actor: Actor }): Promise<VersionListItem[]> {
  requireVersionManager(opts.actor)
  const builtIn = Object.keys(QUESTIONNAIRE_DEFINITIONS).map((v) => ({ source: 'built_in' as const, version: Number(v), status: 'published' as const }))
  const stored = (await listStoredVersions(deps.database.db)).map((r) => ({ source: 'imported' as const, ...r }))
  return [...builtIn, ...stored].sort((a, b) => a.version - b.version)
}

export async function getQuestionnaireVersion(deps: Pick<AppDeps, 'database'>, opts: { actor: Actor; version: number }): Promise<VersionView> {
  requireVersionManager(opts.actor)
  if (isBuiltInQuestionnaireVersion(opts.version)) {
    const definition = QUESTIONNAIRE_DEFINITIONS[opts.version]!
    return { item: { source: 'built_in', version: opts.version, status: 'published' }, definition, messages: { th: {}, en: {} }, scoring: scoringOf(definition) }
  }
  const found = await findStoredVersion(deps.database.db, opts.version)
  if (!found) throw versionNotFound()
  const { definition: _d, messages, ...summary } = found
  const definition = storedDefinition(found)
  return { item: { source: 'imported', ...summary }, definition, messages, scoring: scoringOf(definition) }
}

export const isDraft = (item: VersionListItem): item is Extract<VersionListItem, { source: 'imported' }> & { status: Extract<QuestionnaireVersionStatus, 'draft'> } =>
  item.source === 'imported' && item.status === 'draft'
