/**
 * Which questionnaire versions a scoring ruleset can read (pure). A ruleset is not tied to a list of
 * versions: it can score ANY version — built in or imported by an admin — that has every question it
 * reads, each of a type it can read (a number where it reads a number, a group with the columns it
 * reads, …). `rulesetReadsDefinition` answers that and, when it cannot, lists every missing or
 * incompatible question, so the version's admin page and the staff submission view can say why.
 *
 * Decision: `Ruleset.definitionVersions` was removed. A hard-coded list refused versions the ruleset
 * reads perfectly well (an import that only re-words labels), and said nothing about what a new
 * version lacks; the version a ruleset was calibrated on is named in its file header instead.
 *
 * What a ruleset reads: its data (indicator sources and fields, conditions, adjustments, control
 * items and their evidence, automatic floors, the "changed sharply" fields) plus the questions the
 * code itself reads (consistency flags in flags.rules.ts, `provinceInList` in conditions.rules.ts),
 * listed in FIXED_READS below. Field ids that only explain a number (`fieldIds`) must exist, of any
 * type. Choice VALUES are not checked: an option a version dropped just never matches.
 */
import type { Definition } from '#src/questionnaire/engine/definition.ts'
import { indexDefinition } from '#src/questionnaire/engine/definition.ts'
import type { FieldType } from '#src/questionnaire/engine/field-types/names.ts'
import { sourceFieldIds } from './conditions.rules.ts'
import { CONTROL_AREAS, INHERENT_FACTORS, type Condition, type ControlItem, type Ruleset } from './score.model.ts'

/** One question a ruleset reads: the types it can read, and for a group the columns (with their types). */
export type FieldRead = { fieldId: string; types: readonly FieldType[] | 'any'; columns?: Readonly<Record<string, readonly FieldType[]>> }

/** A question the definition lacks (`found: null`), has with another type, or a group lacking a column. */
export type MissingRead = { fieldId: string; column?: string; expected: readonly FieldType[] | 'any'; found: FieldType | null }

export type RulesetReads = { ok: true } | { ok: false; missing: readonly MissingRead[] }

const NUMBER: readonly FieldType[] = ['integer', 'money', 'percentage']
/** `equals` / `in`: a single choice, a ticked multiple choice or a yes/no/partly answer. */
const CHOICE: readonly FieldType[] = ['singleChoice', 'multipleChoice', 'ynp']
const ONE_CHOICE: readonly FieldType[] = ['singleChoice', 'ynp']
const ADDRESS: readonly FieldType[] = ['thaiAddress']

/** Questions read by code rather than ruleset data (keep in step with flags.rules.ts and conditions.rules.ts). */
export const FIXED_READS: readonly FieldRead[] = [
  { fieldId: 'D14_count', types: NUMBER },
  { fieldId: 'D15', types: NUMBER },
  { fieldId: 'D02', types: NUMBER },
  { fieldId: 'D05', types: NUMBER },
  { fieldId: 'C5_2', types: NUMBER },
  { fieldId: 'C5_4', types: NUMBER },
  { fieldId: 'C1_1', types: ONE_CHOICE },
  { fieldId: 'C1_1_evidence', types: ['file'] },
  { fieldId: 'C1_1_approvedOn', types: ['date'] },
  { fieldId: 'C1_1_reviewedOn', types: ['date'] },
  { fieldId: 'B03', types: ['group'], columns: { sharePercent: NUMBER } },
  { fieldId: 'B04', types: ['group'] },
  { fieldId: 'B01', types: ['group'], columns: { idType: ONE_CHOICE, thaiId: ['thaiId13', 'text'] } },
]
/** What `{ provinceInList }` reads: the head office and the branches' addresses. */
const PROVINCE_READS: readonly FieldRead[] = [
  { fieldId: 'A10', types: ADDRESS },
  { fieldId: 'B09', types: ['group'], columns: { address: ADDRESS } },
]

const exists = (ids: readonly string[]): FieldRead[] => ids.map((fieldId) => ({ fieldId, types: 'any' }))
const numbers = (ids: readonly string[]): FieldRead[] => ids.map((fieldId) => ({ fieldId, types: NUMBER }))

function conditionReads(c: Condition): FieldRead[] {
  if ('all' in c) return c.all.flatMap(conditionReads)
  if ('any' in c) return c.any.flatMap(conditionReads)
  if ('flag' in c) return []
  if ('provinceInList' in c) return [...PROVINCE_READS]
  if ('source' in c) return numbers(sourceFieldIds(c.source))
  if ('groupEmpty' in c) return [{ fieldId: c.groupEmpty, types: ['group'] }]
  if ('group' in c) return [{ fieldId: c.group, types: ['group'], columns: { [c.column]: 'in' in c ? CHOICE : ['text'] } }]
  if ('equals' in c || 'in' in c) return [{ fieldId: c.field, types: CHOICE }]
  if ('anyTickedExcept' in c) return [{ fieldId: c.field, types: ['multipleChoice'] }]
  return [{ fieldId: c.field, types: ['date'] }]
}

function controlItemReads(item: ControlItem): FieldRead[] {
  const evidence: FieldRead[] = 'evidenceField' in item && item.evidenceField ? [{ fieldId: item.evidenceField, types: ['file'] }] : []
  switch (item.kind) {
    case 'ynp':
      return [{ fieldId: item.field, types: ['ynp'] }, ...evidence]
    case 'choice':
      return [{ fieldId: item.field, types: ONE_CHOICE }]
    case 'multi':
      return [{ fieldId: item.field, types: ['multipleChoice'] }]
    case 'percent':
    case 'atLeast':
    case 'atMost':
      return numbers([item.field])
    case 'present':
      return [{ fieldId: item.field, types: ['group', 'file'] }]
  }
}

