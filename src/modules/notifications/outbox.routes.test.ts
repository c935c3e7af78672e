import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectProblem, login, registerCitizen } from '../../../test/helpers/http.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { seedDemo } from '../../seed/demo.ts'

let rt: TestRuntime
beforeAll(async () => {
  rt = await startTestRuntime({ demo: true, work: true })
  await seedDemo(rt.ctx)
})
afterAll(async () => {
  await rt?.close()
})

describe('the demo outbox', () => {
  it('captures e-mail when no SMTP server is configured and shows it to administrators only', async () => {
    const citizen = await registerCitizen(rt.app, { locale: 'en' })
    const duty = (await login(rt.app, 'duty@demo.lingshi', 'lingshi-demo')).cookie
    const admin = (await login(rt.app, 'admin@demo.lingshi', 'lingshi-demo')).cookie
    await rt.app.inject({
      method: 'POST',
      url: '/api/v1/me/subscriptions',
      headers: { cookie: citizen.cookie },
      payload: { country: 'TH' },
    })
    await rt.app.inject({
      method: 'PUT',
      url: '/api/v1/advisories/TH',
      headers: { cookie: duty },
      payload: { level: 1, summary: { 'zh-CN': '雨季注意洪水。', en: 'Rainy season: watch for floods.' } },
    })
    expect(
      (
        await rt.app.inject({
          method: 'POST',
          url: '/api/v1/advisories/TH/publish',
          headers: { cookie: duty },
        })
      ).statusCode,
    ).toBe(200)
    const outbox = async () =>
      (
        await rt.app.inject({ method: 'GET', url: '/api/v1/outbox', headers: { cookie: admin } })
      ).json() as Array<{
        to: string
        subject: string
        body: string
      }>
    await expect
      .poll(async () => (await outbox()).find((m) => m.to === citizen.email)?.subject, { timeout: 20_000 })
      .toContain('Thailand')
    expect((await outbox()).find((m) => m.to === citizen.email)?.body).toContain('Rainy season')
    expectProblem(
      await rt.app.inject({ method: 'GET', url: '/api/v1/outbox', headers: { cookie: duty } }),
      403,
      'auth.forbidden',
    )
  })
})
