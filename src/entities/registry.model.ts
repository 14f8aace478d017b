/**
 * The business registry as the admin edits it (issue 7): one record shape shared by the form and
 * the CSV/XLSX import, field-level changes, and the import plan kept between "preview" and
 * "apply". Pure types and constants.
 *
 * "Ceased" (เลิกกิจการ) is the stored status `inactive` with a `ceasedOn` date; a merged
 * duplicate is ceased too and points at the surviving business (`mergedIntoId`).
 *
 * THE IMPORT PLAN IS STORED (registry_import_batches.plan): changing its shape needs a bump of
 * IMPORT_PLAN_VERSION, and previews made with an older version are refused at apply time.
 */
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { BusinessTypeCode, EntityStatus, LegalForm } from './business-types.model.ts'

/** The fields an admin sets, in form and diff order. */
export const BUSINESS_FIELDS = [
  'juristicId',
  'nameTh',
  'nameEn',
  'legalForm',
  'primaryBusinessType',
  'otherBusinessTypes',
  'addressLine',
  'province',
  'district',
  'subdistrict',
  'postcode',
  'status',
  'ceasedOn',
] as const
export type BusinessField = (typeof BUSINESS_FIELDS)[number]

export type BusinessRecord = {
  juristicId: string
  /** Without the legal-form words (domain.md §9.6). */
  nameTh: string
  nameEn: string | null
  legalForm: LegalForm
  primaryBusinessType: BusinessTypeCode
  /** The other section-16 types, without the primary one, in BUSINESS_TYPE_CODES order. */
  otherBusinessTypes: BusinessTypeCode[]
  addressLine: string
  province: string
  district: string
  subdistrict: string
  postcode: string
  status: EntityStatus
  /** ISO date; set exactly when the status is `inactive` (ceased). */
  ceasedOn: string | null
}

/** One field that differs, both sides as display-neutral text (codes, ISO dates, `|`-joined lists). */
export type FieldChange = { field: BusinessField; from: string; to: string }

/** The CSV/XLSX column of each field (the first header row names them; Thai headers are accepted too). */
export const IMPORT_COLUMNS = {
  juristicId: 'juristic_id',
  nameTh: 'name_th',
  nameEn: 'name_en',
  legalForm: 'legal_form',
  primaryBusinessType: 'primary_business_type',
  otherBusinessTypes: 'other_business_types',
  addressLine: 'address_line',
  province: 'province',
  district: 'district',
  subdistrict: 'subdistrict',
  postcode: 'postcode',
  status: 'status',
  ceasedOn: 'ceased_on',
} as const satisfies Record<BusinessField, string>

export const IMPORT_PLAN_VERSION = 1
/** A preview older than this is stale: the admin previews the file again. */
export const IMPORT_PREVIEW_TTL_MS = 60 * 60 * 1000
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024
export const IMPORT_MAX_ROWS = 5000

/** A problem in one cell (or the whole row when `column` is empty). */
export type ImportIssue = { column: string; messageKey: MessageKey; params?: Record<string, string | number> }

/** What one data row of the file would do; `row` is the spreadsheet row number (the header is row 1). */
export type ImportRowPlan =
  | { row: number; kind: 'add'; record: BusinessRecord; warnings: ImportIssue[] }
  | { row: number; kind: 'change'; entityId: string; entityUpdatedAt: string; record: BusinessRecord; changes: FieldChange[]; warnings: ImportIssue[] }
  | { row: number; kind: 'unchanged'; entityId: string; entityUpdatedAt: string; record: BusinessRecord }
  | { row: number; kind: 'error'; juristicId: string | null; issues: ImportIssue[] }
export type ImportRowKind = ImportRowPlan['kind']
export const IMPORT_ROW_KINDS = ['add', 'change', 'unchanged', 'error'] as const satisfies readonly ImportRowKind[]

export type ImportPlan = {
  version: typeof IMPORT_PLAN_VERSION
  rows: ImportRowPlan[]
  totals: Record<ImportRowKind, number>
}
