import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { antarcticaAlert, deliveryAttempts, syntheticPeopleFollow } from '../../../test/helpers/alerts.ts'
import { type Sink, startSmtpSink, startWebhookSink, tally } from '../../../test/helpers/delivery-sinks.ts'
import { ROOT, TEST_ENCRYPTION_KEY } from '../../../test/helpers/template.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { loadConfig } from '../../config.ts'
import type { AppContext } from '../../context.ts'
import { openRuntime } from '../../runtime.ts'
import { seedSynthetic } from '../../seed/synthetic.ts'
import { deliveryStats } from '../notifications/index.ts'
import { findAlertRow, moveAlert } from './alert.repository.ts'
import { createAlert } from './alert.service.ts'
import { fanoutJobType } from './fanout.job.ts'

// The reliability check, on a small scale: a process dies in the middle of sending an
// alert's deliveries and is started again. Every recipient must get the alert on every channel;
// the sinks, counting delivery ids, may see an id twice only where the crash fell between sending
// and recording (such a delivery was claimed twice: attempts ≥ 2).

const PEOPLE = 300
const server = !!process.env.TEST_DATABASE_URL
const sinks: Sink[] = []
const children: ChildProcess[] = []
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
  for (const s of sinks) await s.close()
})

async function freePort(): Promise<number> {
  const srv = net.createServer()
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r))
  const port = (srv.address() as net.AddressInfo).port
  await new Promise((r) => srv.close(r))
  return port
}

/** 300 people who follow Antarctica, each with a webhook; an alert on Antarctica queued to fan out. */
async function prepare(ctx: AppContext, hookUrl: string): Promise<string> {
  await seedSynthetic(ctx, { people: PEOPLE, tripsPerPerson: 0, seed: 11 })
  await syntheticPeopleFollow(ctx, 'AQ', hookUrl)
  const { alert } = await createAlert(ctx, null, {
    cap: antarcticaAlert(`crash-${Date.now()}`, 'crash-test@lingshi'),
    safetyCheck: true,
    origin: 'api',
  })
  await moveAlert(ctx.db, alert.id, 'draft', 'sending')
  await ctx.queue.send(fanoutJobType, { alertId: alert.id })
  return alert.id
}

function start(command: 'worker' | 'serve', env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/lingshi.mjs'), command], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'ignore'],
  })
  children.push(child)
  return child
}

async function until(what: string, done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGKILL')
  await exited
}

async function deliveriesOf(ctx: AppContext, alertId: string) {
  const messageId = (await findAlertRow(ctx.db, alertId))?.message_id
  if (!messageId) throw new Error(`alert ${alertId} has no message`)
  return { messageId, stats: await deliveryStats(ctx.db, messageId) }
}

/** Every repeated id was claimed twice: the crash fell between sending it and recording it. */
async function expectOnlyInFlightRepeats(ctx: AppContext, messageId: string, sink: Sink) {
  const repeated = [...sink.seen].filter(([, n]) => n > 1).map(([id]) => id.replace(/@lingshi$/, ''))
  if (!repeated.length) return
  const attempts = await deliveryAttempts(ctx, messageId, repeated)
  expect(attempts.length).toBe(repeated.length)
  expect(attempts.every((n) => n >= 2)).toBe(true)
}

async function expectEveryoneReached(ctx: AppContext, alertId: string, mail: Sink, hooks: Sink) {
  const { messageId, stats } = await deliveriesOf(ctx, alertId)
  const none = { queued: 0, sent: 0, delivered: 0, failed: 0 }
  expect(stats.byChannel).toEqual([
    { ...none, channel: 'email', sent: PEOPLE },
    { ...none, channel: 'inbox', delivered: PEOPLE },
    { ...none, channel: 'webhook', sent: PEOPLE },
  ])
  expect(tally(mail).distinct).toBe(PEOPLE)
  expect(tally(hooks).distinct).toBe(PEOPLE)
  await expectOnlyInFlightRepeats(ctx, messageId, mail)
  await expectOnlyInFlightRepeats(ctx, messageId, hooks)
  console.info(
    `crash test (${server ? 'server' : 'embedded'}): e-mail ${JSON.stringify(tally(mail))}, webhook ${JSON.stringify(tally(hooks))}`,
  )
}

const slow = { MAIL_RATE_PER_SECOND: '20', WEBHOOK_RATE_PER_SECOND: '20', LOG_LEVEL: 'silent' }

