/**
 * `thaiAddress`: a structured Thai address (domain.md §9.5). Stored as its parts; the province,
 * district, subdistrict and postcode must belong together, which `validateThaiAddress` checks
 * against the reference data — asynchronously, so only the submit schema does it (parse with
 * safeParseAsync). On success the stored parts take the dataset's canonical spelling.
 */
import { z } from 'zod'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { toAsciiDigits } from '#src/entities/juristic-id.rules.ts'
import { validateThaiAddress, type ThaiAddressProblem } from '#src/entities/thai-address.ts'
import {
  boundedText,
  cleanLine,
  EMPTY,
  fieldBaseShape,
  memoByDef,
  rejected,
  requiredOr,
  singleValue,
  type FieldTypeModule,
} from './contract.ts'

/** The parts in Thai order; the last four are picked from reference data and validated together. */
export const ADDRESS_PARTS = [
  'houseNo', // เลขที่
  'villageNo', // หมู่ที่
  'building', // หมู่บ้าน / อาคาร / ชั้น / ห้อง
  'soi', // ตรอก / ซอย
  'road', // ถนน
  'subdistrict', // ตำบล / แขวง
  'district', // อำเภอ / เขต
  'province', // จังหวัด
  'postcode', // รหัสไปรษณีย์
] as const
export type AddressPart = (typeof ADDRESS_PARTS)[number]
export type ThaiAddressAnswer = Readonly<Partial<Record<AddressPart, string>>>
const REQUIRED_PARTS = ['houseNo', 'subdistrict', 'district', 'province', 'postcode'] as const satisfies readonly AddressPart[]

export const ADDRESS_PART_LABELS = {
  houseNo: 'questionnaire.address.houseNo',
  villageNo: 'questionnaire.address.villageNo',
  building: 'questionnaire.address.building',
  soi: 'questionnaire.address.soi',
  road: 'questionnaire.address.road',
  subdistrict: 'questionnaire.address.subdistrict',
  district: 'questionnaire.address.district',
  province: 'questionnaire.address.province',
  postcode: 'questionnaire.address.postcode',
} as const satisfies Record<AddressPart, MessageKey>

const PROBLEM_KEYS = {
  province: 'questionnaire.errors.address.province',
  district: 'questionnaire.errors.address.district',
  subdistrict: 'questionnaire.errors.address.subdistrict',
  postcode: 'questionnaire.errors.address.postcode',
} as const satisfies Record<ThaiAddressProblem, MessageKey>

export const ThaiAddressDef = z.strictObject({
  ...fieldBaseShape,
  type: z.literal('thaiAddress'),
})
export type ThaiAddressDef = z.infer<typeof ThaiAddressDef>

const PART_MAX = 120
const part = boundedText(PART_MAX)
const postcode = z.string().regex(/^[1-9]\d{4}$/, 'questionnaire.errors.address.postcodeFormat')
const shape = (required: boolean) =>
  Object.fromEntries(
    ADDRESS_PARTS.map((p) => {
      const s = p === 'postcode' ? postcode : part
      const isRequired = required && (REQUIRED_PARTS as readonly string[]).includes(p)
      return [p, isRequired ? z.string('errors.field.required').pipe(s) : s.optional()]
    }),
  ) as unknown as Record<AddressPart, z.ZodType<string | undefined>>

const draftValue = z.strictObject(shape(false))
const submitValue = z.strictObject(shape(true)).transform(async (a, ctx) => {
  const check = await validateThaiAddress({
    province: a.province ?? '',
    district: a.district ?? '',
    subdistrict: a.subdistrict ?? '',
    postcode: a.postcode ?? '',
  })
  if (!check.ok) {
    ctx.addIssue({ code: 'custom', message: PROBLEM_KEYS[check.problem], path: [check.problem] })
    return z.NEVER
  }
  return { ...a, ...check.address } as ThaiAddressAnswer
})

const optionalDraftValue = draftValue.optional()

const BANGKOK = 'กรุงเทพมหานคร'

export const thaiAddressField: FieldTypeModule<ThaiAddressDef, ThaiAddressAnswer> = {
  type: 'thaiAddress',
  definitionSchema: ThaiAddressDef,
  normalise(raw) {
    if (raw === undefined || raw === null || raw === '') return EMPTY
    if (typeof raw !== 'object' || Array.isArray(raw)) return rejected()
    const o = raw as Record<string, unknown>
    const out: Partial<Record<AddressPart, string>> = {}
    for (const p of ADDRESS_PARTS) {
      const s = singleValue(o[p])
      if (s === undefined) return rejected('errors.field.invalid', undefined, [p])
      const v = p === 'postcode' ? toAsciiDigits(cleanLine(s)).replace(/\s/g, '') : cleanLine(s)
      if (v !== '') out[p] = v
    }
    return Object.keys(out).length === 0 ? EMPTY : { value: out, issues: [] }
  },
  draftSchema: () => optionalDraftValue,
  submitSchema: memoByDef((def: ThaiAddressDef) => requiredOr(def, submitValue)),
  summarise(answer, t) {
    const bkk = answer.province === BANGKOK
    const segments: string[] = []
    const add = (value: string | undefined, key?: MessageKey) => {
      if (value) segments.push(key ? t(key, { value }) : value)
    }
    add(answer.houseNo)
    add(answer.villageNo, 'questionnaire.address.format.villageNo')
    add(answer.building)
    add(answer.soi, 'questionnaire.address.format.soi')
    add(answer.road, 'questionnaire.address.format.road')
    add(answer.subdistrict, bkk ? 'questionnaire.address.format.subdistrictBangkok' : 'questionnaire.address.format.subdistrict')
    add(answer.district, bkk ? 'questionnaire.address.format.districtBangkok' : 'questionnaire.address.format.district')
    add(answer.province, bkk ? 'questionnaire.address.format.provinceBangkok' : 'questionnaire.address.format.province')
    add(answer.postcode)
    return segments.join(' ')
  },
  toFormValue: (answer) => ({ ...answer }),
  possibleErrors: (def) => [
    ...(def.optional ? [] : (['errors.field.required'] as const)),
    'errors.field.tooLong',
    'questionnaire.errors.address.postcodeFormat',
    ...Object.values(PROBLEM_KEYS),
  ],
}
