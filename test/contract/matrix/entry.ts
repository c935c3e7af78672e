import type { Role } from '../../../src/modules/identity/index.ts'
import type { Who } from '../principals.ts'
import type { World, WorldIds } from '../world/world.ts'

/** What a request carries besides its URL: a JSON body, a query, or raw bytes with their type. */
export interface RequestParts {
  readonly body?: unknown
  readonly query?: Readonly<Record<string, string>>
  readonly raw?: { readonly payload: string | Buffer; readonly contentType: string }
}

export interface Expected {
  readonly status: number
  readonly code?: string
}

/** One more request of an operation, beyond the one per principal: a scope or leak question. */
export interface Probe {
  readonly who: Who
  readonly why: string
  readonly params?: (ids: WorldIds) => Readonly<Record<string, string>>
  readonly request: (w: World) => RequestParts
  /** The answer it must get; left out, any answer but a 5xx will do (the leak check still runs). */
  readonly expect?: Expected | readonly Expected[]
}

/**
 * One operation of the API, written by hand: who may call it, whose ids are out of their scope,
 * and a request that works for those in scope. A second opinion on `ACCESS` in identity/role.ts.
 */
export interface MatrixEntry {
  /** The roles the route admits (anonymous callers never are), or 'public' for anyone. */
  readonly roles: 'public' | readonly Role[]
  /** The path parameters: ids of the world, chosen to belong to someone. */
  readonly params?: (ids: WorldIds) => Readonly<Record<string, string>>
  /** Admitted principals to whom those ids are out of scope: 404, never 403. */
  readonly notFound?: readonly Who[]
  /** Admitted principals whom a rule of the domain refuses for these (public) parameters. */
  readonly refused?: Partial<Record<Who, Expected>>
  /** The request for a principal; left out, no body and no query. */
  readonly request?: (w: World, who: Who) => RequestParts
  /** What admitted principals in scope get when it is not a 2xx (a repeat that conflicts…). */
  readonly answers?: readonly number[]
  /** The same, for one principal. */
  readonly answersOf?: Partial<Record<Who, readonly number[]>>
  /** Sent with a new session of the principal (signing out ends the session it is sent with). */
  readonly freshSession?: boolean
  /** Runs after every other operation (it ends the world for its callers). */
  readonly last?: boolean
  readonly probes?: readonly Probe[]
}

export type Matrix = Readonly<Record<string, MatrixEntry>>

/** Everyone admitted by role except `owners`: the ids belong to them. */
export function allBut(owners: readonly Who[], admitted: readonly Who[]): Who[] {
  return admitted.filter((who) => !owners.includes(who))
}

export const SIGNED_IN_PRINCIPALS: readonly Who[] = [
  'citizenA',
  'citizenB',
  'enterprise',
  'operator',
  'officerTokyo',
  'officerParis',
  'duty',
  'admin',
  'clinicianTokyo',
]
