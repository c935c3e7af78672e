import net, { type AddressInfo } from 'node:net'
import { uuidv7 } from 'uuidv7'
import { describe, expect, it } from 'vitest'
import { caller, expectProblem } from '../../../test/helpers/http.ts'
import { enterpriseAccount, withWebhookSink } from '../../../test/helpers/notify.ts'
import { loadConfig } from '../../config.ts'

const w = withWebhookSink()

const call: ReturnType<typeof caller> = (...args) => caller(w.rt.app)(...args)

const enterprise = () => enterpriseAccount(w.rt)

/** A port on this machine where nothing listens. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('webhook addresses (issue #16, finding 10)', () => {
  it('refuses IPv6 transition and mapped forms of private addresses, and ports other than 443', async () => {
    const me = await enterprise()
    for (const url of [
      'https://[2002:7f00:1::]/hook',
      'https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook',
      'https://[64:ff9b::a00:1]/hook',
      'https://[::ffff:7f00:1]/hook',
      'https://[::127.0.0.1]/hook',
      'https://[fd00::1]/hook',
      'https://[fe80::1]/hook',
      'https://[ff02::1]/hook',
      'https://100.64.0.1/hook',
      'https://partner.example:8443/hook',
      'https://partner.example:22/hook',
      'https://8.8.8.8:6379/hook',
    ]) {
      expectProblem(
        await call('POST', '/api/v1/me/webhooks', me.cookie, { url }),
        400,
        'webhook.url_not_allowed',
      )
    }
    expect((await call('GET', '/api/v1/me/webhooks', me.cookie)).json()).toEqual([])
  })

  it('allows the ports the operator configures', () => {
    expect(loadConfig({ OUTBOUND_ALLOWED_PORTS: '8443,9443' }).webhooks.allowedPorts).toEqual([
      443, 8443, 9443,
    ])
    expect(loadConfig({}).push.allowedPorts).toEqual([443])
    expect(() => loadConfig({ OUTBOUND_ALLOWED_PORTS: '0' })).toThrow(/OUTBOUND_ALLOWED_PORTS/)
    expect(() => loadConfig({ OUTBOUND_ALLOWED_PORTS: 'all' })).toThrow(/OUTBOUND_ALLOWED_PORTS/)
  })

  it('answers a test with a plain verdict: no connection error, no body, no port', async () => {
    const me = await enterprise()
    const port = await closedPort()
    const closed = (
      await call('POST', '/api/v1/me/webhooks', me.cookie, { url: `http://127.0.0.1:${port}/x` })
    ).json()
    const verdict = (await call('POST', `/api/v1/me/webhooks/${closed.id}/test`, me.cookie)).json()
    expect(verdict).toEqual({ delivered: false, status: null, detail: 'The endpoint could not be reached' })
    expect(JSON.stringify(verdict)).not.toMatch(/ECONNREFUSED|connect|127\.0\.0\.1|\d{4,5}/)

    const answered = (
      await call('POST', '/api/v1/me/webhooks', me.cookie, { url: `${w.sink.origin}/inner` })
    ).json()
    w.sink.answer('/inner', { status: 500, body: 'Redis at 10.0.0.7:6379 refused: internal stack trace' })
    const refused = (await call('POST', `/api/v1/me/webhooks/${answered.id}/test`, me.cookie)).json()
    expect(refused).toEqual({ delivered: false, status: 500, detail: 'The endpoint answered 500' })
  })

  it('checks a stored URL again when connecting (stored before the rules, or by hand)', async () => {
    const me = await enterprise()
    const before = w.sink.received.length
    for (const url of ['https://[2002:7f00:1::]/hook', 'https://93.184.215.14:8443/hook']) {
      const id = uuidv7()
      await w.rt.ctx.db
        .insertInto('webhook_endpoints')
        .values({
          id,
          user_id: me.userId,
          url,
          secret_sealed: w.rt.ctx.secrets.seal('whsec_x'),
          description: null,
        })
        .execute()
      const verdict = (await call('POST', `/api/v1/me/webhooks/${id}/test`, me.cookie)).json()
      expect(verdict).toEqual({ delivered: false, status: null, detail: 'The endpoint could not be reached' })
    }
    expect(w.sink.received.length).toBe(before)
  })
})
