import http from 'node:http'
import type { AddressInfo } from 'node:net'
import net from 'node:net'
import { describe, expect, it } from 'vitest'
import { alertXml } from '../helpers/cap-xml.ts'
import { withDemoRuntime } from '../helpers/demo-runtime.ts'
import { expectProblem, registerCitizen } from '../helpers/http.ts'

const { runtime, staff, call } = withDemoRuntime()

interface RawAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** The app on a real socket: what Node's HTTP parser refuses never reaches `inject`. */
async function onSocket<T>(use: (port: number) => Promise<T>): Promise<T> {
  const app = runtime().app
  if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' })
  return use((app.server.address() as AddressInfo).port)
}

function rawGet(port: number, path: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
  })
}

/** Bytes straight to the socket, and the answer as text. */
function rawBytes(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes))
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (answer += chunk))
    socket.on('close', () => resolve(answer))
    socket.on('error', reject)
  })
}

function expectRawProblem(res: RawAnswer, status: number, code: string): void {
  expect(res.status, res.body).toBe(status)
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
  expect(JSON.parse(res.body)).toMatchObject({ status, code })
}

describe("Fastify's and Node's own refusals are problem+json with a stable code", () => {
  it('a URL that is not UTF-8, and a path parameter over the length limit', async () => {
    expectProblem(await call('GET', '/api/v1/cases/%E0%A4%A', staff.duty), 400, 'request.bad_url')
    expectProblem(await call('GET', '/api/v1/countries/%E0%A4%A'), 400, 'request.bad_url')
    expectProblem(
      await call('GET', `/api/v1/cases/${'a'.repeat(300)}`, staff.duty),
      414,
      'request.param_too_long',
    )
  })

  it('a URL longer than the HTTP parser takes, and bytes that are not HTTP', async () => {
    await onSocket(async (port) => {
      expectRawProblem(
        await rawGet(port, `/api/v1/countries?q=${'x'.repeat(20_000)}`),
        431,
        'request.headers_too_large',
      )
      const garbage = await rawBytes(port, 'NOT HTTP AT ALL\r\n\r\n')
      expect(garbage).toMatch(/^HTTP\/1\.1 400 /)
      expect(garbage).toMatch(/content-type: application\/problem\+json/i)
      expect(garbage).toContain('"code":"request.malformed"')
    })
  })

  it('bodies that are not JSON, empty, too large, or of a type no route takes', async () => {
    const citizen = await registerCitizen(runtime().app)
    const post = (payload: string, type?: string) =>
      runtime().app.inject({
        method: 'POST',
        url: '/api/v1/me/help',
        headers: { cookie: citizen.cookie, ...(type ? { 'content-type': type } : {}) },
        payload,
      })
    expectProblem(await post('{"message": ', 'application/json'), 400, 'request.malformed_json')
    expectProblem(
      await post('{"__proto__": {"admin": true}}', 'application/json'),
      400,
      'request.malformed_json',
    )
    expectProblem(await post('', 'application/json'), 400, 'request.empty_body')
    expectProblem(await post('help', 'text/plain'), 415, 'request.unsupported_media_type')
    expectProblem(await post('<help/>', 'application/xml'), 415, 'request.unsupported_media_type')
    expectProblem(await post('help', 'no/such-type'), 415, 'request.unsupported_media_type')
    const large = JSON.stringify({ message: 'x'.repeat(1_100_000) })
    expectProblem(await post(large, 'application/json'), 413, 'request.too_large')
  })

  it('unknown routes and methods', async () => {
    expectProblem(await call('GET', '/api/v1/nothing-here'), 404, 'route.not_found')
    expectProblem(await call('DELETE', '/api/v1/countries'), 404, 'route.not_found')
    expectProblem(await call('POST', '/not-the-api'), 404, 'route.not_found')
  })
})

