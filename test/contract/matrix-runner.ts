import type { LightMyRequestResponse } from 'fastify'
import { canariesIn } from './canaries.ts'
import { problemCode, queryString, send } from './client.ts'
import type { Defect } from './defects.ts'
import type { Expected, MatrixEntry, RequestParts } from './matrix/index.ts'
import { fillPath, type Operation } from './openapi.ts'
import { EVERYONE, OUT_OF_TOKYO, rolesOf, type Who } from './principals.ts'
import type { World } from './world/world.ts'

/** What a principal must get from an operation of the matrix. */
export type Expectation =
  | { readonly kind: 'unauthenticated' }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'refused'; readonly expected: Expected }
  | { readonly kind: 'admitted'; readonly statuses: readonly number[] | '2xx' }

export function admits(entry: MatrixEntry, who: Who): boolean {
  if (entry.roles === 'public') return true
  const roles = entry.roles
  return rolesOf(who).some((r) => roles.includes(r))
}

export function expectationOf(entry: MatrixEntry, who: Who): Expectation {
  if (!admits(entry, who)) return { kind: who === 'anonymous' ? 'unauthenticated' : 'forbidden' }
  if (entry.notFound?.includes(who)) return { kind: 'not-found' }
  const refused = entry.refused?.[who]
  if (refused) return { kind: 'refused', expected: refused }
  return { kind: 'admitted', statuses: entry.answersOf?.[who] ?? entry.answers ?? '2xx' }
}

/** The order of a run: reads, then writes, then removals, then what ends the world. */
export function runOrder(
  operations: readonly Operation[],
  entryOf: (op: Operation) => MatrixEntry | undefined,
) {
  const rank = (op: Operation) =>
    entryOf(op)?.last ? 3 : op.method === 'GET' ? 0 : op.method === 'DELETE' ? 2 : 1
  return [...operations].sort((a, b) => rank(a) - rank(b) || a.key.localeCompare(b.key))
}

export interface Sent {
  readonly who: Who
  readonly url: string
  readonly parts: RequestParts
  readonly res: LightMyRequestResponse
}

export function requestText(sent: Pick<Sent, 'url' | 'parts'>): string {
  const raw = sent.parts.raw?.payload
  return `${sent.url} ${JSON.stringify(sent.parts.body ?? null)} ${typeof raw === 'string' ? raw : ''}`
}

export function evidence(op: Operation, sent: Sent): string {
  const body = sent.parts.body === undefined ? '' : ` ${JSON.stringify(sent.parts.body).slice(0, 300)}`
  return `as ${sent.who}: ${op.method} ${sent.url}${body} → ${sent.res.statusCode} ${sent.res.body.slice(0, 400).replace(/\s+/g, ' ')}`
}

/** Problems every answer may have whatever was expected: a 5xx, or a 4xx that is no problem+json. */
export function generalDefects(op: Operation, sent: Sent, where: string): Defect[] {
  const { res } = sent
  if (res.statusCode >= 500)
    return [{ operation: op.key, kind: 'server-error', where, evidence: evidence(op, sent) }]
  if (res.statusCode >= 400 && problemCode(res) === undefined)
    return [{ operation: op.key, kind: 'not-problem', where, evidence: evidence(op, sent) }]
  return []
}

/** Whether the answer is what the expectation says; a reason when it is not. */
export function mismatch(expectation: Expectation, res: LightMyRequestResponse): string | undefined {
  const status = res.statusCode
  const code = problemCode(res)
  const is = (s: number, c?: string) => status === s && (c === undefined || code === c)
  switch (expectation.kind) {
    case 'unauthenticated':
      return is(401, 'auth.unauthenticated') ? undefined : 'anonymous must get 401 auth.unauthenticated'
    case 'forbidden':
      return is(403, 'auth.forbidden')
        ? undefined
        : 'a role the route does not admit must get 403 auth.forbidden'
    case 'not-found':
      if (status === 403) return 'an id out of scope must answer 404, never 403'
      return is(404) ? undefined : 'an id out of scope must answer 404'
    case 'refused': {
      const e = expectation.expected
      return is(e.status, e.code) ? undefined : `must be refused with ${e.status} ${e.code ?? ''}`
    }
    case 'admitted': {
      const ok =
        expectation.statuses === '2xx' ? status >= 200 && status < 300 : expectation.statuses.includes(status)
      return ok ? undefined : `an admitted caller in scope must get ${String(expectation.statuses)}`
    }
  }
}

