/**
 * The renderer registry (house style R12): `Record<FieldType, …>` like the engine's
 * FIELD_TYPE_REGISTRY, so adding a field type breaks the build until it has a renderer here.
 */
import { h } from 'preact'
import type { FieldDef, FieldDefOf, FieldType, LeafFieldDef } from '#src/questionnaire/engine/index.ts'
import { GroupField } from './group.tsx'
import { LEAF_FIELD_RENDERERS, LeafField } from './leaves.tsx'
import type { FieldProps, FieldRenderer } from './types.ts'

export { fieldDomId, type AttachmentView, type FieldProps, type FieldRenderer } from './types.ts'

export const FIELD_RENDERERS = {
  ...LEAF_FIELD_RENDERERS,
  group: GroupField,
} as const satisfies { [K in FieldType]: FieldRenderer<FieldDefOf<K>> }

/** Renders a top-level question with its type's renderer (a leaf through LeafField); read-only (pre-filled) leaves as text. */
export function QuestionField(props: FieldProps<FieldDef>) {
  if (props.def.type === 'group') return h(GroupField, props as FieldProps<FieldDefOf<'group'>>)
  return h(LeafField, props as FieldProps<LeafFieldDef>)
}
