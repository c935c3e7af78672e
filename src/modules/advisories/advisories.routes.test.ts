import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caller, dayFromToday, expectProblem, login, registerCitizen } from '../../../test/helpers/http.ts'
import { deliveriesOf } from '../../../test/helpers/notify.ts'
import { type Mailbox, startMailbox } from '../../../test/helpers/smtp.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { seedDemo } from '../../seed/demo.ts'

let rt: TestRuntime
let mailbox: Mailbox
let officerTokyo: string
let officerParis: string
let duty: string
beforeAll(async () => {
  mailbox = await startMailbox()
  rt = await startTestRuntime({ env: { SMTP_URL: mailbox.url }, work: true })
  await seedDemo(rt.ctx)
  officerTokyo = (await login(rt.app, 'officer.tokyo@demo.lingshi', 'lingshi-demo')).cookie
  officerParis = (await login(rt.app, 'officer.paris@demo.lingshi', 'lingshi-demo')).cookie
  duty = (await login(rt.app, 'duty@demo.lingshi', 'lingshi-demo')).cookie
})
afterAll(async () => {
  await rt?.close()
  await mailbox?.close()
})

const call: ReturnType<typeof caller> = (...args) => caller(rt.app)(...args)
const day = dayFromToday

const draft = {
  level: 2,
  summary: { 'zh-CN': '近期地震频发，请谨慎前往。', en: 'Frequent earthquakes: travel with caution.' },
  advice: { en: { safety: 'Know your evacuation route.' }, 'zh-CN': { safety: '了解避难路线。' } },
}

