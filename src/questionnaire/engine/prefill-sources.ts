/**
 * Where the web layer may pre-fill an answer from (house style: part ก is pre-filled from AMLO's
 * registry). A field says `prefill: 'registry.juristicId'`; the use case that opens a draft reads the
 * registry row and calls `applyPrefill` with the values. Each source has the one field type that can
 * hold it, checked by `lintDefinition`.
 */
import type { FieldType } from './field-types/names.ts'

export const PREFILL_SOURCE_TYPES = {
  'registry.juristicId': 'thaiId13',
  'registry.nameTh': 'text',
  'registry.nameEn': 'text',
  'registry.legalForm': 'singleChoice',
  'registry.registeredOn': 'date',
  'registry.businessTypes': 'multipleChoice',
  'registry.primaryBusinessType': 'singleChoice',
  'registry.headOfficeAddress': 'thaiAddress',
  'registry.phone': 'phone',
  'registry.email': 'email',
} as const satisfies Record<string, FieldType>

export type PrefillSource = keyof typeof PREFILL_SOURCE_TYPES
export const PREFILL_SOURCES = Object.keys(PREFILL_SOURCE_TYPES) as [PrefillSource, ...PrefillSource[]]
