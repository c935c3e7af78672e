import { CompiledQuery, type QueryResult } from 'kysely'
import PgBoss from 'pg-boss'
import type { z } from 'zod'
import type { SqlExecutor } from '../db/sql-executor.ts'
import type { JobDefinition } from './job.ts'

/** A Kysely instance or transaction: anything that runs a compiled query. */
export interface QueryRunner {
  executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>>
}

export interface QueueOptions {
  readonly executor: SqlExecutor
  readonly pollingIntervalSeconds?: number
  readonly onError?: (err: Error) => void
}

/** pg-boss on the application's own database; jobs sent in a transaction commit with it. */
export class JobQueue {
  private readonly boss: PgBoss
  private readonly definitions = new Map<string, JobDefinition>()
  private started = false
  /** Handlers still running: stop() lets them finish before the database closes under them. */
  private readonly running = new Set<Promise<void>>()

  constructor(private readonly options: QueueOptions) {
    this.boss = new PgBoss({
      db: options.executor as PgBoss.Db,
      schema: 'pgboss',
      supervise: true,
      schedule: false,
      migrate: true,
      // Maintenance is also when jobs of a dead worker are expired and retried: every 30 s rather
      // than every 2 min, so a crash mid-fan-out is recovered from within a couple of minutes.
      maintenanceIntervalSeconds: 30,
    })
    this.boss.on('error', (err) => options.onError?.(err))
  }

  define(definition: JobDefinition): void {
    this.definitions.set(definition.name, definition)
  }

  async start(): Promise<void> {
    await this.boss.start()
    this.started = true
    for (const def of this.definitions.values()) {
      const options = {
        name: def.name,
        retryLimit: def.retryLimit ?? 5,
        retryDelay: def.retryDelaySeconds ?? 5,
        retryBackoff: def.retryBackoff ?? true,
        ...(def.expireInSeconds ? { expireInSeconds: def.expireInSeconds } : {}),
        ...(def.policy ? { policy: def.policy } : {}),
      }
      // createQueue leaves an existing queue as it was: its options are brought up to date.
      if (await this.boss.getQueue(def.name)) await this.boss.updateQueue(def.name, options)
      else await this.boss.createQueue(def.name, options)
    }
  }

  /** Starts polling for every defined job (the `worker` role; in embedded mode the server does it). */
  async work(): Promise<void> {
    for (const def of this.definitions.values()) {
      await this.boss.work(
        def.name,
        {
          batchSize: def.batchSize ?? 1,
          pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 1,
          includeMetadata: true,
        },
        async (jobs) => {
          for (const job of jobs) {
            const data = def.payload.parse(job.data)
            const run = def.handle(data, { jobId: job.id, retryCount: job.retryCount })
            const settled = run.then(
              () => undefined,
              () => undefined,
            )
            this.running.add(settled)
            try {
              await run
            } finally {
              this.running.delete(settled)
            }
          }
        },
      )
    }
    for (const def of this.definitions.values()) await def.resume?.()
  }

  async send<S extends z.ZodType>(
    def: Pick<JobDefinition<S>, 'name' | 'payload'>,
    data: z.infer<S>,
    options: { trx?: QueryRunner; startAfter?: Date; singletonKey?: string } = {},
  ): Promise<string | null> {
    if (!this.started) throw new Error('The job queue is not started')
    const payload = def.payload.parse(data) as object
    const sendOptions: PgBoss.SendOptions = {}
    if (options.startAfter) sendOptions.startAfter = options.startAfter
    if (options.singletonKey) sendOptions.singletonKey = options.singletonKey
    if (options.trx) sendOptions.db = executorFor(options.trx)
    return this.boss.send(def.name, payload, sendOptions)
  }

  async stop(): Promise<void> {
    if (!this.started) return
    this.started = false
    await this.boss.stop({ graceful: true, close: false, wait: true, timeout: 10_000 })
    // pg-boss stops waiting after its timeout; a long handler (a large fan-out) may still be
    // writing, and pg-boss records its outcome when it returns.
    const deadline = Date.now() + 60_000
    while (this.running.size > 0 && Date.now() < deadline) await Promise.race([...this.running, delay(500)])
    await delay(100)
    for (const def of this.definitions.values()) await def.stop?.()
  }
}

/** Lets pg-boss write through the caller's transaction (on PGlite the outer handle would deadlock). */
function executorFor(trx: QueryRunner): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values ?? []))
      return { rows: result.rows as unknown[] }
    },
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
