import { sql } from 'kysely'
import { uuidv7 } from 'uuidv7'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caller, registerCitizen } from '../../../test/helpers/http.ts'
import {
  type HttpSink,
  type SinkRequest,
  startHttpSink,
  verifyWebhookRequest,
} from '../../../test/helpers/http-sink.ts'
import { alertMessage, deliveriesOf, enterpriseAccount, notifyUsers } from '../../../test/helpers/notify.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { verifyActionSignature } from './message-actions.ts'
import { webhookJob } from './webhook.job.ts'

/** Jobs are picked up by polling workers on a shared machine: give them time. */
const WAIT = { timeout: 20_000 }

let rt: TestRuntime
let sink: HttpSink
beforeAll(async () => {
  sink = await startHttpSink()
  rt = await startTestRuntime({
    env: { WEBHOOK_ALLOW_HTTP_HOSTS: '127.0.0.1', PUBLIC_URL: 'https://lingshi.example' },
    work: true,
  })
})
afterAll(async () => {
  await rt?.close()
  await sink?.close()
})

const call: ReturnType<typeof caller> = (...args) => caller(rt.app)(...args)
const at = (path: string) => (r: SinkRequest) => r.path === path

async function enterpriseWith(...paths: string[]) {
  const p = await enterpriseAccount(rt)
  const endpoints: { id: string; secret: string; path: string }[] = []
  for (const path of paths) {
    const res = await call('POST', '/api/v1/me/webhooks', p.cookie, { url: `${sink.origin}${path}` })
    expect(res.statusCode, res.body).toBe(201)
    endpoints.push({ ...res.json(), path })
  }
  return { ...p, endpoints }
}

const unique = (name: string) => `/${name}-${Math.random().toString(36).slice(2, 10)}`