/** Every question the ruleset reads, with the types it can read (repeats possible). */
export function rulesetFieldReads(ruleset: Ruleset): FieldRead[] {
  const reads: FieldRead[] = [...FIXED_READS]
  for (const f of INHERENT_FACTORS) {
    for (const ind of ruleset.factors[f].indicators) {
      switch (ind.kind) {
        case 'bands':
          reads.push(...exists(ind.fieldIds), ...numbers(sourceFieldIds(ind.source)))
          break
        case 'choice':
          reads.push({ fieldId: ind.field, types: ONE_CHOICE })
          break
        case 'mix':
          reads.push(...numbers(Object.keys(ind.shares)))
          break
        case 'groupMix':
          reads.push({ fieldId: ind.group, types: ['group'], columns: { [ind.itemColumn]: ONE_CHOICE, [ind.shareColumn]: NUMBER } })
          break
        case 'sectorBaseline':
          reads.push({ fieldId: ind.field, types: ONE_CHOICE }, ...numbers(Object.values(ind.mixes).flatMap((m) => Object.keys(m))))
          break
        case 'condition':
          reads.push(...exists(ind.fieldIds), ...conditionReads(ind.when))
          break
      }
    }
    for (const adj of ruleset.factors[f].adjustments) reads.push(...exists(adj.fieldIds), ...conditionReads(adj.when))
  }
  for (const a of CONTROL_AREAS) for (const item of ruleset.controls[a].items) reads.push(...controlItemReads(item))
  for (const fl of ruleset.automaticFloors) reads.push(...exists(fl.fieldIds), ...conditionReads(fl.when))
  reads.push(...numbers(ruleset.flags.sharpChange.percentFields), ...numbers(ruleset.flags.sharpChange.countFields))
  return reads
}

/** The distinct question ids a ruleset reads, in first-read order (for the contract test and the views). */
export const rulesetFieldIds = (ruleset: Ruleset): string[] => [...new Set(rulesetFieldReads(ruleset).map((r) => r.fieldId))]

const accepts = (types: readonly FieldType[] | 'any', found: FieldType) => types === 'any' || types.includes(found)

/** Answers per ruleset and definition (both are frozen data; rescoring a cycle asks once per submission). */
const ANSWERS = new WeakMap<Ruleset, WeakMap<Definition, RulesetReads>>()

/** Can `ruleset` score answers to `definition`? Otherwise every missing or incompatible question, once. */
export function rulesetReadsDefinition(ruleset: Ruleset, definition: Definition): RulesetReads {
  let byDefinition = ANSWERS.get(ruleset)
  if (!byDefinition) ANSWERS.set(ruleset, (byDefinition = new WeakMap()))
  const known = byDefinition.get(definition)
  if (known) return known
  const answer = checkReads(ruleset, definition)
  byDefinition.set(definition, answer)
  return answer
}

function checkReads(ruleset: Ruleset, definition: Definition): RulesetReads {
  const { byId } = indexDefinition(definition)
  const missing: MissingRead[] = []
  const seen = new Set<string>()
  const report = (m: MissingRead) => {
    const key = `${m.fieldId}/${m.column ?? ''}`
    if (seen.has(key)) return
    seen.add(key)
    missing.push(m)
  }
  const reads = rulesetFieldReads(ruleset)
  // Typed reads first, so a missing question is reported with the types it must have.
  for (const read of [...reads.filter((r) => r.types !== 'any'), ...reads.filter((r) => r.types === 'any')]) {
    const def = byId.get(read.fieldId)?.def
    if (!def) {
      report({ fieldId: read.fieldId, expected: read.types, found: null })
      continue
    }
    if (!accepts(read.types, def.type)) {
      report({ fieldId: read.fieldId, expected: read.types, found: def.type })
      continue
    }
    if (!read.columns) continue
    const columns = def.type === 'group' ? def.fields : []
    for (const [column, types] of Object.entries(read.columns)) {
      const col = columns.find((c) => c.id === column)
      if (!col || !accepts(types, col.type)) report({ fieldId: read.fieldId, column, expected: types, found: col ? col.type : null })
    }
  }
  return missing.length ? { ok: false, missing } : { ok: true }
}

/** Who scores answers to a version: a ruleset that reads it, or none (with what the current one lacks). */
export type ScoringFor = { ok: true; rulesetVersion: string } | { ok: false; currentRuleset: string; missing: readonly MissingRead[] }

/**
 * The ruleset that scores answers to `definition`: the current one when it reads it, else the most
 * recently registered other ruleset that does (the score names its ruleset, so it stays explained);
 * none when no ruleset reads it — then the submission is stored unscored.
 */
export function rulesetForDefinition(rulesets: Readonly<Record<string, Ruleset>>, currentVersion: string, definition: Definition): ScoringFor {
  const current = rulesets[currentVersion]
  const currentReads = current ? rulesetReadsDefinition(current, definition) : undefined
  if (currentReads?.ok) return { ok: true, rulesetVersion: currentVersion }
  const other = Object.keys(rulesets)
    .reverse()
    .find((v) => v !== currentVersion && rulesetReadsDefinition(rulesets[v]!, definition).ok)
  if (other) return { ok: true, rulesetVersion: other }
  return { ok: false, currentRuleset: currentVersion, missing: currentReads && !currentReads.ok ? currentReads.missing : [] }
}

/** `D02`, `B03.sharePercent`: how a missing read is named on pages. */
export const missingReadId = (m: Pick<MissingRead, 'fieldId' | 'column'>): string => (m.column ? `${m.fieldId}.${m.column}` : m.fieldId)

/** A questionnaire version code (`v1`, `v2`) as stored by cycles and scores. */
export const definitionVersionCode = (definition: Pick<Definition, 'version'>): string => `v${definition.version}`
