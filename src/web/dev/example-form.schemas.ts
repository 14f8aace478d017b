/**
 * The dev example form (/dev/components/form): one zod schema with message keys as messages
 * (house style R17). The view reads its HTML constraints from the constants here.
 */
import { z } from 'zod'
import { parseDateParts } from '#src/platform/i18n/date-input.rules.ts'
import { TIME_ZONE } from '#src/platform/i18n/locale.ts'

export const FULL_NAME_MAX = 100
export const EMAIL_MAX = 254
export const BUSINESS_TYPES = ['precious_goods', 'car_dealer', 'real_estate'] as const
export type BusinessType = (typeof BUSINESS_TYPES)[number]
export const SALES_CHANNELS = ['shop', 'online'] as const
export type SalesChannel = (typeof SALES_CHANNELS)[number]

/** Today's calendar date in Bangkok as ISO `yyyy-mm-dd`. */
export function bangkokToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

const requiredText = (max: number) =>
  z
    .string({ error: 'errors.field.required' })
    .trim()
    .min(1, 'errors.field.required')
    .max(max, 'errors.field.tooLong')

/** A checkbox group posts nothing, one string or an array: always hand the schema an array. */
const toList = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v])

const dateBox = z.string().max(20, 'errors.date.notNumber').optional()

/**
 * Day / month / year boxes → ISO date, with a BE or CE year (parseDateParts). Every problem is
 * reported on the field's own path, so the summary links to its day box.
 */
export const requiredDate = (opts: { notAfter?: string; afterMessage?: 'components.example.dateFuture' } = {}) =>
  z
    .object({ day: dateBox, month: dateBox, year: dateBox }, { error: 'errors.date.required' })
    .optional()
    .transform((parts, ctx) => {
      const parsed = parseDateParts(parts ?? {})
      if (!parsed.ok) {
        ctx.issues.push({ code: 'custom', message: parsed.error, input: parts })
        return z.NEVER
      }
      if (opts.notAfter && parsed.iso > opts.notAfter) {
        ctx.issues.push({ code: 'custom', message: opts.afterMessage ?? 'errors.field.invalid', input: parts })
        return z.NEVER
      }
      return parsed.iso
    })

/** The schema for a request at `now` (the date may not be after today in Bangkok). */
export const exampleFormSchema = (now: Date) =>
  z.object({
    fullName: requiredText(FULL_NAME_MAX),
    email: requiredText(EMAIL_MAX).pipe(z.email('errors.field.email')),
    businessType: z.enum(BUSINESS_TYPES, { error: 'errors.field.chooseOne' }),
    channels: z.preprocess(
      toList,
      z
        .array(z.enum(SALES_CHANNELS, { error: 'errors.field.invalid' }))
        .min(1, 'errors.field.chooseAtLeastOne')
        .max(SALES_CHANNELS.length, 'errors.field.invalid'),
    ),
    registeredOn: requiredDate({ notAfter: bangkokToday(now), afterMessage: 'components.example.dateFuture' }),
  })

export type ExampleForm = z.output<ReturnType<typeof exampleFormSchema>>
