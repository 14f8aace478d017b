/**
 * The definition model (house style R11): definition → parts → pages → sections (fieldsets) →
 * fields, with declarative conditions and cross-field rules — versioned data, validated by its own
 * zod schema. A cycle points at one definition version; a submission records the version it answered.
 *
 * `defineQuestionnaire(input)` parses and deep-freezes a definition (structure only);
 * `lintDefinition(def)` checks what a schema cannot (unique ids, conditions on earlier fields, rule
 * references, prefill types…) and runs in the contract test over every real definition.
 */
import { z } from 'zod'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { conditionDepth, conditionReferences, ConditionSchema, MAX_CONDITION_DEPTH, type Condition } from './conditions.ts'
import { DOCUMENT_TYPE_LABELS, isDocumentType } from './document-types.ts'
import { FEED_CODES, isFeedCode, type FeedCode } from './feeds.ts'
import { MessageKeySchema } from './field-types/contract.ts'
import { ADDRESS_PART_LABELS } from './field-types/thai-address.ts'
import type { LeafFieldDef } from './field-types/leaves.ts'
import { YNP_LABELS, ynpValues } from './field-types/ynp.ts'
import { DEFINITION_ID, FIELD_ID, PAGE_ID, PART_ID, SECTION_ID, SUB_FIELD_ID } from './ids.ts'
import { PREFILL_SOURCE_TYPES } from './prefill-sources.ts'
import { FieldDef, isRegisteredFieldType, moduleFor } from './registry.ts'

export const SectionDef = z.strictObject({
  id: z.string().regex(SECTION_ID),
  title: MessageKeySchema,
  hint: MessageKeySchema.optional(),
  /** The whole fieldset is shown only while this holds (e.g. a part-ง sector module on A06_primary). */
  showIf: ConditionSchema.optional(),
  fields: z
    .array(FieldDef)
    .min(1)
    .max(200)
    .readonly()
    .superRefine((fields, ctx) => {
      fields.forEach((f, i) => {
        if (!FIELD_ID.test(f.id)) {
          ctx.addIssue({ code: 'custom', message: `field id "${f.id}" must match ${FIELD_ID}`, path: [i, 'id'] })
        }
      })
    }),
})
export type SectionDef = z.infer<typeof SectionDef>

export const PageDef = z.strictObject({
  id: z.string().regex(PAGE_ID),
  title: MessageKeySchema,
  sections: z.array(SectionDef).min(1).max(50).readonly(),
})
export type PageDef = z.infer<typeof PageDef>

export const PartDef = z.strictObject({
  id: z.string().regex(PART_ID),
  /** The part's letter as people see it: ก ข ค ง / A B C D. */
  letter: MessageKeySchema,
  title: MessageKeySchema,
  pages: z.array(PageDef).min(1).max(9).readonly(),
})
export type PartDef = z.infer<typeof PartDef>

/** A number in a sum: a question, or one column summed over a group's rows. */
export const SumTerm = z.union([
  z.strictObject({ field: z.string() }),
  z.strictObject({ group: z.string(), column: z.string() }),
])
export type SumTerm = z.infer<typeof SumTerm>

/**
 * Rules across fields, checked at submission on the cleaned answers (hidden questions left out).
 * A rule is skipped while a field it reads has its own problem or is unanswered, so people see one
 * problem at a time per question; its message is reported at `reportAt` / `field` / `group`.
 * - sum: the terms add up to `equals` (channel splits: 100) or at most `atMost` (shareholdings);
 *   percentages and integers only; compared in hundredths, so 33.33 + 33.33 + 33.34 = 100.
 * - compare: `field` op `other` (paid-up ≤ registered capital).
 * - rowCount: the group has exactly as many rows as the integer `equalsField` says.
 * - choiceAmong: the single choice `field` is one of the values ticked in `among` (A06 primary).
 */
export const CrossFieldRule = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('sum'),
    terms: z.array(SumTerm).min(1).max(30).readonly(),
    equals: z.number().optional(),
    atMost: z.number().optional(),
    reportAt: z.string(),
    messageKey: MessageKeySchema,
  }),
  z.strictObject({
    kind: z.literal('compare'),
    field: z.string(),
    op: z.enum(['lte', 'lt', 'gte', 'gt']),
    other: z.string(),
    messageKey: MessageKeySchema,
  }),
  z.strictObject({
    kind: z.literal('rowCount'),
    group: z.string(),
    equalsField: z.string(),
    messageKey: MessageKeySchema,
  }),
  z.strictObject({
    kind: z.literal('choiceAmong'),
    field: z.string(),
    among: z.string(),
    messageKey: MessageKeySchema,
  }),
])
export type CrossFieldRule = z.infer<typeof CrossFieldRule>

