// "Who is inside this polygon on this date", through the code the people search API runs:
// the service (count and first page in one query, plus the audit entry), the repository query alone,
// and its plan.
import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  RawNode,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely'
import type { AppContext } from '../../src/context.ts'
import { findPeople, type PeopleFilter } from '../../src/modules/registrations/people.repository.ts'
import { searchPeople } from '../../src/modules/registrations/people.service.ts'
import type { Principal } from '../../src/platform/http/access.ts'

/** Runs every raw query it sees as EXPLAIN (ANALYZE, BUFFERS) and keeps the plans. */
class ExplainPlugin implements KyselyPlugin {
  readonly plans: string[][] = []

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node
    if (!RawNode.is(node)) throw new Error('only raw SQL is explained here')
    const [first = '', ...rest] = node.sqlFragments
    return RawNode.create([`explain (analyze, buffers) ${first}`, ...rest], node.parameters)
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.plans.push(args.result.rows.map((r) => String(r['QUERY PLAN'])))
    return { rows: [] }
  }
}

export interface PlanSummary {
  readonly executionMs: number
  readonly planningMs: number
  /** Just-in-time compilation, when the server has it on (PostgreSQL's jit setting). */
  readonly jitMs: number
  /** Plan nodes, outermost first, without costs. */
  readonly nodes: string[]
  readonly plan: string[]
}

function summarize(plan: string[]): PlanSummary {
  const ms = (label: string) =>
    Number(plan.find((l) => l.startsWith(label))?.match(/([\d.]+) ms/)?.[1] ?? NaN)
  const nodes = plan
    .filter((l, i) => i === 0 || l.includes('->'))
    .map((l) => l.replace(/^\s*(->\s*)?/, '').replace(/\s+\(cost=.*$/, ''))
  const jit = Number(plan.find((l) => l.includes('Timing: Generation'))?.match(/Total ([\d.]+) ms/)?.[1] ?? 0)
  return { executionMs: ms('Execution Time'), planningMs: ms('Planning Time'), jitMs: jit, nodes, plan }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await fn()
  return { ms: +(performance.now() - start).toFixed(1), value }
}

export interface PolygonFigures {
  readonly inside: number
  readonly coldMs: number
  readonly warm: { medianMs: number; minMs: number; maxMs: number; runs: number[] }
  /** The repository query alone (count + first 100 people with their places). */
  readonly queryMedianMs: number
  readonly plan: PlanSummary
}

export interface PolygonOptions {
  readonly area: object
  /** The day asked about, YYYY-MM-DD. */
  readonly on: string
  readonly runs: number
  readonly dutyOfficerId: string
}

/** Call on a freshly opened runtime: the first search is the cold one. */
export async function benchPolygon(ctx: AppContext, o: PolygonOptions): Promise<PolygonFigures> {
  const principal: Principal = {
    userId: o.dutyOfficerId,
    sessionId: 'bench',
    roles: ['duty_officer'],
    missions: [],
    mfaPending: false,
  }
  const query = { area: o.area, on: o.on, limit: 100 }
  const search = () => searchPeople(ctx, principal, query, 'bench')
  const cold = await timed(search)
  const warm: number[] = []
  for (let i = 0; i < o.runs; i++) warm.push((await timed(search)).ms)

  // The filter searchPeople builds for a duty officer, a polygon and a day.
  const filter: PeopleFilter = {
    window: { from: new Date(`${o.on}T00:00:00Z`), to: new Date(`${o.on}T23:59:59Z`) },
    missions: null,
    areaGeoJson: JSON.stringify(o.area),
  }
  const queries: number[] = []
  for (let i = 0; i < o.runs; i++) queries.push((await timed(() => findPeople(ctx.db, filter, 100))).ms)
  const explain = new ExplainPlugin()
  await findPeople(ctx.db.withPlugin(explain), filter, 100)
  return {
    inside: cold.value.count,
    coldMs: cold.ms,
    warm: { medianMs: median(warm), minMs: Math.min(...warm), maxMs: Math.max(...warm), runs: warm },
    queryMedianMs: median(queries),
    plan: summarize(explain.plans[0] ?? []),
  }
}
