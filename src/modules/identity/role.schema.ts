import { z } from 'zod'

/** Every role an account may hold; the one list the server, the database check and the web app share. */
export const ROLES = ['citizen', 'enterprise', 'operator', 'officer', 'duty_officer', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const roleSchema = z.enum(ROLES)
