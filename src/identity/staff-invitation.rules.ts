/**
 * Staff invitations (pure): the roles an admin may give staff, and the user name made from the
 * invitee's e-mail address (staff may also sign in with the address itself).
 */
import { STAFF_ROLES } from './permissions.ts'
import { USERNAME_PATTERN } from './identity.rules.ts'

export type StaffRole = (typeof STAFF_ROLES)[number]
export const isStaffRoleValue = (v: string): v is StaffRole => (STAFF_ROLES as readonly string[]).includes(v)

/**
 * User names to try for an invitee, best first: the e-mail's local part cleaned to the user-name
 * alphabet (`a.b@x` → `a.b`), then with 2, 3, … appended. Always valid user names.
 */
export function usernameCandidates(email: string, count = 20): string[] {
  const local = (email.split('@')[0] ?? '').normalize('NFKC').toLowerCase()
  let base = local.replace(/[^a-z0-9._-]/g, '').replace(/^[^a-z]+/, '')
  if (base.length < 4) base = `staff.${base}`.replace(/\.$/, '')
  if (base.length < 4) base = 'staff'
  base = base.slice(0, 28)
  const out = [base]
  for (let i = 2; out.length < count; i++) out.push(`${base}${i}`)
  return out.filter((u) => USERNAME_PATTERN.test(u))
}