export const Definition = z.strictObject({
  id: z.string().regex(DEFINITION_ID),
  version: z.int().min(1),
  title: MessageKeySchema,
  parts: z.array(PartDef).min(1).max(9).readonly(),
  rules: z.array(CrossFieldRule).max(200).readonly(),
})
export type Definition = z.infer<typeof Definition>
/** Authoring types (what a definition file writes; message keys are typed MessageKey). */
export type DefinitionInput = z.input<typeof Definition>
export type PartInput = z.input<typeof PartDef>
export type SectionInput = z.input<typeof SectionDef>
export type FieldInput = z.input<typeof FieldDef>
export type RuleInput = z.input<typeof CrossFieldRule>

/** Freezes every object and array (zod's `.readonly()` already froze some arrays, not their items). */
function deepFreeze<T>(value: T, seen = new WeakSet<object>()): T {
  if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value)
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v, seen)
  }
  return value
}

/** Parse (throws a ZodError naming the path) and deep-freeze a definition. */
export function defineQuestionnaire(input: DefinitionInput): Definition {
  return deepFreeze(Definition.parse(input))
}

// ---------------------------------------------------------------------------------------------
// Index: where each field lives, in document order. Built once per definition object.

export type FieldEntry = {
  readonly def: FieldDef
  readonly partId: string
  readonly pageId: string
  readonly sectionId: string
  /** Position in document order across the whole definition (0-based). */
  readonly order: number
}
export type SectionEntry = {
  readonly partId: string
  readonly pageId: string
  readonly section: SectionDef
  readonly fields: readonly FieldEntry[]
}
export type DefinitionIndex = {
  readonly fields: readonly FieldEntry[]
  readonly byId: ReadonlyMap<string, FieldEntry>
  readonly sections: readonly SectionEntry[]
}

const INDEXES = new WeakMap<Definition, DefinitionIndex>()

export function indexDefinition(definition: Definition): DefinitionIndex {
  const cached = INDEXES.get(definition)
  if (cached) return cached
  const fields: FieldEntry[] = []
  const sections: SectionEntry[] = []
  const byId = new Map<string, FieldEntry>()
  for (const part of definition.parts) {
    for (const page of part.pages) {
      for (const section of page.sections) {
        const entries = section.fields.map((def) => {
          const entry: FieldEntry = { def, partId: part.id, pageId: page.id, sectionId: section.id, order: fields.length }
          fields.push(entry)
          if (!byId.has(def.id)) byId.set(def.id, entry)
          return entry
        })
        sections.push({ partId: part.id, pageId: page.id, section, fields: entries })
      }
    }
  }
  const index: DefinitionIndex = { fields, byId, sections }
  INDEXES.set(definition, index)
  return index
}

export const findPart = (definition: Definition, partId: string): PartDef | undefined =>
  definition.parts.find((p) => p.id === partId)
export const findPage = (definition: Definition, partId: string, pageId: string): PageDef | undefined =>
  findPart(definition, partId)?.pages.find((p) => p.id === pageId)
export const findField = (definition: Definition, fieldId: string): FieldEntry | undefined =>
  indexDefinition(definition).byId.get(fieldId)
/** The fields of one page, in order. */
export const pageFields = (definition: Definition, partId: string, pageId: string): readonly FieldEntry[] =>
  indexDefinition(definition).fields.filter((f) => f.partId === partId && f.pageId === pageId)

/** Field ids (top level, groups included) per risk factor / control area, in document order. */
export function fieldsByFeed(definition: Definition): Record<FeedCode, readonly string[]> {
  const out = Object.fromEntries(FEED_CODES.map((c) => [c, [] as string[]])) as Record<FeedCode, string[]>
  for (const { def } of indexDefinition(definition).fields) for (const code of def.feeds ?? []) out[code].push(def.id)
  return out
}

// ---------------------------------------------------------------------------------------------
// Message keys a definition can show (the contract test checks each is in th and en).

