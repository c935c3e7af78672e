import { describe, expect, it } from 'vitest'
import { caller, expectProblem, registerCitizen } from '../../../test/helpers/http.ts'
import { verifyWebhookRequest } from '../../../test/helpers/http-sink.ts'
import { enterpriseAccount, withWebhookSink } from '../../../test/helpers/notify.ts'
import { MAX_ENDPOINTS_PER_PERSON } from './webhook-endpoint.service.ts'

const w = withWebhookSink()

const call: ReturnType<typeof caller> = (...args) => caller(w.rt.app)(...args)

const enterprise = () => enterpriseAccount(w.rt)

describe('webhook endpoints', () => {
  it('shows the secret once, keeps it sealed, and lists endpoints without it', async () => {
    const me = await enterprise()
    const res = await call('POST', '/api/v1/me/webhooks', me.cookie, {
      url: `${w.sink.origin}/hooks/a`,
      description: 'Security desk',
    })
    expect(res.statusCode, res.body).toBe(201)
    const created = res.json()
    expect(created).toMatchObject({
      url: `${w.sink.origin}/hooks/a`,
      description: 'Security desk',
      active: true,
      failureCount: 0,
      lastSuccessAt: null,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
    })
    const listed = (await call('GET', '/api/v1/me/webhooks', me.cookie)).json()
    const { secret: _, ...shown } = created
    expect(listed).toEqual([shown])
    expect(JSON.stringify(listed)).not.toContain(created.secret)
    const row = await w.rt.ctx.db
      .selectFrom('webhook_endpoints')
      .select('secret_sealed')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow()
    expect(row.secret_sealed).not.toContain(created.secret.slice(6))
    expect(w.rt.ctx.secrets.open(row.secret_sealed)).toBe(created.secret)
  })

  it('refuses URLs the server must not call: plain http, private addresses, credentials, non-URLs', async () => {
    const me = await enterprise()
    const cases: [string, string][] = [
      ['http://example.org/hook', 'webhook.url_not_allowed'],
      ['https://10.1.2.3/hook', 'webhook.url_not_allowed'],
      ['https://192.168.1.10/hook', 'webhook.url_not_allowed'],
      ['https://[::1]/hook', 'webhook.url_not_allowed'],
      ['https://[::ffff:169.254.169.254]/latest', 'webhook.url_not_allowed'],
      ['https://localhost/hook', 'webhook.url_not_allowed'],
      ['https://127.0.0.2/hook', 'webhook.url_not_allowed'],
      ['http://127.0.0.1.nip.io/hook', 'webhook.url_not_allowed'],
      ['https://user:pass@partner.example/hook', 'webhook.url_invalid'],
      ['ftp://partner.example/hook', 'webhook.url_invalid'],
      ['not a url', 'webhook.url_invalid'],
    ]
    for (const [url, code] of cases) {
      expectProblem(await call('POST', '/api/v1/me/webhooks', me.cookie, { url }), 400, code)
    }
    expectProblem(await call('POST', '/api/v1/me/webhooks', me.cookie, { url: '' }), 400, 'validation.failed')
    expectProblem(
      await call('POST', '/api/v1/me/webhooks', me.cookie, { url: `${w.sink.origin}/x`, extra: 1 }),
      400,
      'validation.failed',
    )
    expect((await call('GET', '/api/v1/me/webhooks', me.cookie)).json()).toEqual([])
  })

  it('is for enterprise officers and administrators, each seeing and deleting only their own', async () => {
    const citizen = await registerCitizen(w.rt.app)
    expectProblem(await call('GET', '/api/v1/me/webhooks', citizen.cookie), 403, 'auth.forbidden')
    expectProblem(
      await call('POST', '/api/v1/me/webhooks', citizen.cookie, { url: `${w.sink.origin}/c` }),
      403,
      'auth.forbidden',
    )
    expectProblem(await call('GET', '/api/v1/me/webhooks'), 401, 'auth.unauthenticated')
    const a = await enterprise()
    const b = await enterprise()
    const id = (await call('POST', '/api/v1/me/webhooks', a.cookie, { url: `${w.sink.origin}/a` })).json().id
    expectProblem(await call('DELETE', `/api/v1/me/webhooks/${id}`, b.cookie), 404, 'webhook.not_found')
    expectProblem(await call('POST', `/api/v1/me/webhooks/${id}/test`, b.cookie), 404, 'webhook.not_found')
    expectProblem(await call('DELETE', '/api/v1/me/webhooks/not-an-id', a.cookie), 400, 'validation.failed')
    expect((await call('DELETE', `/api/v1/me/webhooks/${id}`, a.cookie)).statusCode).toBe(204)
    expect((await call('GET', '/api/v1/me/webhooks', a.cookie)).json()).toEqual([])
  })

  it('limits how many endpoints one account registers', async () => {
    const me = await enterprise()
    for (let i = 0; i < MAX_ENDPOINTS_PER_PERSON; i++) {
      expect(
        (await call('POST', '/api/v1/me/webhooks', me.cookie, { url: `${w.sink.origin}/n${i}` })).statusCode,
      ).toBe(201)
    }
    expectProblem(
      await call('POST', '/api/v1/me/webhooks', me.cookie, { url: `${w.sink.origin}/more` }),
      409,
      'webhook.too_many_endpoints',
    )
  })

  it('sends a signed test event, says what the receiver answered, and a success turns the endpoint on again', async () => {
    const me = await enterprise()
    const created = (
      await call('POST', '/api/v1/me/webhooks', me.cookie, { url: `${w.sink.origin}/t` })
    ).json()
    w.sink.answer('/t', { status: 410, body: 'gone' })
    expect((await call('POST', `/api/v1/me/webhooks/${created.id}/test`, me.cookie)).json()).toEqual({
      delivered: false,
      status: 410,
      detail: expect.stringContaining('410'),
    })
    expect((await call('GET', '/api/v1/me/webhooks', me.cookie)).json()[0]).toMatchObject({
      active: false,
      failureCount: 1,
    })

    const res = await call('POST', `/api/v1/me/webhooks/${created.id}/test`, me.cookie)
    expect(res.json()).toEqual({ delivered: true, status: 204, detail: null })
    const got = w.sink.received.filter((r) => r.path === '/t').at(-1)
    if (!got) throw new Error('no test event')
    expect(verifyWebhookRequest(created.secret, got)).toBe(true)
    const body = JSON.parse(got.body)
    expect(body).toMatchObject({ kind: 'webhook.test', title: 'Lingshi webhook test', messageId: null })
    expect(got.headers['idempotency-key']).toBe(body.deliveryId)
    expect((await call('GET', '/api/v1/me/webhooks', me.cookie)).json()[0]).toMatchObject({
      active: true,
      failureCount: 0,
      lastSuccessAt: expect.any(String),
    })
  })
})
