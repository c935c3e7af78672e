import path from 'node:path'
import { sql } from 'kysely'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { notify } from '../../src/modules/notifications/index.ts'
import { dayFromToday, uniqueEmail } from '../helpers/http.ts'
import { type E2E, SHOTS, startE2E } from './harness.ts'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true })

/** Until the service worker controls the page (it claims open pages once installed). */
async function controlledByWorker(page: Page): Promise<string> {
  await expect
    .poll(() => page.evaluate<string>("navigator.serviceWorker.controller?.scriptURL ?? ''"), {
      timeout: 60_000,
    })
    .toMatch(/\/sw\.js$/)
  return page.evaluate<string>("navigator.serviceWorker.controller?.scriptURL ?? ''")
}

/** A citizen with a trip to Tokyo under way, France followed, and a message in the inbox. */
async function citizenWithData(page: Page, name: string, locale: 'en' | 'zh-CN' = 'en') {
  const email = uniqueEmail('pwa')
  const reg = await page.request.post('/api/v1/auth/register', {
    data: { email, password: 'correct horse battery staple', name, locale },
  })
  expect(reg.status()).toBe(201)
  const me = (await (await page.request.get('/api/v1/me')).json()) as { id: string }
  const trip = await page.request.post('/api/v1/me/trips', {
    data: {
      destinations: [{ country: 'JP', city: 'Tokyo', address: 'Hotel Sakura 1-2-3' }],
      startDate: dayFromToday(0),
      endDate: dayFromToday(6),
    },
  })
  expect(trip.status(), await trip.text()).toBe(201)
  expect((await page.request.post('/api/v1/me/subscriptions', { data: { country: 'FR' } })).status()).toBe(
    201,
  )
  const { ctx } = e2e.rt
  await ctx.db.transaction().execute((trx) =>
    notify(
      ctx,
      trx,
      {
        kind: 'notice',
        title: { 'zh-CN': '东京台风提醒', en: 'Typhoon warning for Tokyo' },
        body: { 'zh-CN': '请避免外出，留意当地广播。', en: 'Stay indoors and follow local broadcasts.' },
      },
      sql<{ user_id: string }>`select ${me.id}::uuid as user_id`,
    ),
  )
  return { email, id: me.id }
}

