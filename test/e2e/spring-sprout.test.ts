import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { noonZone } from '../helpers/appointments.ts'
import { login } from '../helpers/http.ts'
import { type E2E, SHOTS, startE2E } from './harness.ts'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
  const app = e2e.rt.app
  // The Tokyo counter open around the clock, no notice, in a zone where it is about noon now: the
  // citizen can book a time today and the clinician works it today.
  const duty = await login(app, 'duty@demo.lingshi', 'lingshi-demo')
  const cal = await app.inject({
    method: 'PUT',
    url: '/api/v1/missions/JP-TYO-EMB/calendar',
    headers: { cookie: duty.cookie },
    payload: {
      timezone: noonZone(),
      services: [{ service: 'vaccination', slotMinutes: 15, capacity: 3 }],
      weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '00:00', closes: '24:00' })),
      horizonDays: 30,
      minNoticeHours: 0,
    },
  })
  expect(cal.statusCode, cal.body).toBe(200)
  // The demo citizen lives in Japan.
  const citizen = await login(app, 'citizen@demo.lingshi', 'lingshi-demo')
  const res = await app.inject({
    method: 'PUT',
    url: '/api/v1/me/residence',
    headers: { cookie: citizen.cookie },
    payload: { country: 'JP', city: 'Tokyo' },
  })
  expect(res.statusCode, res.body).toBe(200)
}, 300_000)
afterAll(async () => {
  await e2e?.close()
})

async function signIn(page: Page, email: string) {
  await page.goto('/login')
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill('lingshi-demo')
  await page.getByTestId('login-submit').click()
}

const POLL = { timeout: 30_000 }
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true })
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

async function pick(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click()
  await page.keyboard.type(text)
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .first()
    .click()
  await page.keyboard.press('Escape')
}

async function both(page: Page, name: string, first: 390 | 1280) {
  await shot(page, `${name}-${first}.png`)
  await page.setViewportSize(first === 390 ? { width: 1280, height: 800 } : { width: 390, height: 844 })
  await shot(page, `${name}-${first === 390 ? 1280 : 390}.png`)
  await page.setViewportSize(first === 390 ? { width: 390, height: 844 } : { width: 1280, height: 800 })
}

