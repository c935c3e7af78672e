import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectProblem, registerCitizen } from '../test/helpers/http.ts'
import { startTestRuntime, type TestRuntime } from '../test/helpers/test-runtime.ts'

let rt: TestRuntime
beforeAll(async () => {
  rt = await startTestRuntime()
})
afterAll(async () => {
  await rt?.close()
})

describe('the platform shell', () => {
  it('answers health and readiness', async () => {
    const health = await rt.app.inject({ method: 'GET', url: '/healthz' })
    expect(health.statusCode).toBe(200)
    expect(health.json()).toEqual({ status: 'ok' })
    expect((await rt.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200)
  })

  it('tells the web app whether it runs in demo mode (for the ribbon)', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/platform.json' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ demo: rt.ctx.config.demo })
  })

  it('publishes an OpenAPI 3 document with full paths, and a browsable page', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(res.statusCode).toBe(200)
    const doc = res.json()
    expect(doc.openapi).toMatch(/^3\./)
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/auth/register',
      '/api/v1/me',
      '/api/v1/countries',
      '/api/v1/geo/country-at',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path)
    }
    const docs = await rt.app.inject({ method: 'GET', url: '/api/docs/' })
    expect(docs.statusCode).toBe(200)
    expect(docs.headers['content-type']).toMatch(/html/)
  })

  it('sets security headers on every response', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/api/v1/countries/JP' })
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/)
    expect(res.headers['x-frame-options']).toBeDefined()
    expect(res.headers['referrer-policy']).toBeDefined()
  })

  it('answers an unknown API path with a problem, not HTML', async () => {
    expectProblem(await rt.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'route.not_found')
  })
})

describe('every API route declares who may call it', () => {
  it('answers 401 without a session and 403 for a citizen on every non-public route', async () => {
    const citizen = await registerCitizen(rt.app)
    const routes = [...rt.app.routeAccess.entries()]
    expect(routes.length).toBeGreaterThan(10)
    for (const [key, access] of routes) {
      if (access === 'public') continue
      const [method, pattern] = key.split(' ') as [string, string]
      const url = pattern.replace(/:(\w+)/g, '0190a0a0-0000-7000-8000-000000000000')
      const anon = await rt.app.inject({
        method: method as 'GET',
        url,
        payload: method === 'GET' ? undefined : {},
      })
      expectProblem(anon, 401, 'auth.unauthenticated')
      if (!access.roles.includes('citizen')) {
        const res = await rt.app.inject({
          method: method as 'GET',
          url,
          headers: { cookie: citizen.cookie },
          payload: method === 'GET' ? undefined : { unknown: 'field' },
        })
        expectProblem(res, 403, 'auth.forbidden')
      }
    }
  })
})
