import { describe, expect, it } from 'vitest'
import { alertBody, createAlert, sendAndWait } from '../../../test/helpers/alerts.ts'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { expectProblem, uniqueEmail } from '../../../test/helpers/http.ts'

const WAIT = { timeout: 20_000, interval: 200 }
const { runtime, staff, call } = withDemoRuntime({
  work: true,
  env: { PUBLIC_URL: 'https://lingshi.example' },
})

/** Mail kept in the demo outbox for an address, oldest first. */
async function mailsTo(address: string, count: number) {
  const db = runtime().ctx.db
  const of = () =>
    db
      .selectFrom('captured_mail')
      .selectAll()
      .where('recipient', '=', address)
      .orderBy('captured_at')
      .orderBy('id')
      .execute()
  await expect.poll(async () => (await of()).length, WAIT).toBeGreaterThanOrEqual(count)
  return of()
}

async function subscribeConfirmed(country: string, lang: 'en' | 'zh-CN' = 'en') {
  const email = uniqueEmail('follower')
  const res = await call('POST', '/api/v1/public/subscriptions', undefined, { email, country, lang })
  expect(res.statusCode, res.body).toBe(202)
  const [mail] = await mailsTo(email, 1)
  const link = /\/subscriptions\/confirm\?id=([0-9a-f-]+)&token=([A-Za-z0-9_-]+)/.exec(mail?.body ?? '')
  if (!link) throw new Error(`no confirmation link in ${mail?.body}`)
  expect(mail?.headers).toEqual({})
  const confirmed = await call('POST', `/api/v1/public/subscriptions/${link[1]}/confirm`, undefined, {
    token: link[2],
  })
  expect(confirmed.statusCode, confirmed.body).toBe(200)
  expect(confirmed.json()).toMatchObject({ country })
  // Single use.
  expectProblem(
    await call('POST', `/api/v1/public/subscriptions/${link[1]}/confirm`, undefined, { token: link[2] }),
    400,
    'subscription.link_invalid',
  )
  return { email, id: link[1] as string }
}

describe('alerts without an account', () => {
  it('answers 202 alike for a new, a pending and a confirmed address, and mails only the first two', async () => {
    const { email } = await subscribeConfirmed('FR')
    const again = await call('POST', '/api/v1/public/subscriptions', undefined, { email, country: 'FR' })
    expect(again.statusCode).toBe(202)
    expect(again.json()).toEqual({ accepted: true })
    expect(await mailsTo(email, 1)).toHaveLength(1)
    expectProblem(
      await call('POST', '/api/v1/public/subscriptions', undefined, { email, country: 'ZZ' }),
      400,
      'reference.unknown_country',
    )
  })

  it('mails a published advisory and a sent alert with RFC 8058 headers; one POST unsubscribes', async () => {
    const follower = await subscribeConfirmed('JP')
    const pending = uniqueEmail('pending')
    await call('POST', '/api/v1/public/subscriptions', undefined, { email: pending, country: 'JP' })
    await mailsTo(pending, 1)

    const drafted = await call('PUT', '/api/v1/advisories/JP', staff.officerTokyo, {
      level: 2,
      summary: { 'zh-CN': '注意安全。', en: 'Take care.' },
    })
    expect(drafted.statusCode, drafted.body).toBe(200)
    expect((await call('POST', '/api/v1/advisories/JP/publish', staff.duty)).statusCode).toBe(200)
    const [, advisory] = await mailsTo(follower.email, 2)
    expect(advisory?.subject).toContain('Japan')
    expect(advisory?.body).toContain('Take care.')
    expect(advisory?.headers).toEqual({
      'List-Unsubscribe': expect.stringMatching(
        /^<https:\/\/lingshi\.example\/api\/v1\/public\/subscriptions\/[0-9a-f-]+\/unsubscribe\?sig=[\w-]+>$/,
      ),
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    })

    const alert = await createAlert(runtime().app, staff.duty, alertBody())
    await sendAndWait(runtime().app, staff.duty, alert.id)
    const [, , alertMail] = await mailsTo(follower.email, 3)
    expect(alertMail?.subject).toBe('Strong earthquake in Tokyo')
    expect(alertMail?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    // Not confirmed: nothing but the confirmation.
    expect(await mailsTo(pending, 1)).toHaveLength(1)

    // The demo outbox shows the headers.
    const outbox = (await call('GET', '/api/v1/outbox?limit=100', staff.admin)).json() as {
      to: string
      headers: Record<string, string>
    }[]
    expect(outbox.find((m) => m.to === follower.email && m.headers['List-Unsubscribe'])).toBeDefined()

    // One click, as a mail client sends it: a form POST to the header's URL, without sign-in.
    const url = new URL(/^<(.+)>$/.exec(advisory?.headers['List-Unsubscribe'] ?? '')?.[1] ?? '')
    const forged = await runtime().app.inject({
      method: 'POST',
      url: `${url.pathname}?sig=AAAAAAAAAAAAAAAAAAAAAA`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    })
    expectProblem(forged, 400, 'subscription.link_invalid')
    const res = await runtime().app.inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ unsubscribed: true })
    const left = await runtime()
      .ctx.db.selectFrom('email_subscriptions')
      .select('id')
      .where('id', '=', follower.id)
      .execute()
    expect(left).toEqual([])
    // The next change reaches the follower no more.
    await call('PUT', '/api/v1/advisories/JP', staff.officerTokyo, {
      level: 1,
      summary: { 'zh-CN': '恢复正常。', en: 'Back to normal.' },
    })
    await call('POST', '/api/v1/advisories/JP/publish', staff.duty)
    await mailsTo(pending, 1)
    expect(await mailsTo(follower.email, 3)).toHaveLength(3)
  })
})
