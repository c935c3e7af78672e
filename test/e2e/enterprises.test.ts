import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alertBody } from '../helpers/alerts.ts'
import { creditCode, NAIROBI_CAP_POLYGON } from '../helpers/enterprises.ts'
import { type E2E, SHOTS, startE2E } from './harness.ts'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

const ENTERPRISE = 'enterprise@demo.lingshi'
const CODE = creditCode()
const NAME_ZH = `肯尼亚测试建设${CODE.slice(-4)}`
const SITE = `Nairobi expressway camp ${CODE.slice(-4)}`

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/login')
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill('lingshi-demo')
  await page.getByTestId('login-submit').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0)
  await page.evaluate('window.scrollTo(0, 0)')
  await page.screenshot({
    path: path.join(SHOTS, `enterprises-${name}.png`),
    fullPage: true,
    animations: 'disabled',
  })
}

async function pick(page: Page, testId: string, title: string): Promise<void> {
  await page.getByTestId(testId).click()
  await page.locator(`.ant-select-item-option[title="${title}"]`).click()
}

describe('an overseas enterprise, from registration to a headcount in a crisis', () => {
  let enterpriseId = ''
  let alertId = ''

  it('registers a company on the phone (zh-CN, 390 px): a wrong credit code is refused on the field', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await signIn(page, ENTERPRISE)
    await page.waitForURL('**/enterprise')
    await page.getByTestId('enterprise-register-open').click()
    await page.getByTestId('field-nameZh').fill(NAME_ZH)
    await page.getByTestId('field-name').fill('Kenya Test Construction')
    const wrong = `${CODE.slice(0, 17)}${CODE.at(-1) === '0' ? '1' : '0'}`
    await page.getByTestId('field-creditCode').fill(wrong)
    await page.getByTestId('field-creditCode').blur()
    await page.getByText('统一社会信用代码无效').waitFor()
    await pick(page, 'field-province', 'CN-GD')
    await pick(page, 'field-industry', '建筑工程')
    await shot(page, 'register-wrong-code-390-zh')
    await page.getByTestId('field-creditCode').fill(CODE)
    await page.getByTestId('enterprise-register-submit').click()
    const row = page.getByTestId('my-enterprise').filter({ hasText: NAME_ZH })
    await row.waitFor()
    expect(await row.getByTestId('enterprise-status').textContent()).toBe('待审核')
    await shot(page, 'portal-390-zh')
    const mine = await (await page.request.get('/api/v1/me/enterprises')).json()
    enterpriseId = mine.find((e: { creditCode: string }) => e.creditCode === CODE).id
    await context.close()
  }, 120_000)

  it('is verified by the duty officer (English, 1280 px)', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 900, locale: 'en' })
    await signIn(page, 'duty@demo.lingshi')
    await page.goto('/console/enterprises')
    const row = page.locator('tr').filter({ hasText: NAME_ZH })
    await row.waitFor()
    await shot(page, 'verify-1280-en')
    await row.getByTestId('enterprise-verify').click()
    await expect
      .poll(async () => (await (await page.request.get(`/api/v1/enterprises/${enterpriseId}`)).json()).status)
      .toBe('verified')
    await context.close()
  }, 120_000)

  it('adds a site near Nairobi and fills the self-assessment (zh-CN, 390 px)', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await signIn(page, ENTERPRISE)
    await page.goto(`/enterprise/${enterpriseId}`)
    expect(await page.getByTestId('enterprise-status').textContent()).toBe('已审核')
    await page.getByTestId('site-add').click()
    await page.getByTestId('site-name').fill(SITE)
    await pick(page, 'site-kind', '营地')
    await page.getByTestId('site-country').fill('KE')
    await page.getByTestId('site-lat').fill('-1.3')
    await page.getByTestId('site-lon').fill('36.8')
    await page.getByTestId('site-staff-chinese').fill('40')
    await page.getByTestId('site-staff-local').fill('120')
    await page.getByTestId('site-staff-other').fill('5')
    await page.getByTestId('site-officer-name').fill('陈军 Chen Jun')
    await page.getByTestId('site-officer-phone').fill('+254712000111')
    await page.getByTestId('site-officer-email').fill(ENTERPRISE)
    await page.getByTestId('site-marker').waitFor()
    await shot(page, 'site-form-390-zh')
    await page.getByTestId('site-save').click()
    await page.getByTestId('site-row').filter({ hasText: SITE }).waitFor()
    await shot(page, 'sites-390-zh')

    await page.getByTestId('tab-assessment').click()
    for (const q of ['gov1', 'gov2', 'trn1', 'ra1', 'tr1', 'em1', 'em2', 'co1'])
      await page.getByTestId(`question-${q}`).getByText('全面落实').click()
    await page.getByTestId('question-hr1').getByText('部分落实').click()
    await page.getByTestId('assessment-submit').click()
    await page.getByTestId('assessment-score').waitFor()
    expect(await page.getByTestId('assessment-score').textContent()).toMatch(/得分：\d+ \/ 100/)
    expect(await page.getByTestId('assessment-gap').count()).toBeGreaterThan(0)
    await shot(page, 'assessment-390-zh')
    await context.close()
  }, 180_000)

  it('sends an alert over Nairobi as the duty officer (English, 1280 px); it reaches the site', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 900, locale: 'en' })
    await signIn(page, 'duty@demo.lingshi')
    const draft = await page.request.post('/api/v1/alerts', {
      data: alertBody({
        area: { areaDesc: 'Nairobi 内罗毕', polygon: [NAIROBI_CAP_POLYGON] },
        info: {
          headline: 'Unrest in central Nairobi',
          event: 'Civil unrest',
          description: 'Protests and clashes in the city centre.',
          instruction: 'Stay indoors; keep away from crowds.',
        },
      }),
    })
    expect(draft.status(), await draft.text()).toBe(201)
    alertId = (await draft.json()).id
    expect((await draft.json()).reach.sites).toBeGreaterThanOrEqual(1)
    await page.goto(`/console/alerts/${alertId}`)
    await page.getByTestId('send-alert').click()
    await page.getByTestId('send-confirm').click()
    await page.getByTestId('live-board').waitFor({ timeout: 30_000 })
    await page.getByTestId('alert-sites').getByText(SITE).waitFor({ timeout: 30_000 })
    await page.getByTestId('alert-site-not-reported').first().waitFor()
    await context.close()
  }, 120_000)

  it("the site's security officer gets it and reports a headcount with one missing (zh-CN, 390 px)", async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await signIn(page, ENTERPRISE)
    await page.goto('/enterprise')
    await page.getByTestId('site-alerts').waitFor()
    await page.getByTestId('site-alert-report').first().click()
    await page.waitForURL(`**/enterprise/alerts/${alertId}`)
    const form = page.getByTestId('headcount-site').filter({ hasText: SITE })
    await form.getByTestId('headcount-total').fill('165')
    await form.getByTestId('headcount-safe').fill('160')
    await form.getByTestId('headcount-injured').fill('4')
    await form.getByTestId('headcount-missing').fill('1')
    await form.getByTestId('headcount-send').click()
    await form.getByTestId('headcount-sent').waitFor()
    expect(await form.getByTestId('headcount-sent').textContent()).toContain('失踪人员案件')
    await shot(page, 'headcount-390-zh')
    await context.close()
  }, 120_000)

  it('shows the site and its numbers on the board; the hotline has the missing-person case; e-mail went out', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 900, locale: 'en' })
    await signIn(page, 'duty@demo.lingshi')
    await page.goto(`/console/alerts/${alertId}`)
    const site = page.getByTestId('alert-sites').locator('tr').filter({ hasText: SITE })
    await site.getByTestId('alert-site-headcount').waitFor({ timeout: 30_000 })
    expect(await site.getByTestId('alert-site-headcount').textContent()).toContain('Missing 1')
    await shot(page, 'board-1280-en')

    const cases = await (await page.request.get('/api/v1/cases?type=missing_person&limit=50')).json()
    const missing = cases.items.find((c: { summary: string }) => c.summary.includes(SITE))
    expect(missing).toBeTruthy()
    const detail = await (await page.request.get(`/api/v1/cases/${missing.id}`)).json()
    expect(detail).toMatchObject({ type: 'missing_person', enterpriseId, siteId: expect.any(String) })
    await page.goto(`/console/cases/${missing.id}`)
    await page.getByText(SITE).first().waitFor()
    await shot(page, 'case-1280-en')
    await context.close()

    const admin = await e2e.newPage({ width: 1280, height: 900, locale: 'en' })
    await signIn(admin.page, 'admin@demo.lingshi')
    await expect
      .poll(
        async () => {
          const outbox = (await (await admin.page.request.get('/api/v1/outbox?limit=500')).json()) as {
            to: string
            subject: string
          }[]
          return outbox.some(
            (m) => m.to.includes(ENTERPRISE) && m.subject.includes('Unrest in central Nairobi'),
          )
        },
        { timeout: 30_000 },
      )
      .toBe(true)
    await admin.context.close()
  }, 120_000)

  it('keeps the Kenyan site from the Paris officer', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 900, locale: 'en' })
    await signIn(page, 'officer.paris@demo.lingshi')
    await page.goto('/console/sites')
    await page.getByTestId('sites-table').waitFor()
    await page.waitForLoadState('networkidle')
    expect(await page.getByTestId('sites-row-name').filter({ hasText: SITE }).count()).toBe(0)
    const ke = await (await page.request.get('/api/v1/sites?country=KE')).json()
    expect(ke.items).toEqual([])
    await shot(page, 'sites-paris-1280-en')
    await context.close()

    const duty = await e2e.newPage({ width: 1280, height: 900, locale: 'en' })
    await signIn(duty.page, 'duty@demo.lingshi')
    await duty.page.goto('/console/sites')
    await duty.page.getByTestId('sites-row-name').filter({ hasText: SITE }).waitFor()
    await shot(duty.page, 'sites-hq-1280-en')
    await duty.context.close()
  }, 120_000)
})

