/**
 * At start-up: every published imported version into the in-memory registry (with its texts), so
 * findQuestionnaireDefinition finds it synchronously. A stored version the engine can no longer
 * read is skipped and reported (the caller logs it), never a reason not to start.
 */
import type { AppDeps } from '#src/server/deps.ts'
import { listPublishedStoredVersions } from './questionnaire-versions.repo.ts'
import { activateImportedVersion } from './questionnaire-versions.shared.ts'

export async function loadPublishedQuestionnaireVersions(deps: Pick<AppDeps, 'database'>): Promise<{ loaded: number[]; skipped: number[] }> {
  const loaded: number[] = []
  const skipped: number[] = []
  for (const row of await listPublishedStoredVersions(deps.database.db)) {
    try {
      activateImportedVersion(row)
      loaded.push(row.version)
    } catch {
      skipped.push(row.version)
    }
  }
  return { loaded, skipped }
}
