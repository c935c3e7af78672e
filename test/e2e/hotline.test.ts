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

const PHONE = `+8190${String(Date.now()).slice(-8)}`
const CITIZEN = { email: uniqueEmail('caller'), password: 'a long enough passphrase' }

async function signIn(page: Page, email: string, password = 'lingshi-demo'): Promise<void> {
  await page.goto('/login')
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

describe('the hotline and a consular case, end to end', () => {
  let caseId = ''

  it('registers a citizen who is in Tokyo', async () => {
    const { page, context } = await e2e.newPage()
    const api = page.request
    expect(
      (
        await api.post('/api/v1/auth/register', { data: { ...CITIZEN, name: 'Zhao Lei', phone: PHONE } })
      ).status(),
    ).toBe(201)
    expect(
      (await api.put('/api/v1/me/profile', { data: { nameLatin: 'ZHAO LEI', nameZh: '赵磊' } })).status(),
    ).toBe(200)
    const trip = await api.post('/api/v1/me/trips', {
      data: {
        destinations: [{ country: 'JP', city: 'Tokyo', lat: 35.6812, lon: 139.7671 }],
        startDate: dayFromToday(-2),
        endDate: dayFromToday(10),
      },
    })
    expect(trip.status()).toBe(201)
    await context.close()
  })

  it('lets an operator find the caller by phone and open a detention case routed to Tokyo', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 900, locale: 'zh-CN' })
    await signIn(page, 'operator@demo.lingshi')
    await page.goto('/console/hotline')
    await page.getByTestId('caller-phone').fill(PHONE.replace(/^(\+81)(\d\d)/, '$1 $2 '))
    await page.getByTestId('caller-find').click()
    await expect.poll(() => page.getByTestId('caller-name').textContent()).toBe('ZHAO LEI · 赵磊')
    expect(await page.getByTestId('caller-where').textContent()).toContain('日本')
    await page.getByTestId('contact-summary').fill('家属来电：当事人昨晚在东京被警方拘留。')
    await page.getByTestId('contact-save').click()
    await page.getByTestId('open-case').and(page.locator(':enabled')).waitFor()
    await page.getByTestId('open-case').click()
    await page.getByTestId('intake-type').click()
    await page.getByTitle('被拘留').click()
    await page.getByTestId('intake-submit').click()
    await page.waitForURL(/\/console\/cases\/[0-9a-f-]{36}$/)
    caseId = page.url().split('/').at(-1) ?? ''
    await expect.poll(() => page.getByTestId('case-mission').textContent()).toContain('日本')
    expect(await page.getByTestId('case-priority').first().textContent()).toBe('P2')
    await page.screenshot({ path: path.join(SHOTS, 'case-opened-1280-zh.png'), fullPage: true })
    const detail = await (await page.request.get(`/api/v1/cases/${caseId}`)).json()
    expect(detail).toMatchObject({ type: 'detention', status: 'new', mission: { code: 'JP-TYO-EMB' } })
    await context.close()
  })

  it('lets the Tokyo officer work it: detention details, a visit, status changes', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 900, locale: 'en-GB' })
    await signIn(page, 'officer.tokyo@demo.lingshi')
    await page.goto('/console/cases')
    await page.getByTestId('cases-table').getByText('Detention').first().waitFor()
    await page.goto(`/console/cases/${caseId}`)
    await page.getByTestId('detention-arrested').fill('2026-11-24T22:30')
    await page.getByTestId('detention-notified').fill('2026-11-25T09:00')
    await page.getByTestId('detention-facility').fill('Shinjuku police station')
    await page.getByTestId('detention-charges').fill('Suspected theft')
    await page.getByTestId('detention-save').click()
    await expect.poll(() => page.getByTestId('next-visit').textContent()).not.toBe('—')

    await page.getByTestId('status-select').click()
    await page.getByTitle('In progress').click()
    await page.getByTestId('status-apply').click()
    await expect.poll(() => page.getByTestId('case-status').first().textContent()).toBe('In progress')

    await page
      .getByTestId('case-note')
      .fill('Visited: in good health, has a lawyer, asked us to call his family.')
    await page.getByTestId('visit-at').fill('2026-11-25T14:00')
    await page.getByTestId('log-visit').click()
    await expect.poll(() => page.getByTestId('case-timeline').textContent()).toContain('Consular visit')

    await page.getByTestId('status-select').click()
    await page.getByTitle('Waiting for authority').click()
    await page.getByTestId('status-apply').click()
    await expect
      .poll(() => page.getByTestId('case-status').first().textContent())
      .toBe('Waiting for authority')
    await page.screenshot({ path: path.join(SHOTS, 'case-worked-1280-en.png'), fullPage: true })
    const timeline = (await (await page.request.get(`/api/v1/cases/${caseId}`)).json()).timeline
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['created', 'detention', 'visit', 'status']),
    )
    await context.close()
  })

  it('hides the case from an officer of another mission', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'en-GB' })
    await signIn(page, 'officer.paris@demo.lingshi')
    expect((await page.request.get(`/api/v1/cases/${caseId}`)).status()).toBe(404)
    await page.goto(`/console/cases/${caseId}`)
    await page.getByTestId('case-not-found').waitFor()
    await context.close()
  })

  it("shows a citizen's SOS on the operator's screen at once, as P1", async () => {
    const operator = await e2e.newPage({ width: 1280, height: 900, locale: 'en-GB' })
    await signIn(operator.page, 'operator@demo.lingshi')
    await operator.page.goto('/console/hotline')
    await operator.page.getByTestId('help-feed').waitFor()

    const citizen = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await signIn(citizen.page, CITIZEN.email, CITIZEN.password)
    await citizen.page.getByTestId('tab-help').click()
    await citizen.page.getByTestId('help-message').fill('我在新宿站附近受伤了')
    await citizen.page.getByTestId('help-confirm').click()
    await citizen.page.getByTestId('help-confirm-ok').click()
    await citizen.page.getByTestId('help-reference').waitFor()
    await citizen.page.screenshot({ path: path.join(SHOTS, 'sos-sent-390-zh.png'), fullPage: true })

    const item = operator.page.getByTestId('help-item').filter({ hasText: '我在新宿站附近受伤了' })
    await item.waitFor({ timeout: 15_000 })
    expect(await item.textContent()).toContain('P1')
    await operator.page.screenshot({ path: path.join(SHOTS, 'hotline-sos-1280-en.png'), fullPage: true })
    await citizen.context.close()
    await operator.context.close()
  })

  it('shows the duty officer the board with the open case and its mission', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await signIn(page, 'duty@demo.lingshi')
    await page.goto('/console/dashboard')
    await page.getByTestId('board-totals').waitFor()
    const board = await (await page.request.get('/api/v1/cases/board')).json()
    expect(board.open).toBeGreaterThanOrEqual(1)
    expect(board.byMission.map((m: { mission: { code: string } | null }) => m.mission?.code)).toContain(
      'JP-TYO-EMB',
    )
    await expect.poll(() => page.getByText('中华人民共和国驻日本大使馆').count()).toBeGreaterThan(0)
    await page.screenshot({ path: path.join(SHOTS, 'board-390-zh.png'), fullPage: true })
    await context.close()
  })

  it('lets the duty officer declare a crisis over Tokyo; the citizen answers; the manifest shows it', async () => {
    const duty = await e2e.newPage({ width: 1280, height: 900, locale: 'en-GB' })
    await signIn(duty.page, 'duty@demo.lingshi')
    await duty.page.goto('/console/crises')
    await duty.page.getByTestId('crisis-name').fill('Tokyo earthquake')
    await duty.page.getByTestId('crisis-country').click()
    await duty.page.keyboard.type('(JP)')
    await duty.page.keyboard.press('Enter')
    // The area is drawn on the map, as an alert's is: four corners around the Tokyo embassy, closed on the first.
    await duty.page.getByTestId('map-goto').click()
    await duty.page.keyboard.type('Tokyo')
    await duty.page.keyboard.press('Enter')
    const tokyo = duty.page.locator('[data-mission="JP-TYO-EMB"] circle')
    await duty.page.locator('[data-mission="JP-TYO-EMB"] text').waitFor()
    await duty.page.getByTestId('area-map').scrollIntoViewIfNeeded()
    const box = await tokyo.boundingBox()
    if (!box) throw new Error('the Tokyo marker is not on the map')
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2]
    for (const [cx, cy] of [
      [x - 110, y - 90],
      [x + 110, y - 90],
      [x + 110, y + 90],
      [x - 110, y + 90],
      [x - 110, y - 90],
    ] as const)
      await duty.page.mouse.click(cx, cy)
    await duty.page.getByTestId('shape-polygon').waitFor()
    await duty.page.getByTestId('crisis-create').click()
    await duty.page.getByTestId('manifest-table').getByText('ZHAO LEI').waitFor()

    const citizen = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await signIn(citizen.page, CITIZEN.email, CITIZEN.password)
    await citizen.page.getByTestId('crisis-ask').waitFor()
    await citizen.page.getByTestId('crisis-wants_to_leave').click()
    await expect.poll(() => citizen.page.getByTestId('crisis-ask').textContent()).toContain('希望撤离')
    await citizen.page.screenshot({ path: path.join(SHOTS, 'crisis-ask-390-zh.png'), fullPage: true })

    await duty.page.reload()
    await expect.poll(() => duty.page.getByTestId('manifest-table').textContent()).toContain('Wants to leave')
    await duty.page.screenshot({ path: path.join(SHOTS, 'crisis-manifest-1280-en.png'), fullPage: true })
    await citizen.context.close()
    await duty.context.close()
  })
})