describe('travel advisories', () => {
  it('lists every country publicly; one without a published advisory has no level and no peers’ levels', async () => {
    const res = await call('GET', '/api/v1/advisories')
    expect(res.statusCode).toBe(200)
    const list = res.json() as Array<{ country: string; level: number | null; peers: unknown }>
    expect(list.length).toBeGreaterThanOrEqual(249)
    for (const code of ['IS', 'UA', 'RU', 'AQ'])
      expect(list.find((a) => a.country === code)).toMatchObject({
        level: null,
        label: null,
        peers: null,
        lastReviewed: null,
      })
    const one = (await call('GET', '/api/v1/advisories/UA')).json()
    expect(one).toMatchObject({ level: null, peers: null, change: null, history: [] })
    expect(one.summary.en).toMatch(/no advisory has been published/i)
    expect(one.summary['zh-CN']).toContain('尚未发布')
    expectProblem(await call('GET', '/api/v1/advisories/QQ'), 404, 'reference.unknown_country')
  })

  it('lets an officer draft for their country only, and only a duty officer publish', async () => {
    expectProblem(
      await call('PUT', '/api/v1/advisories/JP', officerParis, draft),
      403,
      'advisory.out_of_scope',
    )
    expectProblem(
      await call('PUT', '/api/v1/advisories/JP', officerTokyo, { ...draft, level: 4 }),
      400,
      'validation.failed',
    )
    expectProblem(await call('PUT', '/api/v1/advisories/JP', undefined, draft), 401, 'auth.unauthenticated')
    const saved = await call('PUT', '/api/v1/advisories/JP', officerTokyo, draft)
    expect(saved.statusCode, saved.body).toBe(200)
    expectProblem(await call('POST', '/api/v1/advisories/JP/publish', officerTokyo), 403, 'auth.forbidden')
    expectProblem(await call('POST', '/api/v1/advisories/KR/publish', duty), 404, 'advisory.no_draft')
    expect((await call('GET', '/api/v1/advisories/JP')).json().level).toBeNull()
  })

  it('publishes a change that reaches subscribers and people registered there, in their language, by inbox and e-mail', async () => {
    const zh = await registerCitizen(rt.app, { locale: 'zh-CN' })
    expect((await call('POST', '/api/v1/me/subscriptions', zh.cookie, { country: 'jp' })).statusCode).toBe(
      201,
    )
    expect((await call('POST', '/api/v1/me/subscriptions', zh.cookie, { country: 'JP' })).statusCode).toBe(
      200,
    )
    expectProblem(
      await call('POST', '/api/v1/me/subscriptions', zh.cookie, { country: 'QQ' }),
      400,
      'reference.unknown_country',
    )
    const en = await registerCitizen(rt.app, { locale: 'en' })
    await call('POST', '/api/v1/me/trips', en.cookie, {
      destinations: [{ country: 'JP' }],
      startDate: day(3),
      endDate: day(8),
    })
    const elsewhere = await registerCitizen(rt.app)
    await call('POST', '/api/v1/me/trips', elsewhere.cookie, {
      destinations: [{ country: 'FR' }],
      startDate: day(3),
      endDate: day(8),
    })

    const published = await call('POST', '/api/v1/advisories/JP/publish', duty)
    expect(published.statusCode, published.body).toBe(200)
    expect(published.json()).toMatchObject({
      level: 2,
      version: 1,
      peers: {
        basis: 'equivalent',
        us: { level: 3, name: { 'zh-CN': '重新考虑出行' } },
        smartraveller: { level: 3 },
      },
      change: { previousLevel: null, changed: ['level'] },
    })
    expect(published.json().lastReviewed).toBe(published.json().updatedAt)
    expect(published.json().notified).toBeGreaterThanOrEqual(2)

    const detail = (await call('GET', '/api/v1/advisories/JP')).json()
    expect(detail).toMatchObject({
      level: 2,
      summary: draft.summary,
      advice: draft.advice,
      history: [{ version: 1, level: 2 }],
    })

    const zhInbox = (await call('GET', '/api/v1/me/inbox', zh.cookie)).json()
    expect(zhInbox[0]).toMatchObject({
      country: 'JP',
      about: { type: 'country', id: 'JP' },
      body: draft.summary['zh-CN'],
    })
    expect(zhInbox[0].title).toContain('日本')
    const enInbox = (await call('GET', '/api/v1/me/inbox', en.cookie)).json()
    expect(enInbox[0]).toMatchObject({ country: 'JP', body: draft.summary.en })
    expect(enInbox[0].title).toContain('Japan')
    expect((await call('GET', '/api/v1/me/inbox', elsewhere.cookie)).json()).toHaveLength(0)

    const mails = await mailbox.waitFor(2)
    const toZh = mails.find((m) => JSON.stringify(m.to).includes(zh.email))
    const toEn = mails.find((m) => JSON.stringify(m.to).includes(en.email))
    expect(toZh?.subject).toContain('日本')
    expect(toZh?.text).toContain(draft.summary['zh-CN'])
    expect(toEn?.subject).toContain('Japan')
    const [delivery] = await deliveriesOf(rt.ctx, en.userId, 'email')
    expect(toEn?.messageId).toBe(`<${delivery?.id}@lingshi>`)
    await expect.poll(async () => (await deliveriesOf(rt.ctx, en.userId, 'email'))[0]?.state).toBe('sent')

    const feed = await call('GET', '/api/v1/feeds/advisories.atom?lang=en')
    expect(feed.headers['content-type']).toMatch(/application\/atom\+xml/)
    expect(feed.body).toContain('Japan: level 2')
  })

  it('lets a person unsubscribe and mark a message read', async () => {
    const p = await registerCitizen(rt.app)
    await call('POST', '/api/v1/me/subscriptions', p.cookie, { country: 'FR' })
    expect((await call('DELETE', '/api/v1/me/subscriptions/FR', p.cookie)).statusCode).toBe(204)
    expectProblem(
      await call('DELETE', '/api/v1/me/subscriptions/FR', p.cookie),
      404,
      'subscription.not_found',
    )
    expectProblem(
      await call('POST', '/api/v1/me/inbox/0190b1e2-0000-7000-8000-000000000000/read', p.cookie),
      404,
      'inbox.not_found',
    )
    expect(
      (await call('PUT', '/api/v1/me/notification-preferences', p.cookie, { email: false })).json(),
    ).toEqual({ inbox: true, email: false, push: true, sms: true })
  })
})
