/** The staff invitation form (R17: one schema per form; messages are keys). */
import { z } from 'zod'
import { cleanPersonName } from './identity.rules.ts'
import { emailField, NAME_MAX } from './registration.schemas.ts'
import { STAFF_ROLES } from './permissions.ts'

const personName = z
  .string()
  .transform(cleanPersonName)
  .pipe(z.string().min(1, 'errors.field.required').max(NAME_MAX, 'errors.field.tooLong'))

export const InviteStaffInput = z.object({
  firstName: personName,
  lastName: personName,
  email: emailField,
  role: z.enum(STAFF_ROLES, { message: 'errors.field.chooseOne' }),
})
export type InviteStaffInput = z.infer<typeof InviteStaffInput>

export const StaffRoleInput = z.object({ role: z.enum(STAFF_ROLES, { message: 'errors.field.chooseOne' }) })
