/**
 * Every role an account may hold; the one list the server, the database check and the web app
 * share. Apart from the schemas (role.schema.ts re-exports it): this file imports nothing, so the
 * web app bundles the list without zod.
 */
export const ROLES = [
  'citizen',
  'enterprise',
  'operator',
  'officer',
  'duty_officer',
  'admin',
  'clinician',
] as const
export type Role = (typeof ROLES)[number]
