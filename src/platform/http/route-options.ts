import type { FastifySchema } from 'fastify'
import type { Access } from './access.ts'

/**
 * A route's options in one line: who may call it (enforced by `access.ts` before the body is
 * parsed) and its schema with the OpenAPI tags and summary. The schema's own type passes through,
 * so the Zod type provider still types `request` and the reply from it.
 */
export function routeOptions<const S extends FastifySchema>(
  access: Access,
  tags: readonly string[],
  summary: string,
  schema: S = {} as S,
): { config: { access: Access }; schema: S & { tags: string[]; summary: string } } {
  return { config: { access }, schema: { ...schema, tags: [...tags], summary } }
}
