/** Forms of the admin account pages (R17: one schema per form; messages are keys). */
import { z } from 'zod'
import { cleanPersonName } from './identity.rules.ts'

export const LOCK_REASON_MAX = 500

/** Locking an account: why (kept with the account and in the audit log; shown to admins only). */
export const LockUserInput = z.object({
  reason: z
    .string()
    .transform((v) => cleanPersonName(v))
    .pipe(z.string().min(1, 'admin.lock.reasonRequired').max(LOCK_REASON_MAX, 'errors.field.tooLong')),
})
export type LockUserInput = z.infer<typeof LockUserInput>
