import type { z } from 'zod'

export interface JobContext {
  readonly jobId: string
  readonly retryCount: number
}

/** One file per job: its name, its payload schema and an idempotent handler. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  readonly name: string
  readonly payload: S
  readonly retryLimit?: number
  readonly retryDelaySeconds?: number
  readonly retryBackoff?: boolean
  readonly batchSize?: number
  /** How long a started job may run before pg-boss counts it failed and retries it. */
  readonly expireInSeconds?: number
  /** pg-boss queue policy; `stately` keeps at most one job queued and one running (a polling chain). */
  readonly policy?: 'standard' | 'stately'
  /**
   * Called when a worker starts: re-queues work a crashed process left half done (pg-boss would
   * only notice at the job's expiry). Must be safe to run while other workers are busy.
   */
  resume?(): Promise<void>
  handle(data: z.infer<S>, context: JobContext): Promise<void>
  /** Releases what the handler keeps open between jobs (connection pools), when the queue stops. */
  stop?(): Promise<void> | void
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition
}
