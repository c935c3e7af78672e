import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_CITIZEN_PROFILE } from '../../src/seed/demo.ts'
import { login } from '../helpers/http.ts'
import { type E2E, SHOTS, startE2E } from './harness.ts'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

async function signIn(page: Page, email: string) {
  await page.goto('/login')
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill('lingshi-demo')
  await page.getByTestId('login-submit').click()
}

/** The machine is shared: a page may take several seconds to answer. */
const POLL = { timeout: 20_000 }
/** An option of the select list open now (a closed one stays in the page, hidden). */
const OPEN_OPTION = '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option'
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true })
const qrFile = path.join(os.tmpdir(), `lingshi-health-qr-${process.pid}.png`)

describe('healthy travel, from the dose to the verifier', () => {
  it('the Tokyo clinician finds the demo citizen by passport number and records the second dose', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await signIn(page, 'clinician.tokyo@demo.lingshi')
    await page.waitForURL(/\/console/)
    await page.getByTestId('nav-vaccination').click()
    await expect
      .poll(() => page.getByTestId('clinician-site').textContent(), POLL)
      .toContain('vaccination site')
    await page.getByTestId('clinician-passport').fill(DEMO_CITIZEN_PROFILE.passportNumber)
    await page.getByTestId('clinician-find').click()
    await expect.poll(() => page.getByTestId('clinician-person').textContent(), POLL).toContain('1990-03-15')
    await page.getByTestId('dose-lot').fill('FK1234')
    await page.getByTestId('dose-number').fill('2')
    await page.getByTestId('dose-series').fill('2')
    await page.getByTestId('dose-record').click()
    await expect.poll(() => page.getByTestId('dose-recorded').count(), POLL).toBe(1)
    await shot(page, 'health-clinician-1280-en.png')
    await page.setViewportSize({ width: 390, height: 844 })
    await shot(page, 'health-clinician-390-en.png')
    await context.close()
  })

  it('the citizen (zh-CN, 390 px) sees the certificate and its QR', async () => {
    const { page, context } = await e2e.newPage({ locale: 'zh-CN', width: 390, height: 844 })
    await signIn(page, 'citizen@demo.lingshi')
    await page.waitForURL((url) => url.pathname === '/')
    await page.goto('/me/health')
    await expect.poll(() => page.getByTestId('wallet-certificate').count(), POLL).toBe(1)
    expect(await page.getByTestId('wallet-certificate').textContent()).toContain('疫苗接种')
    const qr = page.getByTestId('wallet-qr')
    await expect
      .poll(() => qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), POLL)
      .toBeGreaterThan(0)
    await qr.screenshot({ path: qrFile })
    await shot(page, 'health-wallet-390-zh.png')
    await page.setViewportSize({ width: 1280, height: 800 })
    await shot(page, 'health-wallet-1280-zh.png')
    await context.close()
  })

  it('the verifier, offline after loading, shows green for that QR, and red once it is revoked', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-GB', width: 390, height: 844 })
    await page.goto('/verify')
    await expect
      .poll(() => page.getByTestId('verify-lists').textContent(), POLL)
      .toMatch(/signer certificates?, 0 revoked/)
    await context.setOffline(true)
    await page.getByTestId('verify-image').setInputFiles(qrFile)
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-valid'), POLL).toBe('true')
    expect(await page.getByTestId('verdict-holder').textContent()).toContain('LI MING')
    await shot(page, 'health-verify-green-390-en.png')

    const admin = await login(e2e.rt.app, 'admin@demo.lingshi', 'lingshi-demo')
    const citizen = await login(e2e.rt.app, 'citizen@demo.lingshi', 'lingshi-demo')
    const certs = (
      await e2e.rt.app.inject({
        method: 'GET',
        url: '/api/v1/me/health/certificates',
        headers: { cookie: citizen.cookie },
      })
    ).json() as Array<{ id: string }>
    const revoked = await e2e.rt.app.inject({
      method: 'POST',
      url: `/api/v1/health/certificates/${certs[0]?.id}/revoke`,
      headers: { cookie: admin.cookie },
      payload: { reason: 'Lot recalled by the manufacturer' },
    })
    expect(revoked.statusCode, revoked.body).toBe(200)

    await context.setOffline(false)
    await page.getByTestId('verify-refresh').click()
    await expect.poll(() => page.getByTestId('verify-lists').textContent(), POLL).toMatch(/1 revoked/)
    await context.setOffline(true)
    await page.getByTestId('verify-image').setInputFiles(qrFile)
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-valid'), POLL).toBe('false')
    expect(await page.getByTestId('verdict-failed').textContent()).toContain('Revoked by the issuer')
    await shot(page, 'health-verify-red-390-en.png')
    await page.setViewportSize({ width: 1280, height: 800 })
    await shot(page, 'health-verify-red-1280-en.png')
    await context.close()
  })

  it('the clinician (zh-CN, 390 px) records a rapid antigen test from the EU device list', async () => {
    const { page, context } = await e2e.newPage({ locale: 'zh-CN', width: 390, height: 844 })
    await signIn(page, 'clinician.tokyo@demo.lingshi')
    await page.waitForURL(/\/console/)
    await page.goto('/console/vaccination')
    await page.getByTestId('clinician-passport').fill(DEMO_CITIZEN_PROFILE.passportNumber)
    await page.getByTestId('clinician-find').click()
    await expect.poll(() => page.getByTestId('clinician-person').count(), POLL).toBe(1)
    await page.getByTestId('tab-test').click()
    await page.getByTestId('test-device').click()
    await page.keyboard.type('Panbio')
    await page.locator(OPEN_OPTION, { hasText: 'Panbio' }).first().click()
    await page.getByTestId('test-record').click()
    await expect.poll(() => page.getByTestId('test-recorded').count(), POLL).toBe(1)
    await shot(page, 'health-test-390-zh.png')
    await page.getByTestId('tab-recovery').click()
    await expect.poll(() => page.getByTestId('recovery-record').count(), POLL).toBe(1)
    await page.setViewportSize({ width: 1280, height: 800 })
    await shot(page, 'health-recovery-1280-zh.png')
    await context.close()
  })

  it('an administrator (English, 1280 px) puts the clinician at a vaccination site', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await signIn(page, 'admin@demo.lingshi')
    await page.waitForURL(/\/console/)
    await page.getByTestId('nav-healthSites').click()
    await page.getByTestId('assign-clinician').click()
    await page.locator(OPEN_OPTION, { hasText: 'clinician.tokyo' }).first().click()
    await page.getByTestId('assign-site').click()
    await page.keyboard.type('Japan')
    await page.locator(OPEN_OPTION, { hasText: 'vaccination site' }).first().click()
    await page.getByTestId('assign-submit').click()
    await expect.poll(() => page.getByTestId('assign-done').textContent(), POLL).toContain('vaccination site')
    await shot(page, 'health-sites-1280-en.png')
    await page.setViewportSize({ width: 390, height: 844 })
    await shot(page, 'health-sites-390-en.png')
    await context.close()
  })
})