export interface MatrixRun {
  /** operations × principals judged */
  checks: number
  requests: number
  defects: Defect[]
  /** Canaries seen by the principals who may read them: the leak check can see what it looks for. */
  seenByInsiders: Set<string>
}

/** Sends every operation as every principal (and the probes), judging answers and leaks. */
export async function runMatrix(
  w: World,
  operations: readonly Operation[],
  entryOf: (op: Operation) => MatrixEntry | undefined,
): Promise<MatrixRun> {
  const run: MatrixRun = { checks: 0, requests: 0, defects: [], seenByInsiders: new Set() }
  const sendAs = async (
    op: Operation,
    who: Who,
    entry: MatrixEntry,
    parts: RequestParts,
    params = entry.params,
  ) => {
    const url = fillPath(op.path, params?.(w.ids) ?? {}) + queryString(parts.query)
    const cookie = entry.freshSession && who !== 'anonymous' ? await w.signIn(who) : w.cookieOf(who)
    const res = await send(w.rt.app, { method: op.method, url, cookie, body: parts.body, raw: parts.raw })
    run.requests++
    const sent: Sent = { who, url, parts, res }
    checkLeaks(op, sent, run)
    return sent
  }
  const ordered = runOrder(operations, entryOf)
  const judgeAll = async (op: Operation, entry: MatrixEntry) => {
    for (const who of EVERYONE) {
      const sent = await sendAs(op, who, entry, entry.request?.(w, who) ?? {})
      run.checks++
      const general = generalDefects(op, sent, who)
      run.defects.push(...general)
      const why = general.length ? undefined : mismatch(expectationOf(entry, who), sent.res)
      if (why)
        run.defects.push({
          operation: op.key,
          kind: 'access',
          where: who,
          evidence: `${why}; ${evidence(op, sent)}`,
        })
    }
    for (const probe of entry.probes ?? []) {
      const sent = await sendAs(op, probe.who, entry, probe.request(w), probe.params ?? entry.params)
      const where = probe.who
      const general = generalDefects(op, sent, where)
      run.defects.push(...general)
      const wanted =
        probe.expect === undefined ? [] : Array.isArray(probe.expect) ? probe.expect : [probe.expect]
      const expectations = (wanted as readonly Expected[]).map(
        (e) => ({ kind: 'refused', expected: e }) as const,
      )
      if (!general.length && expectations.length && expectations.every((e) => mismatch(e, sent.res)))
        run.defects.push({
          operation: op.key,
          kind: 'access',
          where,
          evidence: `${probe.why}: must answer ${wanted.map((e) => `${e.status} ${e.code ?? ''}`).join(' or ')}; ${evidence(op, sent)}`,
        })
    }
  }
  for (const op of ordered) {
    const entry = entryOf(op)
    if (entry && !entry.last) await judgeAll(op, entry)
  }
  // The reads again, now that the writes have stored what they stored: a leak may wait in a list.
  // Only leaks and errors are judged here (the writes changed what the reads may answer).
  for (const op of ordered) {
    const entry = entryOf(op)
    if (!entry || entry.last || op.method !== 'GET') continue
    for (const who of EVERYONE)
      run.defects.push(
        ...generalDefects(op, await sendAs(op, who, entry, entry.request?.(w, who) ?? {}), who),
      )
  }
  for (const op of ordered) {
    const entry = entryOf(op)
    if (entry?.last) await judgeAll(op, entry)
  }
  return run
}

function checkLeaks(op: Operation, sent: Sent, run: MatrixRun): void {
  if (OUT_OF_TOKYO.includes(sent.who)) {
    for (const canary of canariesIn(sent.res.body, requestText(sent)))
      run.defects.push({
        operation: op.key,
        kind: 'leak',
        where: sent.who,
        evidence: `${canary.label} "${canary.value}" in the answer; ${evidence(op, sent)}`,
      })
  } else {
    for (const canary of canariesIn(sent.res.body, '')) run.seenByInsiders.add(canary.label)
  }
}
