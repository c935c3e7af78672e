// Delivery throughput: an alert reaches K people who each have an e-mail address and a webhook
// endpoint, both pointing at local sinks; the deliveries are then sent by the embedded server's own
// worker (in-process) or by 1 or 2 `lingshi worker` processes on the PostgreSQL server.
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { sql } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { loadConfig } from '../../src/config.ts'
import { createAlert } from '../../src/modules/alerts/alert.service.ts'
import { fanOut } from '../../src/modules/alerts/fanout.job.ts'
import { openRuntime } from '../../src/runtime.ts'
import { antarcticaAlert } from '../../test/helpers/alerts.ts'
import { startSmtpSink, startWebhookSink, tally } from '../../test/helpers/delivery-sinks.ts'
import type { EngineName } from '../registry/engine.ts'
import { emit, note, progress } from '../registry/report.ts'

const root = path.resolve(import.meta.dirname, '../..')

export interface DeliveryRun {
  readonly engine: EngineName
  readonly env: Record<string, string>
  readonly recipients: number
  /** 0: the in-process worker of the embedded server; else that many worker processes. */
  readonly workers: number
  /** Which slice of the synthetic people to use, so that runs do not share recipients. */
  readonly offset: number
}

export async function benchDeliveries(run: DeliveryRun): Promise<void> {
  const mail = await startSmtpSink()
  const hooks = await startWebhookSink()
  const env = {
    ...run.env,
    SMTP_URL: mail.url,
    WEBHOOK_ALLOW_HTTP_HOSTS: '127.0.0.1',
    // The limits are per process and meant for real partners; lifted to see what the sending path does.
    WEBHOOK_RATE_PER_SECOND: '1000000',
    LOG_LEVEL: 'warn',
  }
  const rt = await openRuntime(loadConfig(env, { demo: false }))
  const children: ChildProcess[] = []
  try {
    await rt.ctx.queue.start()
    const db = rt.ctx.db
    const sealed = rt.ctx.secrets.seal('bench-webhook-secret')
    const users = await db
      .selectFrom('users')
      .select('id')
      .where('email', 'like', '%@synthetic.lingshi')
      .orderBy('id')
      .offset(run.offset)
      .limit(run.recipients)
      .execute()
    const ids = users.map((u) => u.id)
    await sql`insert into webhook_endpoints (id, user_id, url, secret_sealed)
              select lingshi_uuid7(), u, ${hooks.url}, ${sealed} from unnest(${ids}::uuid[]) u`.execute(db)
    await sql`insert into subscriptions (user_id, country) select u, 'AQ' from unnest(${ids}::uuid[]) u
              on conflict do nothing`.execute(db)
    const alert = await createAlert(rt.ctx, null, {
      cap: antarcticaAlert(`deliveries-${uuidv7()}`, 'bench@lingshi', 'Blizzard (delivery benchmark)'),
      safetyCheck: true,
      origin: 'api',
    })
    await db.updateTable('alerts').set({ status: 'sending' }).where('id', '=', alert.alert.id).execute()
    const fanStart = performance.now()
    await fanOut(rt.ctx, alert.alert.id)
    const fanMs = performance.now() - fanStart
    const messageId = (
      await db
        .selectFrom('alerts')
        .select('message_id')
        .where('id', '=', alert.alert.id)
        .executeTakeFirstOrThrow()
    ).message_id as string

    const start = performance.now()
    if (run.workers === 0) await rt.ctx.queue.work()
    for (let i = 0; i < run.workers; i++)
      children.push(
        spawn(process.execPath, [path.join(root, 'bin/lingshi.mjs'), 'worker'], {
          env: { ...process.env, ...env },
          stdio: ['ignore', 'ignore', 'inherit'],
        }),
      )
    const finished: Record<string, number> = {}
    const deadline = Date.now() + 30 * 60_000
    for (;;) {
      const rows = await sql<{ channel: string; pending: number }>`
        select channel, count(*) filter (where state = 'queued')::int as pending
          from deliveries where message_id = ${messageId} and channel in ('email','webhook') group by channel`.execute(
        db,
      )
      for (const r of rows.rows)
        if (r.pending === 0 && !finished[r.channel]) finished[r.channel] = performance.now() - start
      if (finished.email && finished.webhook) break
      if (Date.now() > deadline) throw new Error('deliveries did not finish in 30 minutes')
      await new Promise((r) => setTimeout(r, 250))
    }
    // Worker start-up (seconds for a fresh process) is not sending: rates also from first to last send.
    const spans = await sql<{ channel: string; n: number; seconds: number }>`
      select channel, count(*)::int as n, extract(epoch from max(sent_at) - min(sent_at))::float8 as seconds
        from deliveries where message_id = ${messageId} and channel in ('email','webhook') and state = 'sent'
       group by channel`.execute(db)
    const sendingRate = (channel: string) => {
      const r = spans.rows.find((x) => x.channel === channel)
      return r && r.seconds > 0 ? Math.round(r.n / r.seconds) : null
    }
    const states = await sql<{ channel: string; state: string; n: number }>`
      select channel, state, count(*)::int as n from deliveries where message_id = ${messageId}
       group by channel, state order by 1, 2`.execute(db)
    const totalSeconds = Math.max(finished.email ?? 0, finished.webhook ?? 0) / 1000
    const figures = {
      engine: run.engine,
      case: `deliveries (${run.workers === 0 ? 'in-process worker' : `${run.workers} worker process${run.workers > 1 ? 'es' : ''}`})`,
      recipients: ids.length,
      fanOutSeconds: +(fanMs / 1000).toFixed(1),
      emailPerSecond: Math.round(ids.length / ((finished.email ?? 1) / 1000)),
      webhookPerSecond: Math.round(ids.length / ((finished.webhook ?? 1) / 1000)),
      bothPerSecond: Math.round((2 * ids.length) / totalSeconds),
      emailPerSecondWhileSending: sendingRate('email'),
      webhookPerSecondWhileSending: sendingRate('webhook'),
      seconds: +totalSeconds.toFixed(1),
      smtpSink: tally(mail),
      webhookSink: tally(hooks),
      states: states.rows,
    }
    emit(figures)
    note(
      `${run.engine}: ${figures.case}: ${ids.length} recipients, e-mail ${figures.emailPerSecond}/s ` +
        `(${figures.emailPerSecondWhileSending}/s first to last send), webhook ${figures.webhookPerSecond}/s ` +
        `(${figures.webhookPerSecondWhileSending}/s), both ${figures.bothPerSecond}/s; sinks saw ` +
        `${figures.smtpSink.distinct} + ${figures.webhookSink.distinct} distinct ids, ` +
        `${figures.smtpSink.extraCopies + figures.webhookSink.extraCopies} repeats`,
    )
    progress(`  ${run.engine}: ${figures.case} done in ${figures.seconds} s`)
  } finally {
    for (const c of children) c.kill('SIGTERM')
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
    )
    // The next run must reach only its own people, not this run's (whose sinks are gone).
    await sql`delete from subscriptions where country = 'AQ'`.execute(rt.ctx.db)
    await sql`delete from webhook_endpoints where url = ${hooks.url}`.execute(rt.ctx.db)
    await rt.close()
    await mail.close()
    await hooks.close()
  }
}
