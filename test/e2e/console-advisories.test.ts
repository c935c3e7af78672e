import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caller, dayFromToday, login } from '../helpers/http.ts'
import { chooseLevel } from './advisory-steps.ts'
import { type E2E, SHOTS, startE2E } from './harness.ts'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
  const citizen = await login(e2e.rt.app, 'citizen@demo.lingshi', 'lingshi-demo')
  const call = caller(e2e.rt.app)
  const profile = await call('PUT', '/api/v1/me/profile', citizen.cookie, {
    nameLatin: 'Li Ming',
    nameZh: '李明',
    phone: '+8613800138000',
    passportNumber: 'E12345678',
  })
  expect(profile.statusCode, profile.body).toBe(200)
  const trip = await call('POST', '/api/v1/me/trips', citizen.cookie, {
    destinations: [{ country: 'JP', city: 'Tokyo', lat: 35.68, lon: 139.76 }],
    startDate: dayFromToday(0),
    endDate: dayFromToday(10),
  })
  expect(trip.statusCode, trip.body).toBe(201)
})
afterAll(async () => {
  await e2e?.close()
})

async function signIn(page: Page, email: string) {
  await page.goto('/login')
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill('lingshi-demo')
  await page.getByTestId('login-submit').click()
  await page.getByTestId('console-title').waitFor()
}

interface Running {
  playState: string
  effect: { getTiming(): { iterations?: number } } | null
}

/** Finite CSS animations and transitions still running (fades after loading, the modal's zoom). */
const moving = (page: Page) =>
  page
    .locator('html')
    .evaluate(
      (html) =>
        html.ownerDocument
          .getAnimations()
          .filter((a: Running) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity)
          .length,
    )

/** A screenshot once loading and antd's motions are over; the page must not scroll sideways. */
async function shot(page: Page, name: string, fullPage = true) {
  await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0)
  await expect.poll(() => moving(page), { timeout: 5_000 }).toBe(0)
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage })
  const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth)
  expect(overflow, name).toBeLessThanOrEqual(0)
}

describe('travel advisories in the console', () => {
  it('lets the Tokyo officer draft for Japan but not France', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await signIn(page, 'officer.tokyo@demo.lingshi')
    await page.getByTestId('nav-advisories').click()
    await page.getByTestId('advisories-table').waitFor()
    await page.getByTestId('advisories-search').fill('France')
    await expect.poll(() => page.getByTestId('open-FR').textContent()).toBe('View')
    await page.getByTestId('advisories-search').fill('')
    await page.getByTestId('advisories-mine').check()
    await expect.poll(() => page.getByTestId('open-JP').textContent()).toBe('Edit')
    await expect.poll(() => page.locator('[data-testid^="open-"]').count()).toBe(1)

    await page.getByTestId('open-JP').click()
    await expect.poll(() => page.getByTestId('draft-status').textContent()).toContain('No draft yet')
    await chooseLevel(page, 2)
    await expect.poll(() => page.getByTestId('level-meaning').textContent()).toContain('Reconsider Travel')
    await page.getByTestId('summary-zh-CN').fill('近期地震频发，请谨慎前往。')
    await page.getByTestId('summary-en').fill('x'.repeat(2001))
    await page.getByTestId('save-draft').click()
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').allTextContents())
      .toEqual(['Write a summary in this language (at most 2,000 characters).'])
    await expect.poll(() => page.getByTestId('draft-error').textContent()).toBe('Some fields are not valid.')
    await shot(page, 'console-advisory-invalid-1280-en')

    await page.getByTestId('summary-en').fill('Frequent earthquakes: travel with caution.')
    await page.getByTestId('advice-tab-en').click()
    await page.getByTestId('advice-en-safety').fill('Know your evacuation route.')
    await page.getByTestId('save-draft').click()
    await expect
      .poll(() => page.getByTestId('draft-status').textContent())
      .toContain('last saved by Officer Tokyo')
    expect(await page.getByTestId('publish').count()).toBe(0)

    await page.goto('/console/advisories/FR')
    await page.getByTestId('advisory-readonly').waitFor()
    await shot(page, 'console-advisory-readonly-1280-en')
    expect(await page.getByTestId('save-draft').count()).toBe(0)
    const refused = await page.request.put('/api/v1/advisories/FR', {
      data: { level: 3, summary: { 'zh-CN': '暂勿前往', en: 'Do not travel' } },
    })
    expect(refused.status()).toBe(403)
    await context.close()
  })

  it('lets the duty officer publish the draft after a warning, and the public sees the new level', async () => {
    const { page, context } = await e2e.newPage({ locale: 'zh-CN' })
    await signIn(page, 'duty@demo.lingshi')
    await page.getByTestId('nav-advisories').click()
    await page.getByTestId('advisories-drafts').check()
    await expect.poll(() => page.getByTestId('draft-JP').textContent()).toContain('2级')
    await page.getByTestId('open-JP').click()
    await expect.poll(() => page.getByTestId('draft-status').textContent()).toContain('待发布')
    await shot(page, 'console-advisory-draft-1280-zh')
    await page.getByTestId('publish').click()
    await expect
      .poll(() => page.getByTestId('publish-warning').textContent())
      .toContain('在当地登记（居住或行程）的所有人员')
    await shot(page, 'console-advisory-publish-1280-zh', false)
    await page.getByTestId('publish-confirm').click()
    await page.getByTestId('advisory-current-level').getByTestId('level-2').waitFor()
    await expect.poll(() => page.getByTestId('advisory-history').textContent()).toContain('第1版')

    const res = await fetch(`${e2e.baseUrl}/api/v1/advisories/JP`)
    expect(await res.json()).toMatchObject({
      level: 2,
      summary: { en: 'Frequent earthquakes: travel with caution.' },
      advice: { en: { safety: 'Know your evacuation route.' } },
      history: [{ version: 1, level: 2 }],
    })
    await context.close()
  })
})

