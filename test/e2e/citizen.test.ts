import path from 'node:path'
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

describe('a citizen on a phone', () => {
  it('reads the home page in Chinese, switches to English, and back', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await page.goto('/')
    await expect.poll(() => page.getByTestId('hotline').textContent()).toContain('12308')
    expect(await page.getByTestId('home-title').textContent()).toContain('海外公民')
    await page.screenshot({ path: path.join(SHOTS, 'home-390-zh.png'), fullPage: true })

    await page.getByTestId('language-switch').click()
    await expect.poll(() => page.getByTestId('home-title').textContent()).toContain('citizens abroad')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await page.screenshot({ path: path.join(SHOTS, 'home-390-en.png'), fullPage: true })

    await page.reload()
    await expect.poll(() => page.getByTestId('home-title').textContent()).toContain('citizens abroad')
    await page.getByTestId('language-switch').click()
    await expect.poll(() => page.getByTestId('home-title').textContent()).toContain('海外公民')
    await context.close()
  })

  it('signs up with e-mail, signs out and signs in again', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'en-GB' })
    const email = uniqueEmail()
    await page.goto('/register')
    await page.getByTestId('register-name').fill('Li Ming')
    await page.getByTestId('register-email').fill(email)
    await page.getByTestId('register-password').fill('short')
    await page.getByTestId('register-submit').click()
    await expect.poll(() => page.getByTestId('form-error').textContent()).toMatch(/password/i)
    await page.screenshot({ path: path.join(SHOTS, 'register-390-error.png'), fullPage: true })

    await page.getByTestId('register-password').fill('a long enough passphrase')
    await page.getByTestId('register-submit').click()
    await expect.poll(() => page.getByTestId('home-title').textContent()).toContain('Welcome, Li Ming')

    await page.getByTestId('account-menu').click()
    await page.getByTestId('sign-out').click()
    await page.waitForURL(/\/login/)
    const me = await page.request.get('/api/v1/me')
    expect(me.status()).toBe(401)

    await page.getByTestId('login-email').fill(email)
    await page.getByTestId('login-password').fill('wrong password here')
    await page.getByTestId('login-submit').click()
    await expect.poll(() => page.getByTestId('form-error').textContent()).toMatch(/wrong/i)
    await page.getByTestId('login-password').fill('a long enough passphrase')
    await page.getByTestId('login-submit').click()
    await expect.poll(() => page.getByTestId('home-title').textContent()).toContain('Li Ming')
    await context.close()
  })

  it('signs up with a phone number instead of an e-mail address', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    const phone = `+8613${String(Date.now()).slice(-9)}`
    await page.goto('/register')
    await page.getByText('手机', { exact: true }).click()
    await page.getByTestId('register-name').fill('王芳')
    await page.getByTestId('register-phone').fill(phone)
    await page.getByTestId('register-password').fill('一个足够长的密码短语')
    await page.getByTestId('register-submit').click()
    await expect.poll(() => page.getByTestId('home-title').textContent()).toContain('欢迎，王芳')
    const me = await (await page.request.get('/api/v1/me')).json()
    expect(me).toMatchObject({ phone, email: null, roles: ['citizen'] })
    await context.close()
  })

  it('finds a consulate by city and shows a 404 page for unknown addresses', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await page.goto('/missions')
    await page.getByTestId('missions-search').locator('input').fill('大阪')
    await expect.poll(() => page.getByTestId('missions-list').textContent()).toContain('总领事馆')
    await page.screenshot({ path: path.join(SHOTS, 'missions-390-zh.png'), fullPage: true })
    await page.goto('/no/such/page')
    await expect.poll(() => page.getByText('页面不存在').count()).toBeGreaterThan(0)
    await context.close()
  })
})
