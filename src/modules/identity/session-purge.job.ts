import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { defineJob } from '../../platform/queue/job.ts'
import { purgeCodes } from './code.repository.ts'
import { purgeSignInState } from './login-throttle.repository.ts'
import { deleteExpiredSessions } from './session.repository.ts'
import { QUIET_SECONDS } from './sign-in-throttle.ts'
import { purgeTokens } from './token.repository.ts'

export const sessionPurgeJobType = { name: 'identity.purge-sessions', payload: z.object({}) }

const DAY_MS = 24 * 3_600_000

/** Sessions no request can use any more, failures long quiet, challenges past expiry. Safe to run any time. */
export async function purgeExpiredSessions(
  ctx: AppContext,
): Promise<{ sessions: number; failures: number; challenges: number }> {
  const sessions = await deleteExpiredSessions(ctx.db, ctx.config.session.idleMs)
  return { sessions, ...(await purgeSignInState(ctx.db, QUIET_SECONDS)) }
}

/** Once a day: one chain per deployment (a `stately` queue holds one waiting job), kept across restarts. */
export function sessionPurgeJob(ctx: AppContext) {
  const next = (startAfter?: Date) =>
    ctx.queue.send(sessionPurgeJobType, {}, startAfter ? { startAfter } : {})
  return defineJob({
    ...sessionPurgeJobType,
    retryLimit: 0,
    policy: 'stately',
    async handle() {
      try {
        ctx.log.info(await purgeExpiredSessions(ctx), 'purged expired sessions')
        // Texted codes and e-mailed links a day past their expiry.
        ctx.log.info(
          { codes: await purgeCodes(ctx.db), links: await purgeTokens(ctx.db) },
          'purged spent codes',
        )
      } finally {
        await next(new Date(Date.now() + DAY_MS))
      }
    },
    async resume() {
      await next()
    },
  })
}
