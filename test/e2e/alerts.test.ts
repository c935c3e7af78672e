import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayFromToday, uniqueEmail } from '../helpers/http.ts'
import { type E2E, SHOTS, startE2E } from './harness.ts'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

const PASSWORD = 'a long enough passphrase'
const IN_TOKYO = {
  email: uniqueEmail('tokyo'),
  name: 'Chen Jing 陈静',
  lat: 35.6812,
  lon: 139.7671,
  country: 'JP',
}
const IN_PARIS = {
  email: uniqueEmail('paris'),
  name: 'Zhou Min 周敏',
  lat: 48.8566,
  lon: 2.3522,
  country: 'FR',
}

async function signIn(page: Page, email: string, password = 'lingshi-demo'): Promise<void> {
  await page.goto('/login')
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0)
  await page.evaluate('window.scrollTo(0, 0)')
  for (const map of await page.locator('svg[data-scale]').all())
    await map.and(page.locator('[data-ready]')).waitFor()
  await page.screenshot({
    path: path.join(SHOTS, `alerts-${name}.png`),
    fullPage: true,
    animations: 'disabled',
  })
}

/** A statistic's number, without its title. */
const figure = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('.ant-statistic-content-value').textContent()

describe('a safety alert, from the map to the answers', () => {
  let alertId = ''

  it('registers one traveller in Tokyo and one in Paris', async () => {
    for (const who of [IN_TOKYO, IN_PARIS]) {
      const { page, context } = await e2e.newPage()
      const api = page.request
      const reg = await api.post('/api/v1/auth/register', {
        data: { email: who.email, password: PASSWORD, name: who.name },
      })
      expect(reg.status(), await reg.text()).toBe(201)
      const trip = await api.post('/api/v1/me/trips', {
        data: {
          destinations: [{ country: who.country, lat: who.lat, lon: who.lon }],
          startDate: dayFromToday(-1),
          endDate: dayFromToday(7),
        },
      })
      expect(trip.status(), await trip.text()).toBe(201)
      await context.close()
    }
  }, 180_000)

  it('lets a duty officer draw an area over Tokyo, see its reach, and send it', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 900, locale: 'zh-CN' })
    await signIn(page, 'duty@demo.lingshi')
    await page.goto('/console/alerts')
    await page.getByTestId('new-alert').click()
    await page.getByTestId('composer-title').waitFor()

    await page.getByTestId('template').click()
    await page.locator('.ant-select-item-option[title="地震"]').click()
    expect(await page.getByTestId('text-zh-CN-headline').inputValue()).toBe('该地区发生强烈地震')

    await page.getByTestId('map-goto').click()
    await page.keyboard.type('东京')
    await page.keyboard.press('Enter')
    const tokyo = page.locator('[data-mission="JP-TYO-EMB"] circle')
    await page.locator('[data-mission="JP-TYO-EMB"] text').waitFor()
    await page.getByTestId('area-map').scrollIntoViewIfNeeded()
    const box = await tokyo.boundingBox()
    if (!box) throw new Error('the Tokyo marker is not on the map')
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2]
    const corners: Array<[number, number]> = [
      [x - 110, y - 90],
      [x + 110, y - 90],
      [x + 110, y + 90],
      [x - 110, y + 90],
    ]
    for (const [cx, cy] of corners) await page.mouse.click(cx, cy)
    expect(await page.getByTestId('vertex').count()).toBe(3)
    await page.mouse.click(x - 110, y - 90)
    await page.getByTestId('shape-polygon').waitFor()
    expect(await page.getByTestId('pending-polygon').count()).toBe(0)

    await expect.poll(() => page.getByTestId('text-zh-CN-headline').inputValue()).toContain('东京')
    expect(await page.getByTestId('text-zh-CN-areaDesc').inputValue()).toBe('东京及周边地区')
    await shot(page, 'compose-1280-zh')

    await page.getByTestId('save-draft').click()
    await page.waitForURL(/\/console\/alerts\/[0-9a-f-]{36}$/)
    alertId = page.url().split('/').at(-1) ?? ''
    await page.getByTestId('reach').waitFor()
    expect(Number(await figure(page, 'reach-people'))).toBeGreaterThanOrEqual(1)
    await page.getByTestId('area-shape').first().waitFor()
    await shot(page, 'draft-1280-zh')

    await page.getByTestId('send-alert').click()
    const warning = await page.getByTestId('send-warning').textContent()
    expect(warning).toMatch(/该预警将发送给 [1-9]\d* 人/)
    await shot(page, 'confirm-1280-zh')
    await page.getByTestId('send-confirm').click()
    await page.getByTestId('live-board').waitFor({ timeout: 30_000 })
    await expect
      .poll(async () => Number(await figure(page, 'board-reached')), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(1)
    await context.close()
  }, 180_000)

  it('shows the alert to the traveller in Tokyo in Chinese, who answers that she is safe', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await signIn(page, IN_TOKYO.email, PASSWORD)
    await page.getByTestId('alert-ask').waitFor()
    await page.getByTestId('tab-inbox').click()
    await page.getByTestId('inbox-item').filter({ hasText: '地震' }).first().waitFor()
    await shot(page, 'inbox-390-zh')
    await page.getByTestId('inbox-open').first().click()
    await page.waitForURL(`**/alerts/${alertId}`)
    expect(await page.getByTestId('my-alert-headline').textContent()).toBe('东京及周边地区发生强烈地震')
    expect(await page.getByTestId('my-alert-instruction').textContent()).toContain('余震')
    await page.getByTestId('my-alert-map').getByTestId('area-shape').waitFor()
    await page.getByTestId('answer-safe').click()
    await expect.poll(() => page.getByTestId('my-answer').textContent()).toContain('安全')
    expect(await page.getByTestId('answer-safe').getAttribute('aria-pressed')).toBe('true')
    await shot(page, 'citizen-390-zh')
    await page.goto('/me/alerts')
    await page.getByTestId('my-alert-item').first().waitFor()
    expect(await page.getByTestId('alert-ask').count()).toBe(0)
    await shot(page, 'citizen-list-390-zh')
    await context.close()
  }, 180_000)

  it('counts the answer on the live board, and lists who is still unanswered', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 900, locale: 'zh-CN' })
    await signIn(page, 'duty@demo.lingshi')
    await page.goto(`/console/alerts/${alertId}`)
    await expect.poll(() => figure(page, 'board-safe'), { timeout: 20_000 }).toBe('1')
    await page.getByTestId('answer-cell').first().waitFor()
    await page.getByTestId('recipients-table').waitFor()
    await page.getByTestId('recipients-filter').getByText('安全').click()
    await page.getByTestId('recipients-table').getByText('Chen Jing').waitFor()
    await shot(page, 'board-1280-zh')
    await context.close()

    const phone = await e2e.newPage({ width: 390, height: 844, locale: 'en-GB' })
    await signIn(phone.page, 'operator@demo.lingshi')
    await phone.page.goto('/console/alerts')
    await phone.page.getByTestId('alert-link').first().waitFor()
    await phone.page.goto(`/console/alerts/${alertId}`)
    await expect.poll(() => figure(phone.page, 'board-safe'), { timeout: 20_000 }).toBe('1')
    expect(await phone.page.getByTestId('send-alert').count()).toBe(0)
    await shot(phone.page, 'board-390-en')
    await phone.context.close()
  }, 180_000)

  it('shows the same alert in English on a wide screen', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 900, locale: 'en-GB' })
    await signIn(page, IN_TOKYO.email, PASSWORD)
    await page.goto(`/alerts/${alertId}`)
    expect(await page.getByTestId('my-alert-headline').textContent()).toBe('Strong earthquake in Tokyo area')
    expect(await page.getByTestId('my-answer').textContent()).toContain('Safe')
    await shot(page, 'citizen-1280-en')
    await context.close()
  }, 180_000)

  it('shows the alert in force on Japan’s public advisory page, and none on France’s', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await page.goto('/advisories/JP')
    await expect
      .poll(() => page.getByTestId('country-alerts').textContent())
      .toContain('东京及周边地区发生强烈地震')
    await shot(page, 'country-390-zh')
    await page.goto('/advisories/FR')
    await page.getByTestId('country-summary').waitFor()
    expect(await page.getByTestId('country-alerts').count()).toBe(0)
    await context.close()
  }, 180_000)

  it('reaches nobody outside the area: the traveller in Paris gets nothing', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await signIn(page, IN_PARIS.email, PASSWORD)
    const mine = await (await page.request.get('/api/v1/me/alerts')).json()
    expect(mine.items.map((a: { id: string }) => a.id)).not.toContain(alertId)
    await page.goto('/me/alerts')
    await page.getByTestId('my-alerts-empty').waitFor()
    expect(await page.getByTestId('alert-ask').count()).toBe(0)
    expect((await page.request.get(`/api/v1/me/alerts/${alertId}`)).status()).toBe(404)
    await shot(page, 'citizen-none-390-zh')
    await context.close()
  }, 180_000)

  // The signed link's server side (a GET shows, a POST answers; forged, replayed, cancelled and
  // expired links) is tested in src/modules/alerts/alert-answer.routes.test.ts; here the page's side.
  it('opens an e-mailed one-click link without signing in, shows the question, and answers on a tap', async () => {
    const admin = await e2e.newPage()
    await signIn(admin.page, 'admin@demo.lingshi')
    const outbox = (await (await admin.page.request.get('/api/v1/outbox?limit=500')).json()) as {
      to: string
      body: string
    }[]
    await admin.context.close()
    const link = outbox
      .filter((m) => m.to === IN_TOKYO.email)
      .flatMap((m) => m.body.match(/https?:\/\/\S+\/alerts\/[0-9a-f-]+\/answer\?\S+/g) ?? [])
      .map((l) => new URL(l))
      .find(
        (l) => l.pathname === `/alerts/${alertId}/answer` && l.searchParams.get('answer') === 'not_in_area',
      )
    if (!link) throw new Error('no answer link was e-mailed to the traveller in Tokyo')

    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'en-GB' })
    await page.goto(`${link.pathname}${link.search}`)
    await page.getByTestId('answer-link-question').waitFor()
    expect(await page.getByTestId('answer-link-question').textContent()).toContain('Are you safe?')
    expect(await page.getByTestId('answer-link-done').count()).toBe(0)
    await shot(page, 'link-390-en')
    await page.getByTestId('answer-not_in_area').click()
    await page.getByTestId('answer-link-done').waitFor()
    expect(await page.getByTestId('answer-link-done').textContent()).toContain('Not in the area')

    await page.goto(
      `/alerts/${alertId}/answer?user=${crypto.randomUUID()}&answer=*&sig=abcdefghijklmnopqrstuv`,
    )
    await page.getByTestId('answer-link-error').waitFor()
    expect(await page.getByTestId('answer-buttons').count()).toBe(0)
    await page.goto(`/alerts/${alertId}/answer?answer=safe`)
    await page.getByTestId('answer-link-incomplete').waitFor()
    await context.close()
  }, 180_000)

  it('lists the alert in the console, in English', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 900, locale: 'en-GB' })
    await signIn(page, 'duty@demo.lingshi')
    await page.goto('/console/alerts')
    await page.getByTestId('alerts-table').getByText('Strong earthquake in Tokyo area').waitFor()
    await page.getByTestId('status-tab-sent').click()
    await page.getByTestId('alerts-table').getByText('Strong earthquake in Tokyo area').waitFor()
    await shot(page, 'list-1280-en')
    await context.close()
  }, 180_000)

  it('holds an officer’s severe alert until a duty officer approves it', async () => {
    const officer = await e2e.newPage({ width: 390, height: 844, locale: 'en-GB' })
    await signIn(officer.page, 'officer.tokyo@demo.lingshi')
    await officer.page.goto('/console/alerts/new')
    await officer.page.getByTestId('save-draft').click()
    await officer.page.getByTestId('area-error').waitFor()
    await shot(officer.page, 'compose-390-en')
    const created = await officer.page.request.post('/api/v1/alerts', {
      data: {
        status: 'Actual',
        msgType: 'Alert',
        scope: 'Public',
        info: ['zh-CN', 'en'].map((language) => ({
          language,
          category: ['Security'],
          event: language === 'en' ? 'Civil unrest' : '社会动荡',
          urgency: 'Immediate',
          severity: 'Severe',
          certainty: 'Observed',
          headline: language === 'en' ? 'Protests in Shinjuku' : '新宿发生抗议活动',
          area: [{ areaDesc: 'Shinjuku', circle: ['35.69,139.70 3'] }],
        })),
      },
    })
    expect(created.status(), await created.text()).toBe(201)
    const id = (await created.json()).id as string
    await officer.page.goto(`/console/alerts/${id}`)
    await officer.page.getByTestId('send-alert').click()
    expect(await officer.page.getByTestId('send-confirm').textContent()).toBe('Submit')
    await officer.page.getByTestId('send-confirm').click()
    await officer.page.getByTestId('pending-approval').waitFor()
    expect(await officer.page.getByTestId('send-alert').count()).toBe(0)
    await shot(officer.page, 'pending-390-en')
    await officer.context.close()

    const duty = await e2e.newPage({ width: 1280, height: 900, locale: 'en-GB' })
    await signIn(duty.page, 'duty@demo.lingshi')
    await duty.page.goto('/console/alerts?status=pending_approval')
    await duty.page.getByTestId('alerts-table').getByText('Protests in Shinjuku').click()
    await duty.page.getByTestId('send-alert').click()
    await duty.page.getByTestId('send-confirm').click()
    await duty.page.getByTestId('live-board').waitFor({ timeout: 30_000 })
    await duty.context.close()
  }, 180_000)
})