describe('Spring Sprout, from the programme to the map', () => {
  it('the duty officer opens a programme in Japan at the Tokyo site', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await signIn(page, 'duty@demo.lingshi')
    await page.waitForURL(/\/console/)
    await page.getByTestId('nav-sprout').click()
    await page.getByTestId('programme-name-zh').fill('春苗行动 日本')
    await page.getByTestId('programme-name-en').fill('Spring Sprout Japan')
    await pick(page, 'programme-products', 'Covilo')
    await pick(page, 'programme-countries', 'Japan')
    await page.getByTestId('programme-starts').fill(day(-1))
    await page.getByTestId('programme-ends').fill(day(60))
    await pick(page, 'programme-sites', 'Japan')
    await page.getByTestId('programme-create').click()
    await expect.poll(() => page.getByTestId('programme-created').count(), POLL).toBe(1)
    await expect
      .poll(() => page.getByTestId('programme-list').textContent(), POLL)
      .toContain('Spring Sprout Japan')
    await both(page, 'sprout-programme-en', 1280)
    await context.close()
  })

  it('the citizen (zh-CN, 390 px) sees it, answers the screening and books at the Tokyo site', async () => {
    const { page, context } = await e2e.newPage({ locale: 'zh-CN', width: 390, height: 844 })
    await signIn(page, 'citizen@demo.lingshi')
    await page.waitForURL((url) => url.pathname === '/')
    await page.goto('/me/health')
    await page.getByTestId('wallet-sprout').click()
    await expect
      .poll(() => page.getByTestId('sprout-programme').textContent(), POLL)
      .toContain('春苗行动 日本')
    await page.getByTestId('sprout-screen').click()
    const form = page.getByTestId('sprout-screening-form')
    await expect.poll(() => form.locator('.ant-radio-group').count(), POLL).toBeGreaterThan(5)
    const groups = form.locator('.ant-radio-group')
    const n = await groups.count()
    for (let i = 0; i < n; i++) await groups.nth(i).getByText('否').click()
    // Blood thinners: a doctor looks at it before the dose.
    await page.getByTestId('q-bleeding_disorder').getByText('是').click()
    await shot(page, 'sprout-screening-390.png')
    await page.getByTestId('sprout-screening-save').click()
    await expect.poll(() => page.getByTestId('sprout-screening-state').textContent(), POLL).toContain('医生')
    await page.getByTestId('sprout-book').click()
    await page.getByTestId('sprout-slots').click()
    await expect.poll(() => page.getByTestId('sprout-slot').count(), POLL).toBeGreaterThan(0)
    await page.getByTestId('sprout-slot').first().click()
    await expect.poll(() => page.getByTestId('sprout-booked').count(), { timeout: 90_000 }).toBe(1)
    await both(page, 'sprout-citizen-zh', 390)
    await context.close()
  })

  it('the clinician (English, 1280 px) receives a lot, checks in, calls the ticket, records the dose; the stock shows it used', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await signIn(page, 'clinician.tokyo@demo.lingshi')
    await page.waitForURL(/\/console/)
    await page.getByTestId('nav-vaccination').click()
    await page.getByTestId('tab-stock').click()
    await page.getByTestId('stock-lot').fill('SPR-001')
    await page.getByTestId('stock-expires').fill(day(200))
    await page.getByTestId('stock-receive').click()
    await expect.poll(() => page.getByTestId('stock-table').textContent(), POLL).toContain('SPR-001')

    await page.getByTestId('tab-day').click()
    await expect.poll(() => page.getByTestId('day-booking').count(), POLL).toBe(1)
    expect(await page.getByTestId('day-screening').textContent()).toContain('flagged')
    await page.getByTestId('day-check-in').click()
    await expect.poll(() => page.getByTestId('day-booking').textContent(), POLL).toMatch(/A\d{3}/)
    await page.getByTestId('day-call-next').click()
    await expect.poll(() => page.getByTestId('day-called').textContent(), POLL).toMatch(/A\d{3}/)
    await page.getByTestId('day-dose').click()
    await page.getByTestId('day-lot').click()
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first()
      .click()
    await page.getByTestId('day-record').click()
    await expect.poll(() => page.getByTestId('day-dose-recorded').textContent(), POLL).toContain('Next dose')
    await both(page, 'sprout-day-en', 1280)

    await page.getByTestId('tab-stock').click()
    const row = page.getByTestId('stock-table').locator('tr', { hasText: 'SPR-001' })
    await expect.poll(() => row.locator('[data-testid="stock-used"]').textContent(), POLL).toBe('1')
    await both(page, 'sprout-stock-en', 1280)
    await context.close()
  })

  it('the citizen reports a serious adverse event; the Tokyo hotline has the case', async () => {
    const { page, context } = await e2e.newPage({ locale: 'zh-CN', width: 390, height: 844 })
    await signIn(page, 'citizen@demo.lingshi')
    await page.waitForURL((url) => url.pathname === '/')
    await page.goto('/me/health/sprout')
    await expect.poll(() => page.getByTestId('sprout-dose').count(), POLL).toBe(1)
    await page.getByTestId('sprout-report').click()
    await page.getByTestId('severity-serious').click()
    await page.getByTestId('sprout-description').fill('接种后一小时呼吸困难')
    await page.getByTestId('sprout-send').click()
    await expect.poll(() => page.getByTestId('sprout-reported').textContent(), POLL).toContain('立案')
    await both(page, 'sprout-reported-zh', 390)
    await context.close()

    const officer = await e2e.newPage({ locale: 'en-GB' })
    await signIn(officer.page, 'officer.tokyo@demo.lingshi')
    await officer.page.waitForURL(/\/console/)
    await officer.page.goto('/console/cases')
    await expect
      .poll(() => officer.page.getByTestId('cases-table').textContent(), POLL)
      .toContain('Serious adverse event')
    await both(officer.page, 'sprout-hotline-case-en', 1280)
    await officer.context.close()
  })

  it('coverage for Japan counts the person, on the world map', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await signIn(page, 'duty@demo.lingshi')
    await page.waitForURL(/\/console/)
    await page.getByTestId('nav-sprout').click()
    await page.getByTestId('tab-coverage').click()
    await pick(page, 'coverage-country', 'Japan')
    await expect.poll(() => page.getByTestId('coverage-vaccinated').textContent(), POLL).toBe('1')
    expect(Number(await page.getByTestId('coverage-registered').textContent())).toBeGreaterThanOrEqual(1)
    await both(page, 'sprout-coverage-en', 1280)
    await context.close()
  })
})
