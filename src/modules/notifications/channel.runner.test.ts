import { sql } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { describe, expect, it } from 'vitest'
import { alertMessage, notifyUsers, withWebhookSink } from '../../../test/helpers/notify.ts'
import { insertCitizens } from '../identity/index.ts'
import { drainChannel } from './channel.runner.ts'
import { claimQueued, recordOutcomes } from './delivery.repository.ts'
import { webhookDriver } from './webhook.delivery.ts'
import { webhookJob } from './webhook.job.ts'

// No background workers: the test plays the workers, and their crashes.
const w = withWebhookSink()

/** `n` people, each with one webhook endpoint at the w.sink under `/<tag>/<i>`. */
async function peopleWithEndpoints(tag: string, n: number): Promise<string[]> {
  const people = Array.from({ length: n }, (_, i) => ({
    id: uuidv7(),
    email: `${tag}.${i}.${Date.now()}@example.org`,
    name: `Person ${i}`,
    locale: 'en',
  }))
  await insertCitizens(w.rt.ctx.db, people, 'not-a-hash')
  await w.rt.ctx.db
    .insertInto('webhook_endpoints')
    .values(
      people.map((p, i) => ({
        id: uuidv7(),
        user_id: p.id,
        url: `${w.sink.origin}/${tag}/${i}`,
        secret_sealed: w.rt.ctx.secrets.seal(`whsec_${tag}`),
        description: null,
      })),
    )
    .execute()
  return people.map((p) => p.id)
}

const run = (messageId: string) =>
  webhookJob(w.rt.ctx).handle({ messageId }, { jobId: 'test', retryCount: 0 })

/** The leases of workers that died have run out. */
async function expireLeases(messageId: string) {
  await sql`update deliveries set next_attempt_at = now() where message_id = ${messageId}::uuid and state = 'queued'`.execute(
    w.rt.ctx.db,
  )
}

async function states(messageId: string) {
  const r = await sql<{ state: string; n: number }>`
    select state, count(*)::int as n from deliveries where message_id = ${messageId}::uuid and channel = 'webhook'
    group by state order by state`.execute(w.rt.ctx.db)
  return Object.fromEntries(r.rows.map((x) => [x.state, x.n]))
}

const idsAt = (tag: string) =>
  w.sink.received
    .filter((r) => r.path.startsWith(`/${tag}/`))
    .map((r) => String(r.headers['idempotency-key']))

describe('the channel runner', () => {
  it('sends what a dead worker had claimed once its lease runs out, and nothing twice', async () => {
    const users = await peopleWithEndpoints('lease', 30)
    const { messageId } = await notifyUsers(w.rt.ctx, users, alertMessage())
    // A worker claims ten deliveries and dies before sending them.
    expect(await claimQueued(w.rt.ctx.db, messageId, 'webhook', 10)).toHaveLength(10)

    await run(messageId)
    expect(idsAt('lease')).toHaveLength(20)
    expect(await states(messageId)).toEqual({ queued: 10, sent: 20 })

    await expireLeases(messageId)
    await run(messageId)
    expect(await states(messageId)).toEqual({ sent: 30 })
    // A job run again after a crash sends nothing already recorded.
    await expireLeases(messageId)
    await run(messageId)
    const ids = idsAt('lease')
    expect(ids).toHaveLength(30)
    expect(new Set(ids).size).toBe(30)
  })

  it('sends again, with the same id, only what a worker sent but did not live to record', async () => {
    const users = await peopleWithEndpoints('unrecorded', 12)
    const { messageId } = await notifyUsers(w.rt.ctx, users, alertMessage())
    const driver = webhookDriver(w.rt.ctx)
    const claimed = await claimQueued(w.rt.ctx.db, messageId, 'webhook', 5)
    const outcomes = await driver.deliver(claimed)
    driver.close?.()
    // The worker dies here: five were sent, none recorded.
    expect(await states(messageId)).toEqual({ queued: 12 })
    await expireLeases(messageId)
    await run(messageId)
    expect(await states(messageId)).toEqual({ sent: 12 })
    const ids = idsAt('unrecorded')
    expect(new Set(ids).size).toBe(12)
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i)
    expect(twice.sort()).toEqual(claimed.map((d) => d.id).sort())

    // Had the worker woken up late, its outcome would not count over the newer claim.
    await recordOutcomes(
      w.rt.ctx.db,
      claimed.map((d) => ({
        id: d.id,
        attempts: d.attempts,
        state: 'failed',
        note: String(outcomes.get(d.id)?.kind),
      })),
    )
    expect(await states(messageId)).toEqual({ sent: 12 })
  })

  it('lets several workers share one message without sending any delivery twice', async () => {
    const users = await peopleWithEndpoints('shared', 80)
    const { messageId } = await notifyUsers(w.rt.ctx, users, alertMessage())
    const deadline = Date.now() + 60_000
    const drivers = [webhookDriver(w.rt.ctx), webhookDriver(w.rt.ctx)]
    await Promise.all(drivers.map((d) => drainChannel(w.rt.ctx, d, messageId, deadline)))
    for (const d of drivers) d.close?.()
    expect(await states(messageId)).toEqual({ sent: 80 })
    const ids = idsAt('shared')
    expect(ids).toHaveLength(80)
    expect(new Set(ids).size).toBe(80)
  })
})
