import path from 'node:path'
import type { ParsedMail } from 'mailparser'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_CITIZEN_PHONE } from '../../src/seed/demo.ts'
import { caller, login, registerCitizen, uniqueEmail } from '../helpers/http.ts'
import { type HttpSink, startHttpSink } from '../helpers/http-sink.ts'
import { type Mailbox, startMailbox } from '../helpers/smtp.ts'
import { type E2E, SHOTS, startE2E } from './harness.ts'

let e2e: E2E
let gateway: HttpSink
let mailbox: Mailbox
beforeAll(async () => {
  gateway = await startHttpSink(() => ({ status: 202, body: '{"id":"gw"}' }))
  mailbox = await startMailbox()
  e2e = await startE2E({ env: { SMS_GATEWAY_URL: `${gateway.origin}/sms`, SMTP_URL: mailbox.url } })
})
afterAll(async () => {
  await e2e?.close()
  await gateway?.close()
  await mailbox?.close()
})

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })

/** The newest mail to an address, once it has arrived. */
async function mailTo(address: string, count = 1): Promise<ParsedMail> {
  const of = () => mailbox.messages.filter((m) => m.to && JSON.stringify(m.to).includes(address))
  await expect.poll(() => of().length, { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(count)
  const mail = of()[count - 1]
  if (!mail) throw new Error('no mail')
  return mail
}
/** The path and query of the first link to our server in a mail (its host is the configured one). */
function linkIn(mail: ParsedMail, pathStart: string): string {
  const m = new RegExp(`https?://[^\\s]+(${pathStart}[^\\s]*)`).exec(mail.text ?? '')
  if (!m?.[1]) throw new Error(`no ${pathStart} link in ${mail.text}`)
  return m[1]
}
function headerLine(mail: ParsedMail, name: string): string | undefined {
  return mail.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '')
}

describe('sign-in with phone and code through the SMS gateway (zh-CN, 390 px)', () => {
  it('texts a code to the demo citizen’s verified phone and signs in with it', async () => {
    const { page, context } = await e2e.newPage({ locale: 'zh-CN', width: 390, height: 844 })
    await page.goto('/login')
    await page.getByTestId('tab-code').click()
    await page.getByTestId('code-phone').fill(DEMO_CITIZEN_PHONE)
    await page.getByTestId('code-send').click()
    const [sms] = await gateway.waitFor((r) => JSON.parse(r.body).to === DEMO_CITIZEN_PHONE)
    const text = JSON.parse(sms?.body ?? '{}').text as string
    expect(text).toContain('验证码')
    const code = /(\d{6})/.exec(text)?.[1] ?? ''
    await page.getByTestId('code-input').fill(code)
    await shot(page, 'account-login-code-390-zh-CN')
    await page.getByTestId('code-submit').click()
    await page.getByTestId('citizen-tabs').waitFor()
    // The settings show the verified phone and this session.
    await page.goto('/me/settings')
    await page.getByTestId('phone-card').getByText('已验证').waitFor()
    await page.getByTestId('sessions').getByText('本设备').waitFor()
    await shot(page, 'account-settings-390-zh-CN')
    await context.close()
  })
})

describe('password reset through the SMTP sink (English, 1280 px)', () => {
  it('e-mails a link, sets a new password, and the old sessions end', async () => {
    const person = await registerCitizen(e2e.rt.app, { locale: 'en' })
    const { page, context } = await e2e.newPage({ locale: 'en', width: 1280, height: 800 })
    await page.goto('/login')
    await page.getByTestId('forgot-link').click()
    await page.getByTestId('forgot-email').fill(person.email)
    await page.getByTestId('forgot-submit').click()
    await page.getByTestId('forgot-sent').waitFor()
    await shot(page, 'account-forgot-1280-en')
    const mail = await mailTo(person.email)
    expect(mail.subject).toBe('Reset your password')
    await page.goto(linkIn(mail, '/reset-password'))
    await page.getByTestId('reset-password').fill('a fresh and long passphrase')
    await shot(page, 'account-reset-1280-en')
    await page.getByTestId('reset-submit').click()
    await page.getByTestId('reset-done').waitFor()
    expect((await caller(e2e.rt.app)('GET', '/api/v1/me', person.cookie)).statusCode).toBe(401)
    await page.getByTestId('reset-sign-in').click()
    await page.getByTestId('login-email').fill(person.email)
    await page.getByTestId('login-password').fill('a fresh and long passphrase')
    await page.getByTestId('login-submit').click()
    await page.getByTestId('citizen-tabs').waitFor()
    await page.goto('/me/settings')
    await page.getByTestId('sessions').getByText('This device').waitFor()
    await shot(page, 'account-settings-1280-en')
    await context.close()
  })

  it('shows the sign-in by code and the reset page in the other language and width', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en', width: 1280, height: 800 })
    await page.goto('/login')
    await page.getByTestId('tab-code').click()
    await page.getByTestId('code-phone').fill('+8613800138000')
    // The tab's highlight slides over: shown once it has arrived.
    await page.locator('.ant-segmented-item-selected').getByTestId('tab-code').waitFor()
    await page.waitForTimeout(400)
    await shot(page, 'account-login-code-1280-en')
    await context.close()
    const zh = await e2e.newPage({ locale: 'zh-CN', width: 390, height: 844 })
    await zh.page.goto('/reset-password?token=nope')
    await zh.page.getByTestId('reset-password').fill('a fresh and long passphrase')
    await zh.page.getByTestId('reset-submit').click()
    await expect.poll(() => zh.page.getByTestId('form-error').textContent()).toContain('链接无效')
    await shot(zh.page, 'account-reset-invalid-390-zh-CN')
    await zh.context.close()
  })
})

