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

const CITIZEN = { email: uniqueEmail('sos'), password: 'a long enough passphrase' }
const PHONE = `+8190${String(Date.now()).slice(-8)}`
const SHINJUKU = { latitude: 35.6896, longitude: 139.7006 }

async function signIn(page: Page, email: string, password = 'lingshi-demo'): Promise<void> {
  await page.goto('/login')
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true })

/** A citizen's phone (zh-CN, 390 px) that may share where it is. */
async function citizenPhone() {
  const opened = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
  await opened.context.grantPermissions(['geolocation'])
  await opened.context.setGeolocation(SHINJUKU)
  await signIn(opened.page, CITIZEN.email, CITIZEN.password)
  return opened
}

describe('an SOS that follows through (issue #14)', () => {
  let reference = ''

  it('registers a citizen in Tokyo', async () => {
    const { page, context } = await e2e.newPage()
    const api = page.request
    expect(
      (
        await api.post('/api/v1/auth/register', { data: { ...CITIZEN, name: 'Li Na', phone: PHONE } })
      ).status(),
    ).toBe(201)
    expect(
      (await api.put('/api/v1/me/profile', { data: { nameLatin: 'LI NA', nameZh: '李娜' } })).status(),
    ).toBe(200)
    await context.close()
  })

  it('sends the SOS with a two-second hold and shows its reference, `received` and the call-back number', async () => {
    const { page, context } = await citizenPhone()
    await page.getByTestId('tab-help').click()
    await page.getByTestId('help-message').fill('在新宿站被抢劫，受了轻伤')
    await expect.poll(() => page.getByTestId('help-callback').inputValue()).toBe(PHONE)
    const hold = page.getByTestId('help-hold')
    await hold.scrollIntoViewIfNeeded()
    const box = await hold.boundingBox()
    if (!box) throw new Error('the SOS button is not on the screen')
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    // A tap sends nothing.
    await page.mouse.down()
    await page.mouse.up()
    expect(await page.getByTestId('help-reference').count()).toBe(0)
    await page.mouse.down()
    await expect.poll(() => hold.textContent()).toContain('请继续按住')
    await shot(page, 'sos-holding-390-zh.png')
    await page.getByTestId('help-reference').waitFor()
    await page.mouse.up()
    reference = (await page.getByTestId('help-reference').textContent()) ?? ''
    expect(reference).toMatch(/^SOS-[0-9A-Z]{6}$/)
    expect(await page.getByTestId('help-status').getAttribute('data-status')).toBe('received')
    expect(await page.getByTestId('help-status').textContent()).toBe('已收到')
    expect(await page.getByTestId('help-callback-number').textContent()).toBe(PHONE)
    expect(await page.getByTestId('call-12308').getAttribute('href')).toBe('tel:+861012308')
    await shot(page, 'sos-received-390-zh.png')
    const mine = await (await page.request.get('/api/v1/me/help')).json()
    expect(mine[0]).toMatchObject({ reference, status: 'received', location: { lat: SHINJUKU.latitude } })
    await context.close()
  })

  it('lets the operator acknowledge it; the citizen sees it acknowledged, cancels it as a false alarm; the hotline shows it cancelled', async () => {
    const operator = await e2e.newPage({ width: 1280, height: 900, locale: 'en-GB' })
    await signIn(operator.page, 'operator@demo.lingshi')
    await operator.page.goto('/console/hotline')
    const item = operator.page.getByTestId('help-item').filter({ hasText: reference })
    await item.waitFor({ timeout: 15_000 })
    expect(await item.getAttribute('data-status')).toBe('received')
    expect(await item.getByTestId('help-item-waited').textContent()).toContain('waiting')
    expect(await item.getByTestId('help-item-status').textContent()).toBe('New')
    await shot(operator.page, 'sos-queue-new-1280-en.png')
    await item.getByTestId('help-ack').click()
    await expect.poll(() => item.getAttribute('data-status')).toBe('acknowledged')
    expect(await item.getByTestId('help-item-waited').textContent()).toContain('seen after')

    const citizen = await citizenPhone()
    await citizen.page.goto('/me/help')
    const status = citizen.page.getByTestId('help-status')
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 20_000 }).toBe('acknowledged')
    expect(await status.textContent()).toBe('值班人员已查看')
    expect(await citizen.page.getByTestId('help-reference').textContent()).toBe(reference)
    await shot(citizen.page, 'sos-acknowledged-390-zh.png')

    await citizen.page.getByTestId('help-false-alarm').click()
    await citizen.page.getByTestId('help-cancel-ok').click()
    await expect.poll(() => status.getAttribute('data-status')).toBe('cancelled')
    await citizen.page.getByTestId('help-cancel-ok').waitFor({ state: 'hidden' })
    expect(await citizen.page.getByTestId('help-cancelled').textContent()).toContain('误报')
    expect(await citizen.page.getByTestId('help-false-alarm').count()).toBe(0)
    await shot(citizen.page, 'sos-cancelled-390-zh.png')

    await expect.poll(() => item.getAttribute('data-status'), { timeout: 20_000 }).toBe('cancelled')
    expect(await item.getByTestId('help-item-status').textContent()).toBe('Cancelled · false alarm')
    expect(await item.getByTestId('help-ack').count()).toBe(0)
    await shot(operator.page, 'sos-queue-cancelled-1280-en.png')
    await citizen.context.close()
    await operator.context.close()
  })

  it('sends with the keyboard (Space held) in English on a desktop, and shows staff no SOS button', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 900, locale: 'en-GB' })
    await context.grantPermissions(['geolocation'])
    await context.setGeolocation(SHINJUKU)
    await signIn(page, CITIZEN.email, CITIZEN.password)
    // Only a cancelled request: the page offers a new one.
    await page.goto('/me/help')
    await page.getByTestId('help-hold').focus()
    await page.keyboard.down(' ')
    await page.getByTestId('help-reference').waitFor()
    await page.keyboard.up(' ')
    expect(await page.getByTestId('help-status').textContent()).toBe('Received')
    await shot(page, 'sos-received-1280-en.png')
    await page.getByTestId('help-safe-now').click()
    await page.getByTestId('help-cancel-ok').click()
    await expect.poll(() => page.getByTestId('help-status').getAttribute('data-status')).toBe('cancelled')
    await page.getByTestId('help-cancel-ok').waitFor({ state: 'hidden' })
    await shot(page, 'sos-cancelled-1280-en.png')
    await page.getByTestId('help-new').click()
    await page.getByTestId('help-hold').waitFor()
    await context.close()

    const staff = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await signIn(staff.page, 'operator@demo.lingshi')
    await staff.page.goto('/')
    await staff.page.getByTestId('services').waitFor()
    expect(await staff.page.getByTestId('service-help').count()).toBe(0)
    expect(await staff.page.getByTestId('tab-help').count()).toBe(0)
    await staff.page.goto('/me/help')
    await staff.page.getByTestId('help-not-for-role').waitFor()
    expect(await staff.page.getByTestId('help-hold').count()).toBe(0)
    await staff.page.goto('/console/hotline')
    await staff.page.getByTestId('help-item').filter({ hasText: reference }).waitFor({ timeout: 15_000 })
    await shot(staff.page, 'sos-queue-390-zh.png')
    await staff.context.close()
  })
})
