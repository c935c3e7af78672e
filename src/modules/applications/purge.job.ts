import { uuidv7 } from 'uuidv7'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../database.ts'
import { defineJob } from '../../platform/queue/job.ts'
import { caseHoldsBlob } from '../cases/index.ts'
import { addEvent } from './application.repository.ts'
import { batchesToPurge, markBatchPurged } from './batch.repository.ts'
import {
  anonymise,
  applicationsHoldBlob,
  closedBefore,
  deleteApplications,
  draftsOf,
  fileHashesOf,
  stripFiles,
} from './purge.repository.ts'

export const applicationPurgeJobType = { name: 'applications.purge', payload: z.object({}) }

const DAY_MS = 24 * 3_600_000
/** Applications stripped per transaction: short transactions, the embedded engine is one connection. */
const CHUNK = 100

/** Deletes the bytes of each hash that nothing names any more (an application, a batch, a case). */
export async function dropUnusedBlobs(ctx: AppContext, hashes: readonly string[]): Promise<number> {
  let dropped = 0
  for (const sha of new Set(hashes)) {
    if ((await applicationsHoldBlob(ctx.db, sha)) || (await caseHoldsBlob(ctx.db, sha))) continue
    await ctx.blobs.remove(sha)
    dropped++
  }
  return dropped
}

async function stripAll(db: Db, ids: readonly string[], at: Date): Promise<void> {
  for (const id of ids) {
    await stripFiles(db, id, at)
    await addEvent(db, { id: uuidv7(), applicationId: id, kind: 'purged', actorId: null, at })
  }
}

/**
 * The photos, signatures and uploads of applications that ended (collected, posted, refused,
 * withdrawn) more than APPLICATION_PURGE_DAYS ago, and production archives as old: the records and
 * timelines stay. Safe to run any time and again.
 */
export async function purgeApplicationFiles(
  ctx: AppContext,
  now = new Date(),
): Promise<{ applications: number; batches: number; blobs: number }> {
  const before = new Date(now.getTime() - ctx.config.applicationPurgeDays * DAY_MS)
  let applications = 0
  let blobs = 0
  for (;;) {
    const { hashes, count } = await ctx.db.transaction().execute(async (trx) => {
      const ids = await closedBefore(trx, before, CHUNK)
      const hashes = await fileHashesOf(trx, ids)
      await stripAll(trx, ids, now)
      return { hashes, count: ids.length }
    })
    applications += count
    blobs += await dropUnusedBlobs(ctx, hashes)
    if (count < CHUNK) break
  }
  const batches = await batchesToPurge(ctx.db, before)
  for (const b of batches) {
    await markBatchPurged(ctx.db, b.id, now)
    blobs += await dropUnusedBlobs(ctx, [b.sha256.trim()])
  }
  return { applications, batches: batches.length, blobs }
}

/**
 * With an account: its drafts go entirely; its other applications stay as the missions' record,
 * without their files, form or passport data. Runs in the deletion's transaction and gives the
 * hashes to drop once it commits (`dropUnusedBlobs`). The register of invalidated documents keeps
 * its entries: a passport reported lost stays void.
 */
export async function forgetApplicant(trx: Db, userId: string, at = new Date()): Promise<string[]> {
  const drafts = await draftsOf(trx, userId)
  const draftHashes = await fileHashesOf(trx, drafts)
  await deleteApplications(trx, drafts)
  const kept = await anonymise(trx, userId, at)
  const keptHashes = await fileHashesOf(trx, kept)
  await stripAll(trx, kept, at)
  return [...draftHashes, ...keptHashes]
}

/** Once a day: one chain per deployment (a `stately` queue holds one waiting job), kept across restarts. */
export function applicationPurgeJob(ctx: AppContext) {
  const next = (startAfter?: Date) =>
    ctx.queue.send(applicationPurgeJobType, {}, startAfter ? { startAfter } : {})
  return defineJob({
    ...applicationPurgeJobType,
    retryLimit: 0,
    policy: 'stately',
    async handle() {
      try {
        ctx.log.info(await purgeApplicationFiles(ctx), 'purged the files of ended applications')
      } finally {
        await next(new Date(Date.now() + DAY_MS))
      }
    },
    async resume() {
      await next()
    },
  })
}
