import { createHash } from 'node:crypto'
import { problemCode, send } from '../client.ts'
import type { Defect } from '../defects.ts'
import type { MatrixEntry } from '../matrix/index.ts'
import { expectationOf, runOrder } from '../matrix-runner.ts'
import { fillPath, type Operation } from '../openapi.ts'
import type { Who } from '../principals.ts'
import type { World } from '../world/world.ts'
import { type FuzzCase, type FuzzRequest, fuzzCases } from './cases.ts'
import { changedTables, countRows, publicTables, type RowCounts, waitForQuietQueue } from './row-counts.ts'
import { queryOf } from './url.ts'
import { jsonText } from './values.ts'

/**
 * Tables only background jobs write (what a channel sent): a job retried minutes after the request
 * that set it off would show here as a change under an unrelated refusal. Requests never write them.
 */
const WRITTEN_BY_JOBS = new Set(['captured_mail', 'push_sends', 'webhook_sends'])

/**
 * A refused sign-in or second factor is recorded on purpose: audited, and counted against the
 * address and account (issue #16 findings 2 and 3 add such counters). Not a partial write.
 */
function recordedOnRefusal(op: Operation, table: string): boolean {
  return (
    op.path.startsWith('/api/v1/auth/') && /^(audit_log|.*(throttle|attempt|failure|lockout).*)$/.test(table)
  )
}

/** Who sends an operation's malformed requests: the first principal it admits, in scope. */
const FUZZ_CALLERS: readonly Who[] = [
  'duty',
  'officerTokyo',
  'operator',
  'citizenA',
  'enterprise',
  'admin',
  'citizenB',
  'clinicianTokyo',
  'anonymous',
]

export function fuzzCaller(entry: MatrixEntry): Who | undefined {
  // Signing out ends the session it is sent with: sent without one.
  if (entry.freshSession) return 'anonymous'
  return FUZZ_CALLERS.find((who) => expectationOf(entry, who).kind === 'admitted')
}

/** A seed per operation, from the run's seed and the operation's name (a new route moves no other). */
export function seedOf(runSeed: number, op: Operation): number {
  return (runSeed ^ createHash('sha256').update(op.key).digest().readInt32BE(0)) | 0
}

export interface FuzzRun {
  requests: number
  /** Refused writes whose row counts were compared. */
  writesCompared: number
  perOperation: Map<string, number>
  defects: Defect[]
  /** Operations no principal may call in scope (none expected). */
  skipped: string[]
}

export interface FuzzOptions {
  readonly seed: number
  /** Random cases per operation, besides the systematic ones. */
  readonly randomRuns: number
}

/** Sends every operation's malformed requests and judges each answer. */
export async function runFuzz(
  w: World,
  operations: readonly Operation[],
  entryOf: (op: Operation) => MatrixEntry | undefined,
  options: FuzzOptions,
): Promise<FuzzRun> {
  const run: FuzzRun = { requests: 0, writesCompared: 0, perOperation: new Map(), defects: [], skipped: [] }
  const tables = (await publicTables(w.rt.ctx)).filter((t) => !WRITTEN_BY_JOBS.has(t))
  let counts: RowCounts | undefined
  for (const op of runOrder(operations, entryOf)) {
    const entry = entryOf(op)
    const caller = entry && fuzzCaller(entry)
    if (!entry || !caller) {
      run.skipped.push(op.key)
      continue
    }
    const parts = entry.request?.(w, caller) ?? {}
    const base: FuzzRequest = {
      path: Object.fromEntries(
        Object.entries(entry.params?.(w.ids) ?? {}).map(([k, v]) => [k, encodeURIComponent(v)]),
      ),
      query: parts.query ?? {},
      body: parts.body,
      raw: parts.raw,
    }
    const cases = fuzzCases(op, base, seedOf(options.seed, op), options.randomRuns)
    run.perOperation.set(op.key, cases.length)
    const write = op.method !== 'GET'
    const started = Date.now()
    let beforeHandlerChecked = false
    for (const c of cases) {
      if (write && !counts) counts = await countRows(w.rt.ctx, tables)
      const url = fillPath(op.path, c.request.path, true) + queryOf(c.request.query)
      const raw =
        c.request.raw ??
        (c.request.body === undefined
          ? undefined
          : { payload: jsonText(c.request.body), contentType: 'application/json' })
      const res = await send(w.rt.app, { method: op.method, url, cookie: w.cookieOf(caller), raw })
      run.requests++
      const shown = `${c.label}; as ${caller}: ${op.method} ${url.slice(0, 160)}${bodyPreview(c)} → ${res.statusCode} ${res.body.slice(0, 300).replace(/\s+/g, ' ')}`
      const defect = (kind: Defect['kind'], evidence = shown) =>
        run.defects.push({ operation: op.key, kind, where: c.where, evidence })
      if (res.statusCode >= 500) defect('server-error')
      else if (res.statusCode >= 400 && problemCode(res) === undefined) defect('not-problem')
      else if (res.statusCode < 400 && c.mustRefuse) defect('accepted-invalid')
      if (!write) {
        counts = undefined // a read may write its audit entry
      } else if (res.statusCode < 400) {
        await waitForQuietQueue(w.rt.ctx)
        counts = undefined
      } else if (refusedBeforeTheHandler(problemCode(res)) && beforeHandlerChecked) {
        // Fastify refused the body or the URL before the route's handler: nothing of ours ran.
        // Counting after each of these would triple the run; the first of each operation is.
      } else if (counts) {
        if (refusedBeforeTheHandler(problemCode(res))) beforeHandlerChecked = true
        const after = await countRows(w.rt.ctx, tables)
        run.writesCompared++
        const changed = changedTables(counts, after).filter(
          (c) => !recordedOnRefusal(op, c.split(' ')[0] ?? ''),
        )
        if (changed.length) defect('partial-write', `${changed.join(', ')}; ${shown}`)
        counts = after
      }
    }
    if (process.env.CONTRACT_DEBUG)
      console.info(`${op.key}: ${cases.length} cases, ${Date.now() - started} ms`)
  }
  return run
}

/** Codes of refusals made before any handler runs (JSON parsing, schema validation, routing). */
function refusedBeforeTheHandler(code: string | undefined): boolean {
  return code === 'validation.failed' || code === 'route.not_found' || (code?.startsWith('request.') ?? false)
}

function bodyPreview(c: FuzzCase): string {
  if (c.request.raw) {
    const p = c.request.raw.payload
    return ` [${c.request.raw.contentType}, ${p.length} bytes]`
  }
  if (c.request.body === undefined) return ''
  const text = jsonText(c.request.body)
  return ` ${text.length > 200 ? `${text.slice(0, 200)}…(${text.length})` : text}`
}
