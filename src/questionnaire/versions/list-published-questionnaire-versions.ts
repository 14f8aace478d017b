/**
 * The questionnaire versions a cycle may use: built-in ones and published imported ones, oldest
 * first. `code` is what a cycle stores in `definition_version` (`v1`, `v2`).
 */
import { QUESTIONNAIRE_DEFINITIONS } from '#src/questionnaire/definition/index.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { listStoredVersions } from './questionnaire-versions.repo.ts'

export type PublishedQuestionnaireVersion = { version: number; code: string; source: 'built_in' | 'imported'; publishedAt: Date | null }

export async function listPublishedQuestionnaireVersions(deps: Pick<AppDeps, 'database'>): Promise<PublishedQuestionnaireVersion[]> {
  const builtIn = Object.keys(QUESTIONNAIRE_DEFINITIONS).map((v) => ({ version: Number(v), code: `v${v}`, source: 'built_in' as const, publishedAt: null }))
  const stored = (await listStoredVersions(deps.database.db))
    .filter((r) => r.status === 'published')
    .map((r) => ({ version: r.version, code: `v${r.version}`, source: 'imported' as const, publishedAt: r.publishedAt }))
  return [...builtIn, ...stored].sort((a, b) => a.version - b.version)
}
