import path from 'node:path'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.ts'
import { createLogger } from '../../src/platform/log/logger.ts'
import { expectProblem, registerCitizen } from '../helpers/http.ts'
import { TMP } from '../helpers/template.ts'
import { startTestRuntime, type TestRuntime } from '../helpers/test-runtime.ts'

/** Every line logged, as written. */
const lines: string[] = []
const log = () => lines.join('')

/** What a person sends: none of it may appear in a log line. */
const SENT = {
  name: 'Ouyang Xiaoming 欧阳晓明',
  phone: '+8613912345678',
  summary: 'Passport E98765432 stolen at the Louvre',
  cookie: 'lingshi_session=s3ss10n-t0k3n-n0t-f0r-l0gs',
  authorization: 'Bearer 4uth-t0k3n-n0t-f0r-l0gs',
}

/** A log destination that keeps every line in `lines`. */
function capture(): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'))
      done()
    },
  })
}

let rt: TestRuntime
let app: FastifyInstance
beforeAll(async () => {
  rt = await startTestRuntime()
  const sink = capture()
  // The app as served, with request logging on (debug) and its log captured.
  const ctx = { ...rt.ctx, config: { ...rt.ctx.config, logLevel: 'debug' as const } }
  app = await buildApp(
    { ...ctx, log: createLogger('debug', sink) },
    { readiness: { ready: true, stage: 'ready' }, webRoot: path.join(TMP, 'no-web') },
  )
  const body = (request: { body: unknown }) => request.body as typeof SENT
  // Test-only routes that fail the way a real one did: a statement with personal data as parameters.
  app.post('/api/v1/test-only/database-failure', { config: { access: 'public' } }, async (request) => {
    const { name, phone, summary } = body(request)
    await sql`insert into no_such_table (name, phone, summary) values (${name}, ${phone}, ${summary})`.execute(
      rt.ctx.db,
    )
  })
  app.post('/api/v1/test-only/refused-value', { config: { access: 'public' } }, async (request) => {
    await sql`select ${body(request).name}::date, ${body(request).phone}::int`.execute(rt.ctx.db)
  })
  app.post('/api/v1/test-only/thrown', { config: { access: 'public' } }, async (request) => {
    throw new Error(`could not reach "${body(request).phone}"`)
  })
  await app.ready()
})
afterAll(async () => {
  await app?.close()
  await rt?.close()
})

describe('a failing request leaves no personal data and no secret in the log', () => {
  it('a database failure: the SQLSTATE and the route are logged, the values are not', async () => {
    const post = (url: string) =>
      app.inject({
        method: 'POST',
        url: `${url}?q=${encodeURIComponent(SENT.name)}`,
        headers: { cookie: SENT.cookie, authorization: SENT.authorization },
        payload: SENT,
      })
    expectProblem(await post('/api/v1/test-only/database-failure'), 500, 'internal')
    expectProblem(await post('/api/v1/test-only/refused-value'), 400, 'request.bad_value')
    expectProblem(await post('/api/v1/test-only/thrown'), 500, 'internal')

    const text = log()
    expect(text).toContain('"code":"42P01"')
    expect(text).toContain('"route":"/api/v1/test-only/database-failure"')
    expect(text).toContain('"code":"22007"')
    expect(text).toContain('could not reach')
    expect(text).toContain('incoming request')
    for (const [what, value] of Object.entries(SENT)) {
      expect(text, what).not.toContain(value)
      expect(text, what).not.toContain(JSON.stringify(value).slice(1, -1))
    }
    for (const part of ['Ouyang', '欧阳', '8613912345678', 'E98765432', 's3ss10n', '4uth-t0k3n'])
      expect(text).not.toContain(part)
  })

  it("a real route's refusal of a citizen's text logs nothing of it", async () => {
    const citizen = await registerCitizen(app, { name: SENT.name })
    const before = lines.length
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/me/help',
      headers: { cookie: citizen.cookie },
      payload: { message: `${SENT.summary}\u0000` },
    })
    expectProblem(res, 400, 'validation.bad_text')
    const text = lines.slice(before).join('')
    expect(text).not.toContain('E98765432')
    expect(text).not.toContain(citizen.cookie.split('=')[1])
  })

  it('redacts session cookies and credentials wherever code logs them', () => {
    const before = lines.length
    const logger = createLogger('info', capture())
    logger.info({ headers: { cookie: SENT.cookie, authorization: SENT.authorization } }, 'headers')
    logger.info(
      { req: { headers: { cookie: SENT.cookie } }, password: 'hunter22', user: { token: 't0k' } },
      'x',
    )
    const text = lines.slice(before).join('')
    expect(text).toContain('[redacted]')
    for (const secret of ['s3ss10n', '4uth-t0k3n', 'hunter22', 't0k"']) expect(text).not.toContain(secret)
  })
})
