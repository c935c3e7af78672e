import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOST_REPLACEMENT, submittedRenewal } from '../helpers/applications.ts'
import { registerCitizen } from '../helpers/http.ts'
import { type E2E, SHOTS, startE2E } from './harness.ts'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

async function signIn(page: Page, email: string, password = 'lingshi-demo'): Promise<void> {
  await page.goto('/login')
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

describe('after the review: the register, two approvers, batches, the catalogue', () => {
  it('shows the Tokyo officer a lost passport on the register and asks a second officer to approve', async () => {
    const me = await registerCitizen(e2e.rt.app)
    const { id } = await submittedRenewal(e2e.rt.app, me.cookie, {
      ...LOST_REPLACEMENT,
      form: { reason: 'lost', currentPassport: { number: 'E24681357', expiryDate: '2031-05-01' } },
    })
    const { page, context } = await e2e.newPage({ width: 1280, height: 900, locale: 'en' })
    await signIn(page, 'officer.tokyo@demo.lingshi')
    await page.goto(`/console/services/${id}`)
    await page.getByTestId('register-hit').waitFor()
    expect(await page.getByTestId('register-hit').textContent()).toContain(
      'register of invalidated documents',
    )
    await page.getByTestId('action-accept').click()
    await page.getByTestId('second-approver').waitFor()
    await page.getByTestId('action-approve').click()
    await page.getByText('A second, different officer must approve').waitFor()
    await page.screenshot({
      path: path.join(SHOTS, 'applications-1280-en-second-approver.png'),
      fullPage: true,
    })
    await page.getByTestId('action-approve').click()
    await page.getByTestId('action-error').waitFor()
    expect(await page.getByTestId('action-error').textContent()).toContain('second, different officer')

    await page.goto('/console/services/register')
    await page.getByTestId('register-number').fill('E24681357')
    await page.getByTestId('register-search').click()
    await page.getByTestId('register-found').waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'applications-1280-en-register.png'), fullPage: true })

    await page.goto('/console/services/batches')
    await page.getByTestId('batch-create').click()
    await page.getByText('No approved and paid application').waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'applications-1280-en-batches.png'), fullPage: true })
    await context.close()
  })

  it('lets an administrator edit a service of one mission, in Chinese', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 900, locale: 'zh-CN' })
    await signIn(page, 'admin@demo.lingshi')
    await page.goto('/console/catalogue')
    await page.getByTestId('catalogue-edit-travel_document').click()
    await page.getByTestId('catalogue-fee').fill('3100')
    await page.screenshot({ path: path.join(SHOTS, 'applications-1280-zh-catalogue-edit.png') })
    await page.getByTestId('catalogue-save').click()
    await page.getByText('已保存').waitFor()
    const services = (await (await fetch(`${e2e.baseUrl}/api/v1/missions/JP-TYO-EMB/services`)).json()) as {
      code: string
      fee: { amount: number }
    }[]
    expect(services.find((s) => s.code === 'travel_document')?.fee.amount).toBe(3100)
    await context.close()
  })
})
