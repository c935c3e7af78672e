import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerCitizen } from '../../../test/helpers/http.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { sessionPurgeJob } from './session-purge.job.ts'

let rt: TestRuntime
beforeAll(async () => {
  rt = await startTestRuntime()
})
afterAll(async () => {
  await rt?.close()
})

describe('the daily purge of sessions (#13 item 10)', () => {
  it('deletes sessions past their lifetime or idle timeout, keeps live ones, and forgets old sign-in state', async () => {
    const live = await registerCitizen(rt.app)
    const sessionOf = (id: string, expires: string, lastSeen: string) => ({
      id,
      user_id: live.userId,
      expires_at: sql<Date>`now() + ${expires}::interval`,
      last_seen_at: sql<Date>`now() + ${lastSeen}::interval`,
    })
    await rt.ctx.db
      .insertInto('sessions')
      .values([
        sessionOf('expired', '-1 minute', '-2 minutes'),
        sessionOf('idle', '5 hours', '-3 hours'),
        sessionOf('fresh', '5 hours', '-1 minute'),
      ])
      .execute()
    await rt.ctx.db
      .insertInto('login_failures')
      .values([
        { key: 'address:quiet', failures: 3, last_failure_at: sql<Date>`now() - interval '16 minutes'` },
        { key: 'address:recent', failures: 3, last_failure_at: sql<Date>`now() - interval '1 minute'` },
      ])
      .execute()
    await rt.ctx.db
      .insertInto('login_challenges_spent')
      .values([
        { nonce: 'old', expires_at: sql<Date>`now() - interval '1 minute'` },
        { nonce: 'current', expires_at: sql<Date>`now() + interval '5 minutes'` },
      ])
      .execute()

    await sessionPurgeJob(rt.ctx).handle({}, { jobId: 'test', retryCount: 0 })

    const sessions = await rt.ctx.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', live.userId)
      .orderBy('id')
      .execute()
    expect(sessions.map((s) => s.id).filter((id) => id.length < 10)).toEqual(['fresh'])
    expect(sessions).toHaveLength(2) // and the one registration opened
    const me = await rt.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: live.cookie } })
    expect(me.statusCode).toBe(200)
    const failures = await rt.ctx.db.selectFrom('login_failures').select('key').orderBy('key').execute()
    expect(failures.map((f) => f.key)).toEqual(['address:recent'])
    const spent = await rt.ctx.db.selectFrom('login_challenges_spent').select('nonce').execute()
    expect(spent.map((c) => c.nonce)).toEqual(['current'])
  })
})
