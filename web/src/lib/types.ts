import type { loginResponse, Me } from '@server/identity/auth.schema.ts'
import { isStaff as holdsStaffRole } from '@server/identity/role.ts'
import type { z } from 'zod'

export type { Me }
export type LoginResult = z.infer<typeof loginResponse>

export const isStaff = (me: Me | null | undefined) => !!me && holdsStaffRole(me.roles)
