import { z } from 'zod'
import { ROLES } from './role.enums.ts'

export * from './role.enums.ts'

export const roleSchema = z.enum(ROLES)
