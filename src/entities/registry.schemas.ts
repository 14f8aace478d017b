/**
 * The business form of the registry admin (R17: one schema, messages are keys). The CSV/XLSX import
 * reads each row into the same raw shape (registry.rules.ts rawFromRow) and parses it with this
 * schema too, so a row and the form are held to the same rules. Checks needing data (the address
 * reference, duplicates) are done by the use cases.
 */
import { z } from 'zod'
import { parseDateParts, type DateParts } from '#src/platform/i18n/date-input.rules.ts'
import { BUSINESS_TYPE_CODES, ENTITY_STATUSES, LEGAL_FORMS } from './business-types.model.ts'
import { isJuristicId, normaliseThaiId13 } from './juristic-id.rules.ts'
import { bareEnglishName, bareThaiName, hasThaiCharacter, hasThaiLetter, otherTypes } from './registry.rules.ts'
import type { BusinessRecord } from './registry.model.ts'

export const NAME_MAX = 200
export const ADDRESS_LINE_MAX = 300
export const PLACE_MAX = 100

const chars = (s: string) => [...s].length
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)
const asList = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v])

const line = (max: number) =>
  z
    .string({ error: 'errors.field.required' })
    .max(max * 4, 'errors.field.tooLong')
    .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, 'errors.field.required').refine((v) => chars(v) <= max, 'errors.field.tooLong'))

/** Marks "ceased, but no date": checked with the other fields in one pass, so every error shows at once. */
const MISSING = '\u0000missing'

/** `YYYY-MM-DD`, `D/M/YYYY` (Buddhist-Era or Gregorian year) or the form's day/month/year boxes. */
function dateParts(v: unknown): DateParts | typeof MISSING | undefined {
  if (v === MISSING) return MISSING
  if (v && typeof v === 'object') return v as DateParts
  if (typeof v !== 'string' || v.trim() === '') return undefined
  const s = v.trim()
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)
  if (iso) return { year: iso[1], month: iso[2], day: iso[3] }
  const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s)
  if (dmy) return { day: dmy[1], month: dmy[2], year: dmy[3] }
  return { day: s, month: '', year: '' }
}

const isEmptyDate = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (typeof v === 'object' && Object.values(v as object).every((x) => typeof x !== 'string' || x.trim() === ''))
function requireCeasedDate(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw
  const o = raw as Record<string, unknown>
  return o.status === 'inactive' && isEmptyDate(o.ceasedOn) ? { ...o, ceasedOn: MISSING } : raw
}

export const BusinessInput = z.preprocess(
  requireCeasedDate,
  z
    .object({
      juristicId: z
        .string({ error: 'errors.field.required' })
        .max(40, 'registry.errors.juristicFormat')
        .transform(normaliseThaiId13)
        .pipe(
          z
            .string()
            .min(1, 'errors.field.required')
            .regex(/^\d{13}$/, 'registry.errors.juristicFormat')
            .refine((v) => v.startsWith('0'), 'registry.errors.juristicNotJuristic')
            .refine(isJuristicId, 'registry.errors.juristicChecksum'),
        ),
      nameTh: line(NAME_MAX)
        .transform(bareThaiName)
        .pipe(z.string().refine(hasThaiLetter, 'registry.errors.nameThNotThai')),
      nameEn: z.preprocess(
        emptyToUndefined,
        line(NAME_MAX)
          .transform(bareEnglishName)
          .pipe(z.string().refine((v) => !hasThaiCharacter(v), 'registry.errors.nameEnThai'))
          .optional(),
      ),
      legalForm: z.enum(LEGAL_FORMS, { error: 'registry.errors.legalForm' }),
      primaryBusinessType: z.enum(BUSINESS_TYPE_CODES, { error: 'registry.errors.primaryType' }),
      otherBusinessTypes: z.preprocess(asList, z.array(z.enum(BUSINESS_TYPE_CODES, { error: 'registry.errors.otherTypes' })).max(BUSINESS_TYPE_CODES.length)),
      addressLine: line(ADDRESS_LINE_MAX),
      province: line(PLACE_MAX),
      district: line(PLACE_MAX),
      subdistrict: line(PLACE_MAX),
      postcode: z
        .string({ error: 'errors.field.required' })
        .max(20, 'registry.errors.postcode')
        .transform((s) => s.replace(/\s/g, ''))
        .pipe(z.string().min(1, 'errors.field.required').regex(/^[1-9]\d{4}$/, 'registry.errors.postcode')),
      status: z.enum(ENTITY_STATUSES, { error: 'registry.errors.status' }),
      ceasedOn: z.preprocess(dateParts, z.custom<DateParts | typeof MISSING>().optional()).transform((v, ctx): string | null => {
        if (v === MISSING) {
          ctx.addIssue({ code: 'custom', message: 'registry.errors.ceasedOnRequired' })
          return null
        }
        const parsed = v ? parseDateParts(v) : undefined
        if (!parsed || (!parsed.ok && parsed.empty)) return null
        if (!parsed.ok) {
          ctx.addIssue({ code: 'custom', message: parsed.error })
          return null
        }
        return parsed.iso
      }),
    })
    .transform((v): BusinessRecord => {
      // A date typed for a business still trading is not kept (the hint says: only when ceased).
      const ceasedOn = v.status === 'inactive' ? v.ceasedOn : null
      return {
        juristicId: v.juristicId,
        nameTh: v.nameTh,
        nameEn: v.nameEn ?? null,
        legalForm: v.legalForm,
        primaryBusinessType: v.primaryBusinessType,
        otherBusinessTypes: otherTypes(v.primaryBusinessType, v.otherBusinessTypes),
        addressLine: v.addressLine,
        province: v.province,
        district: v.district,
        subdistrict: v.subdistrict,
        postcode: v.postcode,
        status: v.status,
        ceasedOn,
      }
    }),
)
export type BusinessInput = z.output<typeof BusinessInput>

/** Merging two records: the other business (by juristic number) and which record survives. */
export const MergeInput = z.object({
  otherJuristicId: z.string({ error: 'errors.field.required' }).max(40, 'registry.errors.juristicFormat').transform(normaliseThaiId13).pipe(z.string().min(1, 'errors.field.required').refine(isJuristicId, 'registry.errors.juristicChecksum')),
  survivor: z.enum(['this', 'other'], { error: 'errors.field.chooseOne' }),
})
