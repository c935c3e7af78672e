import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayFromToday, uniqueEmail } from '../helpers/http.ts'
import { AXE_AVAILABLE, accessibilityFindings } from './a11y-audit.ts'
import { type E2E, SHOTS, startE2E } from './harness.ts'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

/** Every page a visitor reaches without signing in (with what it needs in its address). */
const PUBLIC_PAGES = [
  '/',
  '/login',
  '/register',
  '/forgot-password',
  '/reset-password?token=not-a-token',
  '/verify-email?token=not-a-token',
  '/missions',
  '/advisories',
  '/advisories/JP',
  '/verify',
  '/applications/status',
  '/no-such-page',
]

/** Every page of a signed-in citizen. */
const CITIZEN_PAGES = [
  '/',
  '/me/help',
  '/me/trips',
  '/me/inbox',
  '/me/alerts',
  '/me/profile',
  '/me/settings',
  '/me/applications',
  '/me/appointments',
  '/me/appointments/book',
  '/me/health',
]

/** The page has shown its content (its h1), and antd's late styles and transitions have settled. */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor({ timeout: 30_000 })
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.waitForTimeout(400)
}

/** Every page's findings, as `url rule target: detail` lines (all pages, so that one run lists them all). */
async function findingsOn(page: Page, urls: readonly string[]): Promise<string[]> {
  const lines: string[] = []
  for (const url of urls) {
    await page.goto(url)
    await settled(page)
    for (const f of await accessibilityFindings(page)) lines.push(`${url} ${f.rule} ${f.target}: ${f.detail}`)
  }
  return lines
}

describe.each([
  { lang: 'zh-CN', width: 390, height: 844 },
  { lang: 'en', width: 1280, height: 900 },
] as const)('WCAG 2.2 AA on every citizen and public page ($lang, $width px)', (v) => {
  it(`has no serious or critical finding on the public pages${AXE_AVAILABLE ? ' (with axe-core)' : ''}`, async () => {
    const { page, context } = await e2e.newPage({ width: v.width, height: v.height, locale: v.lang })
    expect(await findingsOn(page, PUBLIC_PAGES)).toEqual([])
    await context.close()
  })

  it('has no serious or critical finding on a citizen’s pages', async () => {
    const { page, context } = await e2e.newPage({ width: v.width, height: v.height, locale: v.lang })
    const reg = await page.request.post('/api/v1/auth/register', {
      data: { email: uniqueEmail('a11y'), password: 'correct horse battery staple', name: 'Zhao Lei' },
    })
    expect(reg.status()).toBe(201)
    await page.request.post('/api/v1/me/trips', {
      data: {
        destinations: [{ country: 'JP', city: 'Tokyo', address: 'Hotel Sakura 1-2-3' }],
        startDate: dayFromToday(0),
        endDate: dayFromToday(5),
      },
    })
    await page.request.post('/api/v1/me/subscriptions', { data: { country: 'FR' } })
    expect(await findingsOn(page, CITIZEN_PAGES)).toEqual([])
    await page.goto('/me/trips')
    await settled(page)
    await page.screenshot({ path: path.join(SHOTS, `a11y-trips-${v.width}-${v.lang}.png`), fullPage: true })
    await context.close()
  })

  it('lets a keyboard user skip to the content, and names the language switch in its own words', async () => {
    const { page, context } = await e2e.newPage({ width: v.width, height: v.height, locale: v.lang })
    await page.goto('/')
    await settled(page)
    await page.keyboard.press('Tab')
    const skip = page.locator('a.skip-link')
    expect(await page.evaluate("document.activeElement?.classList.contains('skip-link')")).toBe(true)
    expect(await skip.isVisible()).toBe(true)
    await page.keyboard.press('Enter')
    expect(await page.evaluate('document.activeElement?.id')).toBe('main')
    await context.close()
  })
})
