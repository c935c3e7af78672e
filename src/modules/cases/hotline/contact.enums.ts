/**
 * The channels a contact comes in by, apart from the schemas (contact.schema.ts re-exports them):
 * this file imports nothing, so the web app bundles the lists without zod.
 */
export const CHANNELS = ['phone', 'chat', 'email', 'app', 'walk_in'] as const