describe('text the database cannot store is a 400, never a 500', () => {
  it('NUL characters in a help request, a search, a webhook, a removal reason', async () => {
    const citizen = await registerCitizen(runtime().app)
    const help = await call('POST', '/api/v1/me/help', citizen.cookie, { message: 'x\u0000y' })
    expectProblem(help, 400, 'validation.bad_text')
    expect(help.json().errors).toEqual([{ path: 'message', message: expect.any(String) }])
    expect((await call('GET', '/api/v1/me/export', citizen.cookie)).json().helpRequests ?? []).toEqual([])

    const search = await call('GET', '/api/v1/people?q=%00', staff.duty)
    expectProblem(search, 400, 'validation.bad_text')
    expect(search.json().errors[0].path).toBe('querystring.q')
    expectProblem(await call('GET', '/api/v1/people?mission=%00', staff.duty), 400, 'validation.bad_text')
    expectProblem(await call('GET', '/api/v1/countries/%00'), 400, 'validation.bad_text')
    expectProblem(
      await call('POST', '/api/v1/me/webhooks', staff.admin, {
        url: 'https://partner.example/hook',
        description: 'desk\u0000',
      }),
      400,
      'validation.bad_text',
    )
    expectProblem(
      await call('DELETE', `/api/v1/cases/${ZERO_ID}/attachments/${ZERO_ID}`, staff.duty, {
        reason: 'wrong\u0000file',
      }),
      400,
      'validation.bad_text',
    )
    // A key is text too.
    expectProblem(
      await call('POST', '/api/v1/me/help', citizen.cookie, { 'a\u0000': 1 }),
      400,
      'validation.bad_text',
    )
  })

  it('half a surrogate pair in an advisory, in a feed item, raw in JSON', async () => {
    const advisory = await call('PUT', '/api/v1/advisories/JP', staff.duty, {
      level: 1,
      summary: { 'zh-CN': '注意安全', en: 'Take care \ud800' },
    })
    expectProblem(advisory, 400, 'validation.bad_text')
    expect(advisory.json().errors[0].path).toBe('summary.en')
    const feed = await runtime().app.inject({
      method: 'POST',
      url: '/api/v1/alerts/feeds/usgs',
      headers: { cookie: staff.duty, 'content-type': 'application/json' },
      payload: '{"type":"FeatureCollection","features":[{"properties":{"title":"M 6 \\udc00 near Tokyo"}}]}',
    })
    expectProblem(feed, 400, 'validation.bad_text')
    // A whole character written as its surrogate pair is fine.
    const pair = await runtime().app.inject({
      method: 'POST',
      url: '/api/v1/me/help',
      headers: { cookie: (await registerCitizen(runtime().app)).cookie, 'content-type': 'application/json' },
      payload: '{"message":"\\ud83c\\udd98 help"}',
    })
    expect(pair.statusCode, pair.body).toBe(201)
  })
})

describe('dates outside any record are a 400, never a 500', () => {
  it('years 0000 and 9999 in queries and bodies', async () => {
    for (const on of ['0000-01-01', '9999-12-31', '+010000-01-01']) {
      const res = await call('GET', `/api/v1/people?on=${encodeURIComponent(on)}`, staff.duty)
      expectProblem(res, 400, 'validation.failed')
      expect(res.json().errors[0].path).toBe('querystring.on')
    }
    expectProblem(
      await call('GET', '/api/v1/contacts?since=0000-01-01T00:00:00Z', staff.operator),
      400,
      'validation.failed',
    )
    const citizen = await registerCitizen(runtime().app)
    expectProblem(
      await call('PUT', '/api/v1/me/residence', citizen.cookie, { country: 'JP', since: '0000-01-01' }),
      400,
      'validation.failed',
    )
    expect((await call('GET', '/api/v1/people?on=2030-01-01', staff.duty)).statusCode).toBe(200)
  })

  it('a CAP message sent in 9999 is refused as bad input', async () => {
    const res = await runtime().app.inject({
      method: 'POST',
      url: '/api/v1/alerts/cap',
      headers: { cookie: staff.duty, 'content-type': 'application/cap+xml' },
      payload: alertXml({ sent: '9999-12-31T23:59:59+00:00', identifier: 'CN-MFA-9999' }),
    })
    expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400)
    expect(res.statusCode, res.body).toBeLessThan(500)
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(res.json().code).toEqual(expect.any(String))
  })
})

const ZERO_ID = '0190a0a0-0000-7000-8000-000000000000'
