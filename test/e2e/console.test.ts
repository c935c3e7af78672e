import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uniqueEmail } from '../helpers/http.ts'
import { type E2E, SHOTS, startE2E } from './harness.ts'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

async function signIn(page: Page, email: string, password = 'lingshi-demo') {
  await page.goto('/login')
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
}

async function navKeys(page: Page): Promise<string[]> {
  await page.getByTestId('console-title').waitFor()
  return page
    .locator('[data-testid^="nav-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')?.slice(4) ?? ''))
}

describe('the staff console', () => {
  it('shows each role its own navigation', async () => {
    const expected: Record<string, string[]> = {
      'operator@demo.lingshi': ['hotline', 'cases', 'alerts'],
      'officer.tokyo@demo.lingshi': [
        'cases',
        'people',
        'advisories',
        'alerts',
        'services',
        'missions',
        'appointments',
        'sites',
      ],
      'duty@demo.lingshi': [
        'dashboard',
        'alerts',
        'advisories',
        'people',
        'hotline',
        'cases',
        'crises',
        'services',
        'enterprises',
        'sites',
        'sprout',
      ],
      'admin@demo.lingshi': [
        'users',
        'missions',
        'healthSites',
        'catalogue',
        'audit',
        'outbox',
        'enterprises',
        'appointments',
        'sprout',
      ],
      'clinician.tokyo@demo.lingshi': ['vaccination'],
    }
    for (const [email, keys] of Object.entries(expected)) {
      const { page, context } = await e2e.newPage({ locale: 'en-GB' })
      await signIn(page, email)
      await page.waitForURL(/\/console/)
      expect(await navKeys(page), email).toEqual(keys)
      if (email.startsWith('officer')) {
        expect(await page.getByText('Embassy of the People').first().textContent()).toContain('Japan')
        await page.getByTestId('nav-services').click()
        await page.getByTestId('review-queue').waitFor()
        expect(await page.getByTestId('not-yet').count()).toBe(0)
      }
      await context.close()
    }
  })

  it('turns a citizen away from the console', async () => {
    const { page, context } = await e2e.newPage({ locale: 'zh-CN' })
    await signIn(page, 'citizen@demo.lingshi')
    await page.waitForURL((url) => url.pathname === '/')
    await page.goto('/console')
    await expect.poll(() => page.getByText('您的角色无权访问此页面').count()).toBe(1)
    await context.close()
  })

  it('lets an administrator create an officer for a mission', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-GB' })
    await signIn(page, 'admin@demo.lingshi')
    await page.getByTestId('nav-users').click()
    const email = uniqueEmail()
    await page.getByTestId('user-email').fill(email)
    await page.getByTestId('user-name').fill('Zhang Wei')
    await page.getByTestId('user-role').click()
    await page.getByTitle('Consular officer').click()
    await page.getByTestId('user-submit').click()
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').textContent())
      .toContain('at least one mission')
    await page.getByTestId('user-missions').click()
    await page.keyboard.type('JP-OSA')
    await page.keyboard.press('Enter')
    await page.getByTestId('user-name').click()
    await page.getByTestId('user-submit').click()
    await expect.poll(() => page.getByTestId('temporary-password').count()).toBe(1)
    await expect.poll(() => page.getByTestId('users-table').textContent()).toContain(email)
    await page.screenshot({ path: path.join(SHOTS, 'console-users-1280-en.png'), fullPage: true })

    const users = (await (await page.request.get('/api/v1/users?role=officer')).json()) as Array<{
      email: string
      missions: Array<{ code: string }>
    }>
    expect(users.find((u) => u.email === email)?.missions.map((m) => m.code)).toEqual(['JP-OSA-CG'])
    await context.close()
  })

  it('fits a phone: the navigation moves into a drawer', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await signIn(page, 'duty@demo.lingshi')
    await page.getByTestId('console-title').waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'console-390-zh.png'), fullPage: true })
    await page.getByTestId('console-menu').click()
    await page.getByTestId('nav-alerts').click()
    await expect.poll(() => page.getByTestId('alerts-title').textContent()).toContain('安全预警')
    await context.close()
  })

  it('shows an administrator the e-mail captured in demo mode', async () => {
    const { page, context } = await e2e.newPage({ locale: 'zh-CN' })
    await signIn(page, 'admin@demo.lingshi')
    await page.getByTestId('nav-outbox').click()
    await expect.poll(() => page.getByText('未配置SMTP服务器').count()).toBe(1)
    await page.getByTestId('outbox-table').waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'console-outbox-1280-zh.png') })
    await context.close()
  })
})
