/**
 * Every scoring ruleset, by version. A stored score names its ruleset version, so a ruleset stays
 * here (unchanged) for as long as its scores exist; recalibration is a new version, switched on for a
 * cycle through the rescoring preview and activation (docs/decisions/0007-scoring-ruleset.md).
 */
import type { Ruleset } from '../score.model.ts'
import { rulesetV1 } from './v1.ts'

export const RULESETS: Readonly<Record<string, Ruleset>> = Object.freeze({ v1: rulesetV1 })
/** The ruleset that scores new submissions. */
export const CURRENT_RULESET_VERSION = 'v1'

export function findRuleset(version: string): Ruleset | undefined {
  return Object.hasOwn(RULESETS, version) ? RULESETS[version] : undefined
}
