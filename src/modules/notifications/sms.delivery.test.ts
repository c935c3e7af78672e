import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caller, registerCitizen } from '../../../test/helpers/http.ts'
import { type HttpSink, startHttpSink } from '../../../test/helpers/http-sink.ts'
import { alertMessage, deliveriesOf, notifyUsers, uniquePhone } from '../../../test/helpers/notify.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { ANY_ACTION, verifyActionSignature } from './message-actions.ts'
import { smsJob } from './sms.job.ts'

/** Jobs are picked up by polling workers on a shared machine: give them time. */
const WAIT = { timeout: 20_000 }

let rt: TestRuntime
let gateway: HttpSink
beforeAll(async () => {
  let n = 0
  gateway = await startHttpSink(() => ({
    status: 202,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: `gw-${++n}`, status: 'accepted' }),
  }))
  rt = await startTestRuntime({
    env: {
      SMS_GATEWAY_URL: `${gateway.origin}/v1/messages`,
      SMS_GATEWAY_TOKEN: 'gateway-token',
      SMS_SENDER_ID: 'Lingshi',
      PUBLIC_URL: 'https://lingshi.example',
    },
    work: true,
  })
})
afterAll(async () => {
  await rt?.close()
  await gateway?.close()
})

const call: ReturnType<typeof caller> = (...args) => caller(rt.app)(...args)
const to = (phone: string) => (r: { body: string }) => JSON.parse(r.body).to === phone

/** Runs the SMS job as the queue would once a retry's back-off has passed. */
async function retryNow(deliveryId: string, messageId: string) {
  await rt.ctx.db
    .updateTable('deliveries')
    .set({ next_attempt_at: sql`now()` })
    .where('id', '=', deliveryId)
    .execute()
  await smsJob(rt.ctx).handle({ messageId }, { jobId: 'retry', retryCount: 0 })
}