describe('the citizen app as an installable app that works offline (issue #18)', () => {
  it('serves hashed files compressed and immutable, links a manifest and registers /sw.js on every load', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'en-GB' })
    const html = await (await page.request.get('/')).text()
    expect(html).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"/)
    const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as {
      name: string
      icons: Array<{ src: string; sizes: string }>
      start_url: string
      display: string
    }
    expect(manifest).toMatchObject({ start_url: '/', display: 'standalone' })
    expect(manifest.name).toMatch(/领事/)
    expect(manifest.name).toMatch(/Lingshi/)
    for (const icon of manifest.icons) expect((await page.request.get(icon.src)).status()).toBe(200)
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']))

    const script = html.match(/src="(\/assets\/index-[\w-]+\.js)"/)?.[1]
    expect(script).toBeTruthy()
    for (const encoding of ['br', 'gzip']) {
      const res = await e2e.browser.newContext().then(async (c) => {
        const r = await c.request.get(`${e2e.baseUrl}${script}`, { headers: { 'accept-encoding': encoding } })
        const headers = r.headers()
        await c.close()
        return headers
      })
      expect(res['content-encoding']).toBe(encoding)
      expect(res['cache-control']).toMatch(/immutable/)
    }
    const sw = await page.request.get('/sw.js')
    expect(sw.headers()['cache-control']).toBe('no-cache')
    expect(sw.headers()['service-worker-allowed']).toBe('/')
    // The build stamped the worker with its files: the entry script is among those kept.
    expect(await sw.text()).toContain(script)

    await page.goto('/')
    expect(await controlledByWorker(page)).toBe(`${e2e.baseUrl}/sw.js`)
    await page.goto('/missions')
    await expect
      .poll(() =>
        page.evaluate("navigator.serviceWorker.getRegistration('/').then((r) => r?.active?.scriptURL)"),
      )
      .toBe(`${e2e.baseUrl}/sw.js`)
    await context.close()
  })

  it('opens with no network after one visit: followed advice, the trip’s emergency numbers, the last messages', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'en-GB' })
    await citizenWithData(page, 'Chen Jing')
    await page.goto('/')
    await controlledByWorker(page)
    // One visit of each page while online, as a person would before the trip.
    await page.reload()
    await page.getByTestId('home-title').waitFor()
    await page.goto('/me/settings')
    await expect.poll(() => page.getByTestId('followed-list').textContent()).toContain('France')
    await page.goto('/me/trips')
    await page.getByTestId('local-police-JP').waitFor()
    await page.goto('/me/inbox')
    await expect.poll(() => page.getByTestId('inbox-list').textContent()).toContain('Typhoon warning')

    await context.setOffline(true)
    await page.goto('/me/trips')
    await page.getByTestId('offline-banner').waitFor()
    await page.getByTestId('trip-country-JP').getByTestId('local-police-JP').waitFor()
    expect(await page.getByTestId('local-police-JP').getAttribute('href')).toBe('tel:110')
    await page.getByTestId('mission-emergency-JP-TYO-EMB').waitFor()
    await shot(page, 'offline-trips-390-en.png')
    await page.goto('/me/settings')
    await expect.poll(() => page.getByTestId('followed-list').textContent()).toContain('France')
    await page.goto('/me/inbox')
    await expect.poll(() => page.getByTestId('inbox-list').textContent()).toContain('Typhoon warning')
    await shot(page, 'offline-inbox-390-en.png')
    // A page never opened before still has its code: the shell answers and says what it can.
    await page.goto('/')
    await page.getByTestId('home-title').waitFor()
    await context.setOffline(false)
    await context.close()
  })

  it('keeps an SOS written offline, says so, and sends it when the network returns', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await context.grantPermissions(['geolocation'])
    await context.setGeolocation({ latitude: 35.6896, longitude: 139.7006 })
    await citizenWithData(page, '周丽', 'zh-CN')
    await page.goto('/')
    await controlledByWorker(page)
    await page.reload()
    await page.goto('/me/help')
    await page.getByTestId('help-message').waitFor()

    await context.setOffline(true)
    await page.getByTestId('help-message').fill('在新宿站迷路，手机快没电')
    await page.getByTestId('help-confirm').click()
    await page.getByTestId('help-confirm-ok').click()
    await page.getByTestId('help-queued').waitFor()
    expect(await page.getByTestId('help-queued').textContent()).toContain('网络恢复后将自动发送')
    await shot(page, 'sos-queued-390-zh.png')
    // The server has nothing yet (this request is the test's own, not the offline page's).
    expect(await (await page.request.get('/api/v1/me/help')).json()).toEqual([])

    await context.setOffline(false)
    await page.getByTestId('help-reference').waitFor({ timeout: 30_000 })
    const sent = (await (await page.request.get('/api/v1/me/help')).json()) as Array<{ message: string }>
    expect(sent).toHaveLength(1)
    expect(sent[0]?.message).toBe('在新宿站迷路，手机快没电')
    await shot(page, 'sos-sent-after-offline-390-zh.png')
    await context.close()
  })

  it('forgets the kept copies at sign-out', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 800, locale: 'en-GB' })
    await citizenWithData(page, 'Sun Hao')
    await page.goto('/')
    await controlledByWorker(page)
    await page.reload()
    await page.goto('/me/inbox')
    await expect.poll(() => page.getByTestId('inbox-list').textContent()).toContain('Typhoon warning')
    const kept = () =>
      page.evaluate<string[]>(
        "caches.open('lingshi-api').then((c) => c.keys()).then((rs) => rs.map((r) => new URL(r.url).pathname))",
      )
    expect(await kept()).toContain('/api/v1/me/inbox')
    await page.getByTestId('account-menu').click()
    await page.getByTestId('sign-out').click()
    await page.waitForURL(/\/login/)
    await expect.poll(kept).toEqual([])
    await context.close()
  })
})
