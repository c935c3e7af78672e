import type { LightMyRequestResponse } from 'fastify'
import type { TestRuntime } from '../../helpers/test-runtime.ts'
import type { Method } from '../client.ts'
import type { SignedIn, Who } from '../principals.ts'

/** What the parts of the world are made with: requests as the principals, checked as they go. */
export interface Builder {
  readonly rt: TestRuntime
  readonly cookies: Readonly<Record<SignedIn, string>>
  readonly sinkOrigin: string
  call(who: Who, method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse>
  /** The request's JSON answer, which must come with `status` (201 unless said). */
  made<T = { id: string }>(
    who: Who,
    method: Method,
    url: string,
    body: unknown,
    what: string,
    status?: number,
  ): Promise<T>
}

export class WorldBuildError extends Error {}

export function expectStatus(
  res: LightMyRequestResponse,
  status: number,
  what: string,
): LightMyRequestResponse {
  if (res.statusCode !== status)
    throw new WorldBuildError(`building the world, ${what}: ${res.statusCode} ${res.body.slice(0, 500)}`)
  return res
}

/** Polls until `done` (a background job's outcome); a world that never settles fails the build. */
export async function waitFor(done: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (await done()) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new WorldBuildError(`building the world: still waiting for ${what} after 60 s`)
}

/** Central Tokyo and Paris (not A's exact position: that one is a canary). */
export const TOKYO = { lat: 35.68, lon: 139.76 }
export const PARIS = { lat: 48.8566, lon: 2.3522 }
export const PARIS_CAP_POLYGON = '48.8,2.2 48.8,2.5 48.95,2.5 48.95,2.2 48.8,2.2'

/** An id nothing has. */
export const NO_SUCH_ID = '0190a0a0-0000-7000-8000-000000000000'