describe('webhook delivery', () => {
  it('POSTs each message to every active endpoint, signed with its secret, keyed by the delivery id', async () => {
    const [a1, a2, b1] = [unique('a1'), unique('a2'), unique('b1')]
    const a = await enterpriseWith(a1, a2)
    const b = await enterpriseWith(b1)
    const citizen = await registerCitizen(rt.app)
    const message = alertMessage()
    const { messageId } = await notifyUsers(rt.ctx, [a.userId, b.userId, citizen.userId], message)

    const [toA1] = await sink.waitFor(at(a1))
    const [toA2] = await sink.waitFor(at(a2))
    await sink.waitFor(at(b1))
    if (!toA1 || !toA2) throw new Error('no webhook')
    await expect
      .poll(async () => (await deliveriesOf(rt.ctx, a.userId, 'webhook'))[0]?.state, WAIT)
      .toBe('sent')
    const [delivery] = await deliveriesOf(rt.ctx, a.userId, 'webhook')

    expect(verifyWebhookRequest(a.endpoints[0]?.secret ?? '', toA1)).toBe(true)
    expect(verifyWebhookRequest(a.endpoints[1]?.secret ?? '', toA2)).toBe(true)
    expect(verifyWebhookRequest(a.endpoints[1]?.secret ?? '', toA1)).toBe(false)
    expect(verifyWebhookRequest(a.endpoints[0]?.secret ?? '', toA1, Date.now() / 1000 + 301)).toBe(false)
    expect(
      verifyWebhookRequest(a.endpoints[0]?.secret ?? '', {
        ...toA1,
        body: toA1.body.replace('safe', 'SAFE'),
      }),
    ).toBe(false)
    for (const r of [toA1, toA2]) expect(r.headers['idempotency-key']).toBe(delivery?.id)

    const body = JSON.parse(toA1.body)
    const about = message.about ?? { type: '', id: '' }
    expect(body).toEqual({
      deliveryId: delivery?.id,
      messageId,
      kind: 'alert',
      about,
      title: 'Earthquake warning',
      body: 'Take cover now, then tell us you are safe.',
      link: `https://lingshi.example/alerts/${about.id}`,
      emergency: true,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      locale: 'en',
      actions: [
        { key: 'safe', label: 'I am safe', url: expect.stringContaining('answer=safe') },
        { key: 'need_help', label: 'I need help', url: expect.stringContaining('answer=need_help') },
      ],
    })
    const safe = new URL(body.actions[0].url)
    expect(safe.origin).toBe('https://lingshi.example')
    expect(
      verifyActionSignature(rt.ctx.signer, about, a.userId, 'safe', safe.searchParams.get('sig') ?? ''),
    ).toBe(true)
    expect(
      verifyActionSignature(rt.ctx.signer, about, a.userId, 'need_help', safe.searchParams.get('sig') ?? ''),
    ).toBe(false)

    expect(await deliveriesOf(rt.ctx, citizen.userId, 'webhook')).toEqual([])
    expect(sink.received.filter(at(a1))).toHaveLength(1)
    const listed = (await call('GET', '/api/v1/me/webhooks', a.cookie)).json()
    expect(listed.map((e: { lastSuccessAt: string | null }) => e.lastSuccessAt)).not.toContain(null)
  })

  it('disables an endpoint that answers 410, after which nothing is queued for it', async () => {
    const path = unique('gone')
    const p = await enterpriseWith(path)
    sink.answer(path, { status: 410, body: 'unsubscribed' })
    await notifyUsers(rt.ctx, [p.userId], alertMessage())

    await expect
      .poll(async () => (await deliveriesOf(rt.ctx, p.userId, 'webhook'))[0]?.state, WAIT)
      .toBe('failed')
    expect((await deliveriesOf(rt.ctx, p.userId, 'webhook'))[0]?.last_error).toMatch(/410/)
    expect((await call('GET', '/api/v1/me/webhooks', p.cookie)).json()[0]).toMatchObject({ active: false })
    await notifyUsers(rt.ctx, [p.userId], alertMessage())
    expect(await deliveriesOf(rt.ctx, p.userId, 'webhook')).toHaveLength(1)
    expect(sink.received.filter(at(path))).toHaveLength(1)
  })

  it('retries a failing endpoint later, sending again only where the message is still owed', async () => {
    const [ok, busy] = [unique('ok'), unique('busy')]
    const p = await enterpriseWith(ok, busy)
    sink.answer(busy, { status: 503, body: 'overloaded' })
    const { messageId } = await notifyUsers(rt.ctx, [p.userId], alertMessage())

    await expect
      .poll(async () => (await deliveriesOf(rt.ctx, p.userId, 'webhook'))[0]?.last_error ?? null, WAIT)
      .toMatch(/503/)
    const [waiting] = await deliveriesOf(rt.ctx, p.userId, 'webhook')
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1 })
    await rt.ctx.db
      .updateTable('deliveries')
      .set({ next_attempt_at: sql`now()` })
      .where('id', '=', waiting?.id ?? '')
      .execute()
    await webhookJob(rt.ctx).handle({ messageId }, { jobId: 'retry', retryCount: 0 })

    expect((await deliveriesOf(rt.ctx, p.userId, 'webhook'))[0]).toMatchObject({
      state: 'sent',
      attempts: 2,
      last_error: null,
    })
    expect(sink.received.filter(at(ok))).toHaveLength(1)
    const toBusy = sink.received.filter(at(busy))
    expect(toBusy.map((r) => r.status)).toEqual([503, 204])
    expect(toBusy.map((r) => r.headers['idempotency-key'])).toEqual([waiting?.id, waiting?.id])
    expect(toBusy.every((r) => verifyWebhookRequest(p.endpoints[1]?.secret ?? '', r))).toBe(true)
  })

  it('does not reach a private address even when one got stored', async () => {
    const p = await enterpriseWith()
    // As if the URLs had been accepted before their hosts turned private (DNS rebinding).
    for (const url of ['https://10.20.30.40/hook', 'https://localhost/hook']) {
      await rt.ctx.db
        .insertInto('webhook_endpoints')
        .values({
          id: uuidv7(),
          user_id: p.userId,
          url,
          secret_sealed: rt.ctx.secrets.seal('whsec_x'),
          description: null,
        })
        .execute()
    }
    await notifyUsers(rt.ctx, [p.userId], alertMessage())
    await expect
      .poll(async () => (await deliveriesOf(rt.ctx, p.userId, 'webhook'))[0]?.state, WAIT)
      .toBe('failed')
    const reason = (await deliveriesOf(rt.ctx, p.userId, 'webhook'))[0]?.last_error
    expect(reason).toMatch(/10\.20\.30\.40 is not a public address/)
    expect(reason).toMatch(/localhost resolves to no public address/)
  })
})
