/**
 * The closed list of field types. The registries (`FIELD_TYPE_REGISTRY` here, the renderers in
 * src/web) are `Record<FieldType, …>`, so adding a type breaks the build until every layer has it.
 */
export const FIELD_TYPES = [
  'text',
  'longText',
  'integer',
  'money',
  'percentage',
  'date',
  'singleChoice',
  'multipleChoice',
  'ynp',
  'thaiAddress',
  'phone',
  'email',
  'thaiId13',
  'group',
  'file',
] as const
export type FieldType = (typeof FIELD_TYPES)[number]
/** Every type except `group`: what a group's columns may be (groups do not nest). */
export type LeafFieldType = Exclude<FieldType, 'group'>
