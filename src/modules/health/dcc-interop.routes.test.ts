import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dccVectors, expectedChecks } from '../../../test/health/dcc-vectors.ts'
import { caller, login } from '../../../test/helpers/http.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { seedDemo } from '../../seed/demo.ts'

let rt: TestRuntime
let admin: string
beforeAll(async () => {
  rt = await startTestRuntime()
  await seedDemo(rt.ctx)
  admin = (await login(rt.app, 'admin@demo.lingshi', 'lingshi-demo')).cookie
})
afterAll(async () => {
  await rt?.close()
})

const call: ReturnType<typeof caller> = (...args) => caller(rt.app)(...args)

/** The vector's country from its file name (AT_1.json → AT); the common vectors come from DE's test data. */
const countryOf = (name: string) => (name.startsWith('common_') ? 'DE' : name.slice(0, 2))

describe('the EU dgc-testdata vectors through the API: trust-list import, then verification at their clock', () => {
  const vectors = dccVectors()

  it('holds every vector of the corpus', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(13)
  })

  it('imports every signer certificate (TESTCTX.CERTIFICATE) through the trust-list route', async () => {
    for (const v of vectors) {
      const res = await call('POST', '/api/v1/health/trust-list/entries', admin, {
        certificate: v.certificate,
        country: countryOf(v.name),
      })
      expect([200, 201], `${v.name}: ${res.body}`).toContain(res.statusCode)
    }
    const list = (await call('GET', '/api/v1/health/trust-list')).json().certificates as Array<{
      rawData: string
    }>
    for (const v of vectors) expect(list.map((c) => c.rawData)).toContain(v.certificate)
  })

  for (const v of vectors) {
    it(`${v.name}: ${expectedChecks(v)
      .map(([c, e]) => `${c} ${e}`)
      .join(', ')}`, async () => {
      const res = await call('POST', '/api/v1/health/verify', undefined, { qr: v.prefix, at: v.clock })
      expect(res.statusCode, res.body).toBe(200)
      const verdict = res.json()
      const got = Object.fromEntries(expectedChecks(v).map(([check]) => [check, verdict.checks[check]]))
      expect(got).toEqual(Object.fromEntries(expectedChecks(v)))
      const allTrue = Object.values(v.expected).every(Boolean)
      if (allTrue && v.expected.EXPECTEDVERIFY) expect(verdict.holder?.dob).toMatch(/^\d{4}/)
    })
  }
})