export function collectMessageKeys(definition: Definition): Set<MessageKey> {
  const keys = new Set<MessageKey>([definition.title])
  const add = (k: MessageKey | undefined) => {
    if (k) keys.add(k)
  }
  const addField = (def: FieldDef | LeafFieldDef) => {
    add(def.label)
    add(def.hint)
    for (const k of moduleFor(def as FieldDef).possibleErrors(def as FieldDef)) add(k)
    switch (def.type) {
      case 'singleChoice':
      case 'multipleChoice':
        for (const o of def.options) {
          add(o.label)
          add(o.hint)
        }
        break
      case 'integer':
        add(def.unit)
        break
      case 'ynp':
        for (const v of ynpValues(def)) add(YNP_LABELS[v])
        break
      case 'thaiAddress':
        for (const k of Object.values(ADDRESS_PART_LABELS)) add(k)
        break
      case 'file':
        for (const d of def.documentTypes) add(DOCUMENT_TYPE_LABELS[d])
        add('questionnaire.summary.files')
        break
      case 'group':
        add(def.minRowsMessage)
        add(def.rowLabel)
        add(def.addLabel)
        for (const col of def.fields) addField(col)
        break
      case 'text':
      case 'longText':
      case 'money':
      case 'percentage':
      case 'date':
      case 'phone':
      case 'email':
      case 'thaiId13':
        break
    }
  }
  for (const part of definition.parts) {
    add(part.letter)
    add(part.title)
    for (const page of part.pages) {
      add(page.title)
      for (const section of page.sections) {
        add(section.title)
        add(section.hint)
        for (const f of section.fields) addField(f)
      }
    }
  }
  for (const rule of definition.rules) add(rule.messageKey)
  return keys
}

// ---------------------------------------------------------------------------------------------
// Lint: what the schema cannot check. Returns human-readable problems (empty = fine).

const CONDITION_TYPES = new Set(['text', 'integer', 'singleChoice', 'multipleChoice', 'ynp'])
const SUMMABLE_TYPES = new Set(['integer', 'percentage'])
const COMPARABLE_TYPES = new Set(['integer', 'percentage', 'money', 'date'])

function allowedValues(def: FieldDef | LeafFieldDef): readonly string[] | undefined {
  if (def.type === 'singleChoice' || def.type === 'multipleChoice') return def.options.map((o) => o.value)
  if (def.type === 'ynp') return ynpValues(def)
  return undefined
}

type LintOptions = { hasMessage?: (key: string) => boolean }

