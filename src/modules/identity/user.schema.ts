import { z } from 'zod'
import { emailSchema, localizedName, passwordSchema, phoneSchema } from './auth.schema.ts'
import { ROLES, roleSchema } from './role.schema.ts'

export { roleSchema }

export const createUserBody = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: roleSchema,
  missions: z.array(z.string().min(1).max(40)).max(50).optional(),
  password: passwordSchema.optional(),
  phone: phoneSchema.optional(),
})

export const updateAccessBody = z.strictObject({
  roles: z.array(roleSchema).min(1).max(ROLES.length),
  missions: z.array(z.string().min(1).max(40)).max(50).optional(),
})

export const userSummary = z.object({
  id: z.uuid(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  name: z.string(),
  roles: z.array(roleSchema),
  missions: z.array(z.object({ code: z.string(), name: localizedName })),
  createdAt: z.iso.datetime(),
  mfaEnrolled: z.boolean(),
  disabled: z.boolean(),
})

export const userList = z.array(userSummary)

export const createUserResponse = z.object({
  user: userSummary,
  temporaryPassword: z.string().optional(),
})

export const listUsersQuery = z.strictObject({ role: roleSchema.optional() })
export const userIdParams = z.strictObject({ id: z.uuid() })

export type CreateUserBody = z.infer<typeof createUserBody>
export type UserSummary = z.infer<typeof userSummary>