describe('the same screens in the other language and width', () => {
  it('shows the portal in English at 1280 px and the console lists in Chinese at 390 px', async () => {
    const wide = await e2e.newPage({ width: 1280, height: 900, locale: 'en' })
    await signIn(wide.page, ENTERPRISE)
    await wide.page.goto('/enterprise')
    await wide.page.getByTestId('my-enterprise').first().waitFor()
    await shot(wide.page, 'portal-1280-en')
    await wide.page.getByTestId('enterprise-open').first().click()
    await wide.page.getByTestId('site-row').first().waitFor()
    await shot(wide.page, 'sites-1280-en')
    await wide.page.getByTestId('tab-assessment').click()
    await wide.page.getByTestId('question-gov1').waitFor()
    await shot(wide.page, 'assessment-1280-en')
    await wide.context.close()

    const phone = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await signIn(phone.page, 'duty@demo.lingshi')
    await phone.page.goto('/console/enterprises')
    await phone.page.getByTestId('enterprises-table').waitFor()
    await shot(phone.page, 'verify-390-zh')
    await phone.page.goto('/console/sites')
    await phone.page.getByTestId('sites-row-name').first().waitFor()
    await shot(phone.page, 'sites-hq-390-zh')
    await phone.context.close()
  }, 120_000)
})