describe('alerts by e-mail without an account', () => {
  it.each([
    { lang: 'zh-CN', width: 390, height: 844 },
    { lang: 'en', width: 1280, height: 800 },
  ])(
    'subscribes, confirms, gets a change with List-Unsubscribe and unsubscribes in one click ($lang)',
    async ({ lang, width, height }) => {
      const email = uniqueEmail(`follower-${lang}`)
      const { page, context } = await e2e.newPage({ locale: lang, width, height })
      await page.goto('/advisories/FR')
      await page.getByTestId('email-alerts-email').fill(email)
      await page.getByTestId('email-alerts-submit').click()
      await page.getByTestId('email-alerts-sent').waitFor()
      await page.getByTestId('email-alerts').scrollIntoViewIfNeeded()
      await page.screenshot({ path: path.join(SHOTS, `account-email-alerts-${width}-${lang}.png`) })
      const confirmation = await mailTo(email)
      await page.goto(linkIn(confirmation, '/subscriptions/confirm'))
      await page.getByTestId('subscription-confirm-done').waitFor()
      await shot(page, `account-subscription-confirmed-${width}-${lang}`)

      // A change of the advice reaches the subscriber, with the RFC 8058 headers.
      const officer = await login(e2e.rt.app, 'officer.paris@demo.lingshi', 'lingshi-demo')
      const duty = await login(e2e.rt.app, 'duty@demo.lingshi', 'lingshi-demo')
      const call = caller(e2e.rt.app)
      const level = lang === 'en' ? 2 : 1
      expect(
        (
          await call('PUT', '/api/v1/advisories/FR', officer.cookie, {
            level,
            summary: { 'zh-CN': '请注意人身安全。', en: 'Take care of your safety.' },
          })
        ).statusCode,
      ).toBe(200)
      expect((await call('POST', '/api/v1/advisories/FR/publish', duty.cookie)).statusCode).toBe(200)
      const change = await mailTo(email, 2)
      expect(headerLine(change, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
      expect(headerLine(change, 'List-Unsubscribe')).toMatch(
        /^<https?:\/\/.+\/api\/v1\/public\/subscriptions\/.+\/unsubscribe\?sig=.+>$/,
      )

      // The link in the text: one click on its page unsubscribes.
      await page.goto(linkIn(change, '/subscriptions/unsubscribe'))
      await page.getByTestId('unsubscribe-submit').click()
      await page.getByTestId('unsubscribe-done').waitFor()
      await shot(page, `account-unsubscribed-${width}-${lang}`)
      const left = await e2e.rt.ctx.db
        .selectFrom('email_subscriptions')
        .select('id')
        .where('email', '=', email)
        .execute()
      expect(left).toEqual([])
      await context.close()
    },
  )
})
