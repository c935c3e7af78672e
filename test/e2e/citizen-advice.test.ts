import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayFromToday } from '../helpers/http.ts'
import { type E2E, SHOTS, startE2E } from './harness.ts'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

const VIEWS = [
  {
    lang: 'zh-CN',
    width: 390,
    height: 844,
    noLevel: '未发布提醒',
    search: '乌克兰',
    emergency: '24 小时领事保护电话',
  },
  {
    lang: 'en',
    width: 1280,
    height: 900,
    noLevel: 'No advisory published',
    search: 'Ukraine',
    emergency: '24-hour consular protection',
  },
] as const

/** The page is as wide as the screen: nothing to scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = (await page.evaluate(
    '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
  )) as { scroll: number; client: number }
  expect(scroll).toBeLessThanOrEqual(client)
}

describe.each(VIEWS)('honest advice and numbers to tap ($lang, $width px)', (v) => {
  it('shows a country without advice in grey, saying so, on the map, in the list and on its page', async () => {
    const { page, context } = await e2e.newPage({ width: v.width, height: v.height, locale: v.lang })
    await page.goto('/advisories')
    await page.getByTestId('advisories-list').waitFor()
    await page.locator('path[data-country="UA"]').waitFor()
    expect(await page.locator('path[data-country="UA"]').getAttribute('fill')).toBe('#d9d9d9')
    expect(await page.getByTestId('legend').textContent()).toContain(v.noLevel)
    await expectNoSidewaysScroll(page)
    await page.screenshot({ path: path.join(SHOTS, `advice-map-${v.width}-${v.lang}.png`), fullPage: true })

    await page.getByTestId('advisories-search').locator('input').fill(v.search)
    const cell = page.getByTestId('advisory-UA')
    await expect.poll(() => cell.textContent()).toContain(v.noLevel)
    expect(await cell.getByTestId('level-none').count()).toBe(1)
    // The map is searched too: other countries fade, Ukraine stays.
    expect(await page.locator('path[data-country="FR"]').getAttribute('class')).toBe('dimmed')
    expect(await page.locator('path[data-country="UA"]').getAttribute('class')).toBe('matched')
    await page.screenshot({
      path: path.join(SHOTS, `advice-search-${v.width}-${v.lang}.png`),
      fullPage: true,
    })

    await cell.click()
    await page.getByTestId('country-title').waitFor()
    expect(await page.getByTestId('country-level').textContent()).toBe(v.noLevel)
    expect(await page.getByTestId('peers').count()).toBe(0)
    await page.getByTestId('local-police-UA').waitFor()
    expect(await page.getByTestId('local-police-UA').getAttribute('href')).toBe('tel:102')
    expect(await page.getByTestId('hotline-tel').getAttribute('href')).toBe('tel:+861012308')
    await expectNoSidewaysScroll(page)
    await page.screenshot({
      path: path.join(SHOTS, `advice-country-${v.width}-${v.lang}.png`),
      fullPage: true,
    })
    await context.close()
  })

  it('shows a published level as ours, its peers as equivalents, when it was reviewed and what changed', async () => {
    const { page, context } = await e2e.newPage({ width: v.width, height: v.height, locale: v.lang })
    await page.goto('/advisories/AF')
    await page.getByTestId('peers').waitFor()
    const peers = await page.getByTestId('peers').textContent()
    expect(peers).toContain(v.lang === 'en' ? 'Equivalent on the US scale' : '对应美国标准')
    if (v.lang === 'zh-CN') expect(peers).toContain('请勿前往')
    expect(await page.getByTestId('last-reviewed').textContent()).toMatch(
      v.lang === 'en' ? /Last reviewed/ : /最近审核/,
    )
    await page.getByTestId('what-changed').waitFor()
    await expectNoSidewaysScroll(page)
    await page.screenshot({ path: path.join(SHOTS, `advice-level-${v.width}-${v.lang}.png`), fullPage: true })
    await context.close()
  })

  it("dials the mission from a trip card, the home and the SOS page: the destination's level, local numbers and the mission's 24-hour line", async () => {
    const { page, context } = await e2e.newPage({ width: v.width, height: v.height, locale: v.lang })
    const email = `advice.${v.lang}.${Date.now()}@example.org`
    const reg = await page.request.post('/api/v1/auth/register', {
      data: { email, password: 'correct horse battery staple', name: 'Wang Fang' },
    })
    expect(reg.status()).toBe(201)
    for (const country of ['JP', 'FR']) {
      const trip = await page.request.post('/api/v1/me/trips', {
        data: {
          destinations: [
            { country, city: country === 'JP' ? 'Tokyo' : 'Paris', address: 'Hotel Sakura 1-2-3' },
          ],
          startDate: dayFromToday(country === 'JP' ? 1 : 20),
          endDate: dayFromToday(country === 'JP' ? 8 : 25),
        },
      })
      expect(trip.status(), await trip.text()).toBe(201)
    }
    const tokyo = (
      (await (await page.request.get('/api/v1/missions')).json()) as Array<{
        code: string
        emergencyPhone: string
      }>
    ).find((m) => m.code === 'JP-TYO-EMB')
    await page.goto('/me/trips')
    const jp = page.getByTestId('trip-country-JP')
    await jp.getByTestId('mission-emergency-JP-TYO-EMB').waitFor()
    expect(await jp.getByTestId('mission-emergency-JP-TYO-EMB').getAttribute('href')).toBe(
      `tel:${tokyo?.emergencyPhone.replace(/[^+0-9]/g, '')}`,
    )
    expect(await jp.getByTestId('trip-level-JP').textContent()).toBe(v.noLevel)
    expect(await jp.getByTestId('local-police-JP').getAttribute('href')).toBe('tel:110')
    expect(await jp.textContent()).toContain(v.emergency)
    // Paris has no 24-hour line yet: the card says so and offers 12308.
    const fr = page.getByTestId('trip-country-FR')
    await fr.getByTestId('mission-no-line-FR-PAR-EMB').waitFor()
    expect(await fr.getByTestId('mission-no-line-FR-PAR-EMB').locator('a').getAttribute('href')).toBe(
      'tel:+861012308',
    )
    await expectNoSidewaysScroll(page)
    await page.screenshot({ path: path.join(SHOTS, `advice-trips-${v.width}-${v.lang}.png`), fullPage: true })

    await page.goto('/')
    await page.getByTestId('emergency-numbers-JP').waitFor()
    expect(await page.getByTestId('home-hotline-tel').getAttribute('href')).toBe('tel:+861012308')
    await expectNoSidewaysScroll(page)
    await page.screenshot({ path: path.join(SHOTS, `advice-home-${v.width}-${v.lang}.png`), fullPage: true })

    // The SOS page dials the same: the destination's police and the mission's 24-hour line.
    await page.goto('/me/help')
    const sos = page.getByTestId('emergency-numbers-JP')
    await sos.waitFor()
    expect(await sos.getByTestId('local-police-JP').getAttribute('href')).toBe('tel:110')
    expect(await sos.getByTestId('mission-emergency-JP-TYO-EMB').getAttribute('href')).toBe(
      `tel:${tokyo?.emergencyPhone.replace(/[^+0-9]/g, '')}`,
    )
    await expectNoSidewaysScroll(page)
    await context.close()
  })
})
