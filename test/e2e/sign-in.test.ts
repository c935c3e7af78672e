import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uniqueEmail } from '../helpers/http.ts'
import { signIn } from '../helpers/sign-in.ts'
import { type E2E, SHOTS, startE2E } from './harness.ts'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

describe('signing in after failed sign-ins from the same address (#16 finding 3)', () => {
  it('signs in with no challenge while nothing has failed', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en' })
    await page.goto('/login')
    await page.getByTestId('login-email').fill('citizen@demo.lingshi')
    await page.getByTestId('login-password').fill('lingshi-demo')
    await page.getByTestId('login-submit').click()
    await page.getByTestId('citizen-tabs').waitFor()
    expect(await page.getByTestId('sign-in-challenge').count()).toBe(0)
    await context.close()
  })

  it.each([
    { lang: 'en', label: 'Automatic check', width: 1280 },
    { lang: 'zh-CN', label: '自动安全验证', width: 390 },
  ])('shows the proof-of-work check in $lang, solves it and signs in', async ({ lang, label, width }) => {
    // Someone else at this address (the browser's too) keeps getting passwords wrong.
    for (let i = 0; i < 10; i++)
      await signIn(e2e.rt.app, { email: uniqueEmail('guess'), password: `guess number ${i}` }, '127.0.0.1')

    const { page, context } = await e2e.newPage({ locale: lang, width, height: 844 })
    await page.goto('/login')
    await page.getByTestId('login-email').fill('citizen@demo.lingshi')
    await page.getByTestId('login-password').fill('lingshi-demo')
    await page.getByTestId('login-submit').click()
    await page.getByTestId('sign-in-challenge').waitFor()
    // Solved in the browser, the sign-in goes again by itself.
    await page.getByTestId('citizen-tabs').waitFor({ timeout: 60_000 })
    // The widget spoke our words in the reader's language (it is gone once signed in).
    const words = await page.evaluate(
      (key) =>
        (
          globalThis as unknown as { $altcha: { i18n: { get(k: string): { label: string } } } }
        ).$altcha.i18n.get(key),
      lang === 'en' ? 'lingshi-en' : 'lingshi-zh',
    )
    expect(words.label).toBe(label)
    await page.screenshot({ path: path.join(SHOTS, `sign-in-challenge-${width}-${lang}.png`) })
    await context.close()
  })
})

describe('a weak password at sign-up', () => {
  it("shows the estimator's advice in the reader's language", async () => {
    const { page, context } = await e2e.newPage({ locale: 'zh-CN', width: 390, height: 844 })
    await page.goto('/register')
    await page.getByTestId('register-name').fill('王芳')
    await page.getByTestId('register-email').fill(uniqueEmail('weak'))
    await page.getByTestId('register-password').fill('Password1!')
    await page.getByTestId('register-submit').click()
    await expect.poll(() => page.getByTestId('password-advice').textContent()).toContain('常用密码相似')
    await context.close()
  })
})