describe('people search in the console', () => {
  it('finds the demo citizen by name and by area, refuses a bad polygon, and exports CSV', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await signIn(page, 'duty@demo.lingshi')
    await page.getByTestId('nav-people').click()
    await page.getByTestId('people-q').fill('li ming')
    await page.getByTestId('people-search').click()
    await expect.poll(() => page.getByTestId('people-count').textContent()).toBe('People found: 1')
    const table = await page.getByTestId('people-table').textContent()
    expect(table).toContain('LI MING')
    expect(table).toContain('李明')
    expect(table).toContain('••••5678')
    expect(table).toContain('Trip · Japan')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('people-export').click(),
    ])
    const csv = fs.readFileSync((await download.path()) ?? '', 'utf8')
    expect(download.suggestedFilename()).toMatch(/^people-.*\.csv$/)
    expect(csv).toContain('LI MING')
    expect(csv).toContain('••••5678')
    expect(csv).not.toContain('E12345678')

    await page.getByTestId('people-tab-area').click()
    await page.getByTestId('people-area').fill('{"type": "Polygon", "coordinates": [[[139, 35], [140, 35]')
    await page.getByTestId('people-area-search').click()
    await expect.poll(() => page.getByText('This is not valid JSON').count()).toBe(1)
    await shot(page, 'console-people-area-1280-en')
    await page
      .getByTestId('people-area')
      .fill('{"type":"Polygon","coordinates":[[[35,139],[35,140],[36,140],[36,139],[35,139]]]}')
    await page.getByTestId('people-area-search').click()
    await expect.poll(() => page.getByText('longitude comes first').count()).toBe(1)
    await page
      .getByTestId('people-area')
      .fill('{"type":"Polygon","coordinates":[[[139,35],[140.5,35],[140.5,36.5],[139,36.5],[139,35]]]}')
    await page.getByTestId('people-area-search').click()
    await expect.poll(() => page.getByTestId('people-table').textContent()).toContain('LI MING')
    await context.close()
  })
})

describe('the screens at desktop and phone widths', () => {
  it.each([
    [1280, 'en-GB', 'en'],
    [1280, 'zh-CN', 'zh'],
    [390, 'en-GB', 'en'],
    [390, 'zh-CN', 'zh'],
  ])('renders at %i px in %s', async (width, locale, lang) => {
    const { page, context } = await e2e.newPage({ width, height: width > 600 ? 800 : 844, locale })
    await signIn(page, 'duty@demo.lingshi')
    const drafted = await page.request.put('/api/v1/advisories/AF', {
      data: { level: 3, summary: { 'zh-CN': '暂勿前往。', en: 'Do not travel for now.' } },
    })
    expect(drafted.status()).toBe(200)
    await page.goto('/console/advisories')
    await page.getByTestId('advisories-table').locator('.ant-table-row').first().waitFor()
    await shot(page, `console-advisories-${width}-${lang}`)
    await page.goto('/console/advisories/JP')
    await page.getByTestId('advisory-history').waitFor()
    await shot(page, `console-advisory-editor-${width}-${lang}`)
    await page.goto('/console/people')
    await page.getByTestId('people-search').click()
    await page.getByTestId('people-table').locator('.ant-table-row, .ant-list-item').first().waitFor()
    await shot(page, `console-people-${width}-${lang}`)
    await context.close()
  })
})
