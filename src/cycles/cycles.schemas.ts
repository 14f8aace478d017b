/**
 * The forms of cycles and deadline extensions (house style R17): one zod schema per form, message
 * keys as messages. Dates come from day / month / year boxes with a Buddhist-Era or CE year
 * (parseDateParts); a cycle's opening day starts at 00:00 and a deadline day ends at 23:59:59 in
 * Bangkok (deadline.rules.ts). Cross-field rules (dates in order, version frozen) are the use
 * cases' (cycle-status.rules.ts), reported on the same field paths.
 */
import { z } from 'zod'
import { parseDateParts } from '#src/platform/i18n/date-input.rules.ts'
import { isCycleCode } from '#src/submissions/open-cycle.ts'
import { CYCLE_ACTIONS } from './cycle-status.rules.ts'

export const CYCLE_NAME_MAX = 200
export const REASON_MAX = 1000
export const CYCLE_CODE_MAX = 16

const requiredText = (max: number) => z.string({ error: 'errors.field.required' }).trim().min(1, 'errors.field.required').max(max, 'errors.field.tooLong')

const dateBox = z.string().max(20, 'errors.date.notNumber').optional()

/** Day / month / year boxes → ISO `yyyy-mm-dd`; every problem on the field's own path. */
export const dateField = () =>
  z
    .object({ day: dateBox, month: dateBox, year: dateBox }, { error: 'errors.date.required' })
    .optional()
    .transform((parts, ctx) => {
      const parsed = parseDateParts(parts ?? {})
      if (!parsed.ok) {
        ctx.issues.push({ code: 'custom', message: parsed.error, input: parts })
        return z.NEVER
      }
      return parsed.iso
    })

/**
 * The cycle code: CYCLE_CODE (open-cycle.ts), whose four digits are a Buddhist-Era year (2400 or
 * later, as the date inputs read a BE year), e.g. `2570`, `2570-R2`.
 */
export const CycleCode = z
  .string({ error: 'errors.field.required' })
  .trim()
  .min(1, 'errors.field.required')
  .max(CYCLE_CODE_MAX, 'errors.field.tooLong')
  .transform((v) => v.toUpperCase())
  .refine((v) => isCycleCode(v) && Number(v.slice(0, 4)) >= 2400, 'cycles.errors.code')

const cycleFields = {
  nameTh: requiredText(CYCLE_NAME_MAX),
  nameEn: requiredText(CYCLE_NAME_MAX),
  periodStart: dateField(),
  periodEnd: dateField(),
  opensOn: dateField(),
  deadlineOn: dateField(),
  definitionVersion: z.string({ error: 'cycles.errors.version' }).trim().min(1, 'cycles.errors.version').max(40, 'cycles.errors.version'),
}

export const CreateCycleInput = z.object({ code: CycleCode, ...cycleFields })
export type CreateCycleInput = z.output<typeof CreateCycleInput>

export const EditCycleInput = z.object(cycleFields)
export type EditCycleInput = z.output<typeof EditCycleInput>

export const CycleStatusInput = z.object({ action: z.enum(CYCLE_ACTIONS) })

const reason = requiredText(REASON_MAX)

/** A business asks for more time: the date it asks for and why. */
export const RequestExtensionInput = z.object({ deadlineOn: dateField(), reason })
export type RequestExtensionInput = z.output<typeof RequestExtensionInput>

/** Staff extend one business's deadline directly: which cycle, which business (13-digit number). */
export const ExtendDeadlineInput = z.object({
  cycle: CycleCode,
  juristicId: z.string({ error: 'errors.field.required' }).trim().min(1, 'errors.field.required').regex(/^[0-9]{13}$/, 'errors.field.juristicId'),
  deadlineOn: dateField(),
  reason,
})
export type ExtendDeadlineInput = z.output<typeof ExtendDeadlineInput>

/** Granting a request: the date (the requested one, or another) and an optional note. */
export const GrantExtensionInput = z.object({ deadlineOn: dateField(), reason: z.string().trim().max(REASON_MAX, 'errors.field.tooLong').optional() })
export type GrantExtensionInput = z.output<typeof GrantExtensionInput>

/** Refusing a request: the reason the business will read. */
export const RefuseExtensionInput = z.object({ reason })
export type RefuseExtensionInput = z.output<typeof RefuseExtensionInput>
