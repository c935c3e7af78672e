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
  /** A job still active this long after it started (its worker died) is failed and retried. */
  readonly expireInSeconds?: number
  handle(data: z.infer<S>, context: JobContext): Promise<void>
  /** Releases what the handler keeps open between jobs (connection pools), when the queue stops. */
  stop?(): Promise<void> | void
}

export function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition
}