describe.runIf(server)(
  'a worker process killed in the middle of sending an alert (PostgreSQL server)',
  () => {
    let rt: TestRuntime
    afterAll(async () => rt?.close())

    it('is started again, and every recipient gets the alert once on each channel', async () => {
      const mail = await startSmtpSink()
      const hooks = await startWebhookSink()
      sinks.push(mail, hooks)
      rt = await startTestRuntime()
      const alertId = await prepare(rt.ctx, hooks.url)
      const config = rt.ctx.config.database
      if (config.kind !== 'server') throw new Error('expected the server engine')
      const env = {
        ...slow,
        DATABASE_URL: config.url,
        ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
        DATA_DIR: rt.ctx.config.dataDir,
        SMTP_URL: mail.url,
        WEBHOOK_ALLOW_HTTP_HOSTS: '127.0.0.1',
      }
      const first = start('worker', env)
      await until(
        'the first deliveries',
        () => hooks.seen.size >= PEOPLE / 5 || mail.seen.size >= PEOPLE / 5,
        60_000,
      )
      await kill(first)
      // Killed mid-send: not everything had arrived (on a slow machine one channel may have finished).
      expect(hooks.seen.size + mail.seen.size).toBeLessThan(2 * PEOPLE)
      start('worker', env)
      await until('every delivery', () => hooks.seen.size === PEOPLE && mail.seen.size === PEOPLE, 150_000)
      await until(
        'every delivery recorded',
        async () => (await deliveriesOf(rt.ctx, alertId)).stats.byChannel.every((c) => c.queued === 0),
        30_000,
      )
      await expectEveryoneReached(rt.ctx, alertId, mail, hooks)
    }, 300_000)
  },
)

describe.runIf(!server)('the embedded server killed in the middle of sending an alert', () => {
  it('is started again on the same data, and every recipient gets the alert once on each channel', async () => {
    const mail = await startSmtpSink()
    const hooks = await startWebhookSink()
    sinks.push(mail, hooks)
    const rt = await startTestRuntime()
    const dataDir = rt.ctx.config.dataDir
    const alertId = await prepare(rt.ctx, hooks.url)
    // Close without removing the data directory: the server process takes it over.
    await rt.app.close()
    await rt.runtime.close()
    try {
      const env = {
        ...slow,
        DATA_DIR: dataDir,
        ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
        SMTP_URL: mail.url,
        WEBHOOK_ALLOW_HTTP_HOSTS: '127.0.0.1',
        HOST: '127.0.0.1',
        // The test's own alert and people only: the demo world would send its own alert to the sinks.
        DEMO_WORLD: 'false',
      }
      const first = start('serve', { ...env, PORT: String(await freePort()) })
      await until(
        'the first deliveries',
        () => hooks.seen.size >= PEOPLE / 5 || mail.seen.size >= PEOPLE / 5,
        120_000,
      )
      await kill(first)
      // Killed mid-send: not everything had arrived (on a slow machine one channel may have finished).
      expect(hooks.seen.size + mail.seen.size).toBeLessThan(2 * PEOPLE)
      const port = await freePort()
      const second = start('serve', { ...env, PORT: String(port) })
      await until('every delivery', () => hooks.seen.size === PEOPLE && mail.seen.size === PEOPLE, 180_000)
      // Some were sent by the killed process and not recorded: they go again when their lease ends.
      // The server owns the database now, so ask it, as the duty officer, until nothing is queued.
      const base = `http://127.0.0.1:${port}`
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'duty@demo.lingshi', password: 'lingshi-demo' }),
      })
      const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
      await until(
        'every delivery recorded',
        async () => {
          const stats = (await (
            await fetch(`${base}/api/v1/alerts/${alertId}/stats`, { headers: { cookie } })
          ).json()) as {
            byChannel?: { queued: number }[]
          }
          return !!stats.byChannel?.length && stats.byChannel.every((c) => c.queued === 0)
        },
        120_000,
      )
      const exited = new Promise((r) => second.once('exit', r))
      second.kill('SIGTERM')
      await exited
      const again = await openRuntime(
        loadConfig(
          { DATA_DIR: dataDir, ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, LOG_LEVEL: 'silent' },
          { demo: false },
        ),
      )
      try {
        await expectEveryoneReached(again.ctx, alertId, mail, hooks)
      } finally {
        await again.close()
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }, 400_000)
})