describe('SMS through the gateway', () => {
  it('texts each person once, in their language, with the link to answer signed for them', async () => {
    const enPhone = uniquePhone('FR')
    const zhPhone = uniquePhone('CN')
    const en = await registerCitizen(rt.app, { locale: 'en', phone: enPhone })
    const zh = await registerCitizen(rt.app, { locale: 'zh-CN' })
    // The phone in the profile is the one to text.
    expect((await call('PUT', '/api/v1/me/profile', zh.cookie, { phone: zhPhone })).statusCode).toBe(200)
    const message = alertMessage()
    const { messageId } = await notifyUsers(rt.ctx, [en.userId, zh.userId], message)

    const [toEn] = await gateway.waitFor(to(enPhone))
    const [toZh] = await gateway.waitFor(to(zhPhone))
    if (!toEn || !toZh) throw new Error('no SMS')
    await expect.poll(async () => (await deliveriesOf(rt.ctx, en.userId, 'sms'))[0]?.state, WAIT).toBe('sent')
    const [delivery] = await deliveriesOf(rt.ctx, en.userId, 'sms')
    expect(delivery).toMatchObject({ message_id: messageId, provider_ref: expect.stringMatching(/^gw-/) })
    expect(toEn.path).toBe('/v1/messages')
    expect(toEn.headers).toMatchObject({
      authorization: 'Bearer gateway-token',
      'idempotency-key': delivery?.id,
      'content-type': 'application/json',
    })
    const body = JSON.parse(toEn.body)
    expect(body).toEqual({
      to: enPhone,
      text: expect.any(String),
      reference: delivery?.id,
      sender: 'Lingshi',
    })
    expect(body.text.startsWith('Earthquake warning\nhttps://lingshi.example/alerts/')).toBe(true)
    expect(JSON.parse(toZh.body).text.startsWith('地震预警\nhttps://lingshi.example/alerts/')).toBe(true)

    // The one link leads to the page where the person picks an answer: signed over `*`, for them only.
    const link = new URL(body.text.split('\n')[1])
    expect(link.pathname).toBe(`/alerts/${message.about?.id}/answer`)
    expect(link.searchParams.get('user')).toBe(en.userId)
    expect(link.searchParams.get('answer')).toBe(ANY_ACTION)
    const sig = link.searchParams.get('sig') ?? ''
    const about = message.about ?? { type: '', id: '' }
    expect(verifyActionSignature(rt.ctx.signer, about, en.userId, 'safe', sig)).toBe(true)
    expect(verifyActionSignature(rt.ctx.signer, about, zh.userId, 'safe', sig)).toBe(false)
    expect(gateway.received.filter(to(enPhone))).toHaveLength(1)
  })

  it('texts nobody for a message that is not an emergency, without a phone, or who turned SMS off', async () => {
    const phoneless = await registerCitizen(rt.app, { locale: 'en' })
    const offPhone = uniquePhone()
    const off = await registerCitizen(rt.app, { phone: offPhone })
    expect(
      (await call('PUT', '/api/v1/me/notification-preferences', off.cookie, { sms: false })).json(),
    ).toMatchObject({
      sms: false,
    })
    const calmPhone = uniquePhone()
    const calm = await registerCitizen(rt.app, { phone: calmPhone })

    await notifyUsers(rt.ctx, [phoneless.userId, off.userId], alertMessage())
    await notifyUsers(rt.ctx, [calm.userId], alertMessage({ emergency: false }))
    for (const p of [phoneless, off, calm]) expect(await deliveriesOf(rt.ctx, p.userId, 'sms')).toEqual([])
    // Their inbox has the messages all the same.
    expect(await deliveriesOf(rt.ctx, off.userId, 'inbox')).toHaveLength(1)
    expect(gateway.received.filter((r) => [offPhone, calmPhone].includes(JSON.parse(r.body).to))).toEqual([])
  })

  it('creates no SMS at all when no gateway is configured', async () => {
    const p = await registerCitizen(rt.app, { phone: uniquePhone() })
    const withoutGateway = { ...rt.ctx, config: { ...rt.ctx.config, sms: undefined } }
    await notifyUsers(withoutGateway, [p.userId], alertMessage())
    expect(await deliveriesOf(rt.ctx, p.userId, 'sms')).toEqual([])
    expect(await deliveriesOf(rt.ctx, p.userId, 'inbox')).toHaveLength(1)
  })

  it('retries a busy gateway with the same idempotency key, then records the text as sent', async () => {
    const phone = uniquePhone()
    const p = await registerCitizen(rt.app, { locale: 'en', phone })
    gateway.answer('/v1/messages', { status: 503, body: 'maintenance' })
    const { messageId } = await notifyUsers(rt.ctx, [p.userId], alertMessage())

    await expect
      .poll(async () => (await deliveriesOf(rt.ctx, p.userId, 'sms'))[0]?.last_error ?? null, WAIT)
      .toMatch(/503/)
    const [waiting] = await deliveriesOf(rt.ctx, p.userId, 'sms')
    expect(waiting).toMatchObject({ state: 'queued', attempts: 1 })
    expect(new Date(waiting?.next_attempt_at ?? 0).getTime()).toBeGreaterThan(Date.now())

    await retryNow(waiting?.id ?? '', messageId)
    expect((await deliveriesOf(rt.ctx, p.userId, 'sms'))[0]).toMatchObject({
      state: 'sent',
      attempts: 2,
      last_error: null,
    })
    const tries = gateway.received.filter(to(phone))
    expect(tries.map((r) => r.status)).toEqual([503, 202])
    expect(tries.map((r) => r.headers['idempotency-key'])).toEqual([waiting?.id, waiting?.id])
  })

  it('waits as long as a rate-limited gateway asks', async () => {
    const phone = uniquePhone()
    const p = await registerCitizen(rt.app, { phone })
    gateway.answer('/v1/messages', { status: 429, headers: { 'retry-after': '600' }, body: 'slow down' })
    await notifyUsers(rt.ctx, [p.userId], alertMessage())
    await expect
      .poll(async () => (await deliveriesOf(rt.ctx, p.userId, 'sms'))[0]?.last_error ?? null, WAIT)
      .toMatch(/429/)
    const [waiting] = await deliveriesOf(rt.ctx, p.userId, 'sms')
    expect(new Date(waiting?.next_attempt_at ?? 0).getTime()).toBeGreaterThan(Date.now() + 500_000)
  })

  it('gives up on a text the gateway refuses, keeping its reason', async () => {
    const phone = uniquePhone()
    const p = await registerCitizen(rt.app, { phone })
    gateway.answer('/v1/messages', {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: '{"error":"destination barred"}',
    })
    await notifyUsers(rt.ctx, [p.userId], alertMessage())
    await expect
      .poll(async () => (await deliveriesOf(rt.ctx, p.userId, 'sms'))[0]?.state, WAIT)
      .toBe('failed')
    expect((await deliveriesOf(rt.ctx, p.userId, 'sms'))[0]?.last_error).toMatch(/400.*destination barred/)
    expect(gateway.received.filter(to(phone))).toHaveLength(1)
  })
})
