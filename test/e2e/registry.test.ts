import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayFromToday, uniqueEmail } from '../helpers/http.ts'
import { type Mailbox, startMailbox } from '../helpers/smtp.ts'
import { chooseLevel, confirmPublish } from './advisory-steps.ts'
import { type E2E, SHOTS, startE2E } from './harness.ts'

let e2e: E2E
let mailbox: Mailbox
beforeAll(async () => {
  mailbox = await startMailbox()
  e2e = await startE2E({ env: { SMTP_URL: mailbox.url } })
})
afterAll(async () => {
  await e2e?.close()
  await mailbox?.close()
})

const LANGS = [
  {
    lang: 'zh-CN',
    width: 390,
    height: 844,
    country: 'KR',
    countryName: '韩国',
    name: '王芳',
    saved: '资料已保存',
    inverted: '结束日期早于开始日期',
    badPhone: '电话号码无效',
    follow: '关注此国家',
    unfollow: '取消关注',
    level: '谨慎前往（2级）',
    subject: '韩国旅行提醒更新',
  },
  {
    lang: 'en',
    width: 1280,
    height: 900,
    country: 'TH',
    countryName: 'Thailand',
    name: 'Wang Fang',
    saved: 'Profile saved',
    inverted: 'ends before it starts',
    badPhone: 'Not a valid phone number',
    follow: 'Follow this country',
    unfollow: 'Stop following',
    level: 'level 2, Travel with caution',
    subject: 'Thailand travel advisory updated',
  },
] as const

async function pickCountry(page: Page, testId: string, code: string): Promise<void> {
  await page.getByTestId(testId).click()
  await page.keyboard.type(`(${code})`)
  await page.keyboard.press('Enter')
}

describe.each(LANGS)('a citizen in $lang, and the staff who warn them', (l) => {
  const shot = (name: string) => path.join(SHOTS, `registry-${name}-${l.width}-${l.lang}.png`)
  const email = uniqueEmail()

  it('signs up, completes the profile, registers a trip and follows the country', async () => {
    const { page, context } = await e2e.newPage({ width: l.width, height: l.height, locale: l.lang })
    await page.goto('/register')
    await page.getByTestId('register-name').fill(l.name)
    await page.getByTestId('register-email').fill(email)
    await page.getByTestId('register-password').fill('a long enough passphrase')
    await page.getByTestId('register-submit').click()
    await page.getByTestId('citizen-tabs').waitFor()

    await page.getByTestId('tab-profile').click()
    await page.getByTestId('profile-nameLatin').fill('WANG FANG')
    await page.getByTestId('profile-nameZh').fill('王芳')
    await page.getByTestId('profile-dob').fill('1990-04-12')
    await page.getByTestId('profile-phone').fill('12345')
    await page.getByTestId('profile-save').click()
    await page.getByText(l.badPhone).waitFor()
    await page.getByTestId('profile-phone').fill('+81 90 1234 5678')
    await page.getByTestId('contact-add').click()
    await page.getByTestId('contact-name-0').fill('Wang Lei')
    await page.getByTestId('contact-phone-0').fill('+86 138 0013 8000')
    await page.getByTestId('contact-relation-0').fill('brother')
    await page.getByTestId('profile-save').click()
    await page.getByText(l.saved).waitFor()
    await page.screenshot({ path: shot('profile'), fullPage: true })
    const profile = await (await page.request.get('/api/v1/me/profile')).json()
    expect(profile).toMatchObject({
      nameLatin: 'WANG FANG',
      nameZh: '王芳',
      dateOfBirth: '1990-04-12',
      phone: '+819012345678',
      emergencyContacts: [{ name: 'Wang Lei', phone: '+8613800138000', relation: 'brother' }],
    })

    await page.getByTestId('tab-trips').click()
    await page.getByTestId('trips-empty').waitFor()
    await page.getByTestId('trip-add').click()
    await pickCountry(page, 'trip-country-0', l.country)
    await page.getByTestId('trip-city-0').fill('City')
    await page.getByTestId('trip-start').fill(dayFromToday(10))
    await page.getByTestId('trip-end').fill(dayFromToday(3))
    await page.getByTestId('trip-save').click()
    await expect.poll(() => page.getByTestId('form-error').textContent()).toContain(l.inverted)
    await page.getByTestId('trip-start').fill(dayFromToday(2))
    await page.getByTestId('trip-end').fill(dayFromToday(12))
    await page.getByTestId('trip-save').click()
    await expect.poll(() => page.getByTestId('trips-list').textContent()).toContain(l.countryName)
    await page.screenshot({ path: shot('trips'), fullPage: true })
    const trips = await (await page.request.get('/api/v1/me/trips')).json()
    expect(trips).toMatchObject([
      { destinations: [{ country: l.country, city: 'City' }], startDate: dayFromToday(2) },
    ])

    await page.getByTestId('tab-advisories').click()
    await page.getByTestId('advisories-search').locator('input').fill(l.countryName)
    await page.getByTestId(`advisory-${l.country}`).click()
    await expect.poll(() => page.getByTestId('country-title').textContent()).toBe(l.countryName)
    await page.getByTestId('follow').click()
    await expect.poll(() => page.getByTestId('follow').textContent()).toContain(l.unfollow)
    await page.screenshot({ path: shot('country'), fullPage: true })
    const subs = await (await page.request.get('/api/v1/me/subscriptions')).json()
    expect(subs.map((s: { country: string }) => s.country)).toEqual([l.country])
    await context.close()
  }, 180_000)

  it('gets the published level change in the inbox and by e-mail, in that language', async () => {
    const staff = await e2e.newPage({ width: 1280, height: 900, locale: l.lang })
    const console_ = staff.page
    await console_.goto('/login')
    await console_.getByTestId('login-email').fill('duty@demo.lingshi')
    await console_.getByTestId('login-password').fill('lingshi-demo')
    await console_.getByTestId('login-submit').click()
    await console_.getByTestId('console-title').waitFor()
    await console_.goto(`/console/advisories/${l.country}`)
    await chooseLevel(console_, 2)
    await console_.getByTestId('summary-zh-CN').fill('近期局势紧张，请谨慎前往。')
    await console_.getByTestId('summary-en').fill('Tension is high; travel with caution.')
    await console_.getByTestId('save-draft').click()
    await console_.getByTestId('publish').and(console_.locator(':enabled')).waitFor()
    await confirmPublish(console_, 2)
    await console_.screenshot({ path: shot('published') })
    await staff.context.close()

    const { page, context } = await e2e.newPage({ width: l.width, height: l.height, locale: l.lang })
    await page.goto('/login')
    await page.getByTestId('login-email').fill(email)
    await page.getByTestId('login-password').fill('a long enough passphrase')
    await page.getByTestId('login-submit').click()
    await page.getByTestId('citizen-tabs').waitFor()
    await page.getByTestId('tab-inbox').click()
    await expect.poll(() => page.getByTestId('inbox-list').textContent()).toContain(l.level)
    await page.screenshot({ path: shot('inbox'), fullPage: true })

    const toThem = () => mailbox.messages.filter((m) => JSON.stringify(m.to).includes(email))
    await expect.poll(() => toThem().length, { timeout: 20_000 }).toBe(1)
    expect(toThem()[0]?.subject).toContain(l.subject)
    await context.close()
  }, 180_000)
})
