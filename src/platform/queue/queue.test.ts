import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { defineJob } from './job.ts'
import { JobQueue } from './queue.ts'

let rt: TestRuntime
let queue: JobQueue
const seen: string[] = []
const echo = defineJob({
  name: 'test-echo',
  payload: z.object({ word: z.string() }),
  async handle(data) {
    seen.push(data.word)
  },
})

beforeAll(async () => {
  rt = await startTestRuntime()
  queue = new JobQueue({ executor: rt.runtime.handle.executor, pollingIntervalSeconds: 0.5 })
  queue.define(echo)
  await queue.start()
  await queue.work()
})
afterAll(async () => {
  await queue?.stop()
  await rt?.close()
})

async function waitFor(predicate: () => boolean, ms = 20_000) {
  const until = Date.now() + ms
  while (!predicate()) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('JobQueue on the application database', () => {
  it('runs a job sent inside a committed transaction, and never one whose transaction rolled back', async () => {
    await rt.ctx.db
      .transaction()
      .execute(async (trx) => {
        await queue.send(echo, { word: 'rolled-back' }, { trx })
        throw new Error('abort')
      })
      .catch(() => {})
    await rt.ctx.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx)
      await queue.send(echo, { word: 'committed' }, { trx })
    })
    await queue.send(echo, { word: 'plain' })
    await waitFor(() => seen.includes('committed') && seen.includes('plain'))
    expect(seen).not.toContain('rolled-back')
  })

  it('refuses a payload that does not match the job schema before sending', async () => {
    await expect(queue.send(echo, { word: 42 } as unknown as { word: string })).rejects.toThrow()
  })
})
