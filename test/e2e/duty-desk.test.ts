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
const CITIZEN = { email: uniqueEmail('desk'), password: 'a long enough passphrase' }
const TOKYO = { lat: 35.6812, lon: 139.7671 }

async function signIn(page: Page, email: string, password = 'lingshi-demo'): Promise<void> {
  await page.goto('/login')
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

describe('the duty desk: start page, a person’s record, a case’s targets', () => {
  let personId = ''
  let caseId = ''

  it('has a citizen in Tokyo who asked for help, and a P1 case about them', async () => {
    const { page, context } = await e2e.newPage()
    const api = page.request
    const reg = await api.post('/api/v1/auth/register', {
      data: { ...CITIZEN, name: 'Sun Li', phone: PHONE },
    })
    expect(reg.status()).toBe(201)
    personId = (await reg.json()).id
    const profile = await api.put('/api/v1/me/profile', {
      data: {
        nameLatin: 'SUN LI',
        nameZh: '孙丽',
        emergencyContacts: [{ name: 'Sun Hua', phone: '+8613800138000', relation: 'brother' }],
      },
    })
    expect(profile.status(), await profile.text()).toBe(200)
    const trip = await api.post('/api/v1/me/trips', {
      data: {
        destinations: [{ country: 'JP', city: 'Tokyo', ...TOKYO }],
        startDate: dayFromToday(-1),
        endDate: dayFromToday(7),
      },
    })
    expect(trip.status()).toBe(201)
    expect(
      (await api.post('/api/v1/me/help', { data: { ...TOKYO, message: 'Lost and hurt' } })).status(),
    ).toBe(201)
    await context.close()

    const staff = await e2e.newPage()
    await staff.page.request.post('/api/v1/auth/login', {
      data: { email: 'operator@demo.lingshi', password: 'lingshi-demo' },
    })
    const opened = await staff.page.request.post('/api/v1/cases', {
      data: {
        type: 'medical',
        summary: 'Fell on a stairway in Shinjuku, bleeding',
        ...TOKYO,
        people: [{ personId }],
        answers: { lifeThreatening: true },
      },
    })
    expect(opened.status(), await opened.text()).toBe(201)
    caseId = (await opened.json()).id
    await staff.context.close()
  })

  it('shows the duty officer numbers that open their lists (English, 1280 px)', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 900, locale: 'en-GB' })
    await signIn(page, 'duty@demo.lingshi')
    await page.goto('/console')
    const sos = page.getByTestId('overview-card-sos_open')
    await sos.waitFor()
    await expect
      .poll(async () => Number((await sos.locator('.ant-statistic-content-value').textContent()) ?? 0))
      .toBeGreaterThan(0)
    for (const key of ['p1_open', 'sla_missed', 'alerts_sending', 'advisories_pending'])
      await page.getByTestId(`overview-card-${key}`).waitFor()
    expect(await page.getByTestId('overview-waiting').textContent()).toContain('waiting')
    expect(await page.getByTestId('overview-waiting').textContent()).not.toContain('available')
    await page.screenshot({ path: path.join(SHOTS, 'desk-overview-1280-en.png'), fullPage: true })

    const p1 = Number(
      (await page
        .getByTestId('overview-card-p1_open')
        .locator('.ant-statistic-content-value')
        .textContent()) ?? 0,
    )
    expect(p1).toBeGreaterThan(0)
    await page.getByTestId('overview-card-p1_open').click()
    await page.waitForURL(/\/console\/cases\?.*priority=P1/)
    await page.getByTestId('cases-table').locator('tbody tr.ant-table-row').first().waitFor()
    expect(await page.getByTestId('cases-table').locator('tbody tr.ant-table-row').count()).toBe(p1)
    await context.close()
  })

  it('lets an operator find the caller by phone and open their record (zh-CN, 390 px)', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await signIn(page, 'operator@demo.lingshi')
    await page.goto('/console')
    await page.getByTestId('overview-card-contacts_open').waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'desk-overview-390-zh.png'), fullPage: true })
    await page.goto('/console/hotline')
    await page.getByTestId('caller-phone').fill(PHONE)
    await page.getByTestId('caller-find').click()
    await expect.poll(() => page.getByTestId('caller-name').textContent()).toBe('SUN LI · 孙丽')
    expect(await page.getByTestId('open-case-hint').textContent()).toContain('请先记录')
    await page.getByTestId('caller-name').click()
    await page.waitForURL(new RegExp(`/console/people/${personId}$`))
    await expect.poll(() => page.getByTestId('record-name').textContent()).toBe('SUN LI · 孙丽')
    expect(await page.getByTestId('record-phone').getAttribute('href')).toBe(`tel:${PHONE}`)
    expect(await page.getByTestId('record-where').textContent()).toContain('日本')
    expect(await page.getByTestId('record-cases').textContent()).toContain('P1')
    expect(await page.getByTestId('record-contacts').textContent()).toContain('SOS-')
    const overflow = await page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: path.join(SHOTS, 'desk-record-390-zh.png'), fullPage: true })
    await page.goto('/console/cases')
    await page.getByTestId('cases-table').locator('tbody tr.ant-table-row').first().waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'desk-cases-390-zh.png'), fullPage: true })
    await context.close()
  })

  it('lets the Tokyo officer assign the case to themself and see its due times', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 900, locale: 'en-GB' })
    await signIn(page, 'officer.tokyo@demo.lingshi')
    await page.goto(`/console/cases/${caseId}`)
    await page.getByTestId('assign-to-me').click()
    await page.getByTestId('assigned-to-me').waitFor()
    expect(await page.getByTestId('case-assignee').textContent()).not.toBe('—')
    const due = page.getByTestId('first-response-due').or(page.getByTestId('first-response-done'))
    await due.first().waitFor()
    expect(await due.first().textContent()).toMatch(/due in|overdue by|given/)
    expect(await page.getByTestId('case-emergency-contacts').textContent()).toContain('Sun Hua')
    expect(
      await page.getByTestId('case-emergency-contacts').locator('a[href^="tel:"]').getAttribute('href'),
    ).toBe('tel:+8613800138000')
    // The summary is shown once: the timeline's "opened" entry does not repeat it.
    expect(await page.getByText('Fell on a stairway in Shinjuku, bleeding').count()).toBe(1)
    await page.screenshot({ path: path.join(SHOTS, 'desk-case-1280-en.png'), fullPage: true })
    await context.close()
  })
})