export function lintDefinition(definition: Definition, options: LintOptions = {}): string[] {
  const problems: string[] = []
  const index = indexDefinition(definition)

  const dupes = (label: string, ids: readonly string[]) => {
    const seen = new Set<string>()
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${label}: duplicate id "${id}"`)
      seen.add(id)
    }
  }
  dupes('parts', definition.parts.map((p) => p.id))
  for (const part of definition.parts) {
    dupes(`${part.id} pages`, part.pages.map((p) => p.id))
    for (const page of part.pages) dupes(`${part.id}/${page.id} sections`, page.sections.map((s) => s.id))
  }
  dupes('fields', index.fields.map((f) => f.def.id))

  const checkCondition = (
    where: string,
    condition: Condition,
    earlier: (id: string) => FieldDef | LeafFieldDef | undefined,
  ) => {
    if (conditionDepth(condition) > MAX_CONDITION_DEPTH) problems.push(`${where}: condition nested too deeply`)
    for (const ref of conditionReferences(condition)) {
      const target = earlier(ref.field)
      if (!target) {
        problems.push(`${where}: condition refers to "${ref.field}", which is not an earlier question`)
        continue
      }
      if (!CONDITION_TYPES.has(target.type)) {
        problems.push(`${where}: condition refers to "${ref.field}" of type ${target.type}`)
        continue
      }
      const allowed = allowedValues(target)
      for (const v of ref.values) {
        if (allowed && !allowed.includes(String(v))) {
          problems.push(`${where}: condition compares "${ref.field}" with "${String(v)}", which is not one of its options`)
        }
        if (target.type === 'integer' && typeof v !== 'number') problems.push(`${where}: "${ref.field}" is a number`)
      }
    }
  }
  const earlierThan = (order: number) => (id: string) => {
    const e = index.byId.get(id)
    return e && e.order < order ? e.def : undefined
  }

  for (const { section, partId, pageId, fields } of index.sections) {
    const first = fields[0]?.order ?? 0
    if (section.showIf) checkCondition(`${partId}/${pageId}/${section.id}`, section.showIf, earlierThan(first))
  }

  for (const { def, order } of index.fields) {
    const where = def.id
    if (!isRegisteredFieldType(def.type)) problems.push(`${where}: field type "${def.type}" is not registered`)
    if (def.showIf) checkCondition(where, def.showIf, earlierThan(order))
    for (const code of def.feeds ?? []) if (!isFeedCode(code)) problems.push(`${where}: unknown feed "${code}"`)
    if (def.readOnly && !def.prefill) problems.push(`${where}: readOnly needs a prefill source`)
    if (def.prefill && PREFILL_SOURCE_TYPES[def.prefill] !== def.type) {
      problems.push(`${where}: prefill ${def.prefill} needs type ${PREFILL_SOURCE_TYPES[def.prefill]}, not ${def.type}`)
    }
    const values = allowedValues(def)
    if (values) dupes(`${where} options`, values)
    if (def.type === 'file') {
      for (const d of def.documentTypes) if (!isDocumentType(d)) problems.push(`${where}: unknown document type "${d}"`)
    }
    if (def.type === 'group') {
      dupes(`${where} columns`, def.fields.map((c) => c.id))
      if ((def.minRows ?? 0) > def.maxRows) problems.push(`${where}: minRows > maxRows`)
      def.fields.forEach((col, i) => {
        const cw = `${where}.${col.id}`
        if (!SUB_FIELD_ID.test(col.id)) problems.push(`${cw}: column id must match ${SUB_FIELD_ID}`)
        if (col.prefill || col.readOnly || col.feeds) problems.push(`${cw}: columns take no prefill, readOnly or feeds`)
        const colValues = allowedValues(col)
        if (colValues) dupes(`${cw} options`, colValues)
        if (col.type === 'file') {
          for (const d of col.documentTypes) if (!isDocumentType(d)) problems.push(`${cw}: unknown document type "${d}"`)
        }
        if (col.showIf) {
          checkCondition(cw, col.showIf, (id) => def.fields.slice(0, i).find((c) => c.id === id))
        }
      })
    }
  }

  const field = (id: string) => index.byId.get(id)?.def
  const needType = (where: string, id: string, types: Set<string>) => {
    const f = field(id)
    if (!f) problems.push(`${where}: unknown field "${id}"`)
    else if (!types.has(f.type)) problems.push(`${where}: "${id}" is ${f.type}, expected ${[...types].join('/')}`)
    return f
  }
  definition.rules.forEach((rule, i) => {
    const where = `rules[${i}] (${rule.kind})`
    switch (rule.kind) {
      case 'sum':
        if ((rule.equals === undefined) === (rule.atMost === undefined)) problems.push(`${where}: give exactly one of equals / atMost`)
        if (!field(rule.reportAt)) problems.push(`${where}: unknown reportAt "${rule.reportAt}"`)
        for (const term of rule.terms) {
          if ('field' in term) {
            needType(where, term.field, SUMMABLE_TYPES)
          } else {
            const g = field(term.group)
            const col = g?.type === 'group' ? g.fields.find((c) => c.id === term.column) : undefined
            if (!col) problems.push(`${where}: unknown column ${term.group}.${term.column}`)
            else if (!SUMMABLE_TYPES.has(col.type)) problems.push(`${where}: ${term.group}.${term.column} is not summable`)
          }
        }
        break
      case 'compare': {
        const a = needType(where, rule.field, COMPARABLE_TYPES)
        const b = needType(where, rule.other, COMPARABLE_TYPES)
        if (a && b && a.type !== b.type) problems.push(`${where}: compares ${a.type} with ${b.type}`)
        break
      }
      case 'rowCount':
        needType(where, rule.group, new Set(['group']))
        needType(where, rule.equalsField, new Set(['integer']))
        break
      case 'choiceAmong': {
        const a = needType(where, rule.field, new Set(['singleChoice']))
        const b = needType(where, rule.among, new Set(['multipleChoice']))
        const bValues = b ? allowedValues(b) : undefined
        for (const v of (a && allowedValues(a)) ?? []) {
          if (bValues && !bValues.includes(v)) problems.push(`${where}: option "${v}" of ${rule.field} is not in ${rule.among}`)
        }
        break
      }
    }
  })

  if (options.hasMessage) {
    for (const key of collectMessageKeys(definition)) {
      if (!options.hasMessage(key)) problems.push(`message key "${key}" is missing`)
    }
  }
  return problems
}
