/**
 * The field-type registry: one module per type (house style R12). It is a `Record` over the closed
 * FIELD_TYPES list, so a type without a module is a compile error; the web layer keeps a second
 * registry of renderers with the same shape.
 */
import { z } from 'zod'
import type { FieldTypeModule } from './field-types/contract.ts'
import { GroupDef, groupField, type GroupRow } from './field-types/group.ts'
import { LEAF_DEF_SCHEMAS, LEAF_FIELD_TYPE_REGISTRY, type LeafAnswerByType } from './field-types/leaves.ts'
import type { FieldType } from './field-types/names.ts'

export type AnswerByType = LeafAnswerByType & { group: readonly GroupRow[] }

/** Any field definition (top level); discriminated by `type`. */
export const FieldDef = z.discriminatedUnion('type', [...LEAF_DEF_SCHEMAS, GroupDef])
export type FieldDef = z.infer<typeof FieldDef>
export type FieldDefOf<T extends FieldType> = Extract<FieldDef, { type: T }>

export const FIELD_TYPE_REGISTRY = {
  ...LEAF_FIELD_TYPE_REGISTRY,
  group: groupField,
} as const satisfies { [K in FieldType]: FieldTypeModule<FieldDefOf<K>, AnswerByType[K]> }

export const isRegisteredFieldType = (type: string): type is FieldType => Object.hasOwn(FIELD_TYPE_REGISTRY, type)

/** The module for a definition, typed loosely for generic engine code. */
export const moduleFor = (def: FieldDef): FieldTypeModule<FieldDef, unknown> =>
  FIELD_TYPE_REGISTRY[def.type] as unknown as FieldTypeModule<FieldDef, unknown>
