import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RENEWAL_FORM, SPECIMEN_MRZ } from '../helpers/applications.ts'
import { pdf } from '../helpers/files.ts'
import { makePhoto } from '../helpers/photos.ts'
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

async function pickDate(page: Page, testId: string, day: string): Promise<void> {
  const input = page.getByTestId(testId)
  await input.click()
  await input.fill(day)
  await input.press('Enter')
}

async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click()
}

const CITIZEN = { email: `renewal.${Date.now()}@example.org`, password: 'correct horse battery staple' }
let applicationId = ''
let reference = ''

describe('a passport renewal from the phone to the counter', () => {
  it('lets a citizen fill it in on a phone, in Chinese: MRZ mismatch shown and fixed, small photo refused', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    const reg = await page.request.post('/api/v1/auth/register', {
      data: { ...CITIZEN, name: 'Eriksson Anna' },
    })
    expect(reg.status()).toBe(201)
    await page.goto('/me/applications')
    await page.getByTestId('new-mission').click()
    await page.keyboard.type('驻日本大使馆')
    await page.keyboard.press('Enter')
    await choose(page, 'new-service', '护照换发')
    await page.getByTestId('service-facts').getByText('护照资料页').waitFor()
    // Let the drop-down finish closing before the picture is taken.
    await page.waitForTimeout(500)
    await page.screenshot({ path: path.join(SHOTS, 'applications-390-zh-new.png'), fullPage: true })
    await page.getByTestId('start-application').click()
    await page.waitForURL(/\/me\/applications\/[0-9a-f-]{36}$/)
    applicationId = page.url().split('/').pop() ?? ''
    reference = (await page.getByTestId('application-reference').textContent())?.trim() ?? ''
    expect(reference).toMatch(/^LS\d{6}/)

    for (const f of ['surname', 'givenNames', 'birthPlace', 'phone', 'addressAbroad'] as const)
      await page.getByTestId(`input-${f}`).fill(RENEWAL_FORM[f])
    await choose(page, 'input-sex', '女')
    await pickDate(page, 'input-dateOfBirth', '1974-08-21')
    await choose(page, 'input-reason', '即将到期')
    await page.getByTestId('input-passportNumber').fill(RENEWAL_FORM.currentPassport.number)
    await pickDate(page, 'input-passportExpiry', RENEWAL_FORM.currentPassport.expiryDate)
    await page.getByTestId('save-details').click()
    await page.getByTestId('details-message').getByText('已保存').waitFor()

    await page.getByTestId('mrz-input').fill(SPECIMEN_MRZ)
    await page.getByTestId('mrz-save').click()
    await page.getByTestId('field-dateOfBirth').getByText('机读码为 1974-08-12').waitFor()
    expect(await page.getByTestId('mrz-mismatch').count()).toBe(1)
    await page.getByTestId('mrz-result').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SHOTS, 'applications-390-zh-mrz.png') })
    await pickDate(page, 'input-dateOfBirth', RENEWAL_FORM.dateOfBirth)
    await page.getByTestId('save-details').click()
    await page.getByTestId('mrz-all-match').waitFor()

    await page.getByTestId('photo-input').setInputFiles({
      name: 'small.jpg',
      mimeType: 'image/jpeg',
      buffer: await makePhoto({ width: 300, height: 400 }),
    })
    // The photo is framed (drag, zoom, turn) before it goes; untouched, it goes as chosen.
    await page.getByTestId('photo-editor').waitFor()
    await page.getByTestId('photo-use').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SHOTS, 'applications-390-zh-photo-editor.png') })
    await page.getByTestId('photo-use').click()
    await page.getByTestId('photo-refused').waitFor()
    expect(await page.getByTestId('photo-check-dimensions').getAttribute('data-passed')).toBe('false')
    await page.getByTestId('photo-refused').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SHOTS, 'applications-390-zh-photo-refused.png') })
    await page
      .getByTestId('photo-input')
      .setInputFiles({ name: 'good.jpg', mimeType: 'image/jpeg', buffer: await makePhoto() })
    await page.getByTestId('photo-use').click()
    await page.getByTestId('photo-accepted').waitFor()

    const pad = page.getByTestId('signature-canvas')
    await pad.scrollIntoViewIfNeeded()
    const box = await pad.boundingBox()
    if (!box) throw new Error('no signature pad')
    await page.mouse.move(box.x + 20, box.y + 100)
    await page.mouse.down()
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 22, box.y + 100 - (i % 2) * 50)
    await page.mouse.up()
    await page.getByTestId('save-signature').click()
    await page.getByTestId('signed').waitFor()

    await page
      .getByTestId('upload-input-passport_data_page')
      .setInputFiles({ name: '资料页.pdf', mimeType: 'application/pdf', buffer: pdf('data page') })
    await page.getByTestId('upload-passport_data_page').getByText('已上传').waitFor()
    await page.getByTestId('submit-application').click()
    await page.locator('[data-testid=application-status][data-status=submitted]').waitFor()
    const receipt = await page.request.get(
      (await page.getByTestId('receipt-link').getAttribute('href')) ?? '',
    )
    expect(receipt.headers()['content-type']).toBe('application/pdf')
    await page.screenshot({ path: path.join(SHOTS, 'applications-390-zh-submitted.png'), fullPage: true })
    await context.close()
  })

  it('lets the Tokyo officer return it for one field, in English on a desktop', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 900, locale: 'en-GB' })
    await signIn(page, 'officer.tokyo@demo.lingshi')
    await page.goto('/console/services')
    await page.getByTestId('queue-item').filter({ hasText: reference }).click()
    await page.getByTestId('review-page').waitFor()
    await page.getByTestId('review-mrz').getByText('MRZ matches the form').waitFor()
    await expect
      .poll(() =>
        page.getByTestId('review-photo').evaluate((img) => (img as { naturalWidth: number }).naturalWidth),
      )
      .toBe(420)
    await page.screenshot({ path: path.join(SHOTS, 'applications-1280-en-review.png'), fullPage: true })
    await page.getByTestId('action-return').click()
    await page.getByTestId('dialog-reason').fill('The address abroad lacks the postcode')
    await page.getByTestId('correction-field').click()
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Address abroad' })
      .first()
      .click()
    await page.getByTestId('correction-message').fill('Add the postcode')
    await page.getByTestId('dialog-ok').click()
    await page.locator('[data-testid=application-status][data-status=returned]').first().waitFor()
    await context.close()
  })

  it('lets the citizen correct only that field and resubmit', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await signIn(page, CITIZEN.email, CITIZEN.password)
    await page.goto(`/me/applications/${applicationId}`)
    await page.getByTestId('corrections').getByText('Add the postcode').waitFor()
    expect(await page.getByTestId('input-birthPlace').isDisabled()).toBe(true)
    await page.getByTestId('input-addressAbroad').fill('1-1 Chiyoda, Tokyo 100-0001')
    await page.getByTestId('save-details').click()
    await page.getByTestId('details-message').getByText('已保存').waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'applications-390-zh-returned.png'), fullPage: true })
    await page.getByTestId('submit-application').click()
    await page.locator('[data-testid=application-status][data-status=submitted]').waitFor()
    await context.close()
  })

  it('lets the officer approve, take the fee, produce and mark it ready; the Paris officer never sees it', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 900, locale: 'en-GB' })
    await signIn(page, 'officer.tokyo@demo.lingshi')
    await page.goto(`/console/services/${applicationId}`)
    const status = (s: string) => page.locator(`[data-testid=application-status][data-status=${s}]`).first()
    await page.getByTestId('action-accept').click()
    await status('accepted').waitFor()
    await page.getByTestId('action-approve').click()
    await status('approved').waitFor()
    await page.getByTestId('action-payment').click()
    await page.getByTestId('dialog-reason').fill('R-2026-0042')
    await page.getByTestId('dialog-ok').click()
    await page.getByTestId('action-production').click()
    await status('in_production').waitFor()
    await page.getByTestId('action-ready').click()
    await status('ready').waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'applications-1280-en-ready.png'), fullPage: true })
    await context.close()

    const paris = await e2e.newPage({ width: 1280, height: 900, locale: 'en-GB' })
    await signIn(paris.page, 'officer.paris@demo.lingshi')
    expect((await paris.page.request.get(`/api/v1/applications/${applicationId}`)).status()).toBe(404)
    await paris.page.goto('/console/services')
    await paris.page.getByTestId('review-queue').waitFor()
    expect(await paris.page.getByTestId('review-queue').textContent()).not.toContain(reference)
    await paris.context.close()
  })

  it('shows the citizen every step, and the public status page the status', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await signIn(page, CITIZEN.email, CITIZEN.password)
    await page.goto(`/me/applications/${applicationId}`)
    await page.locator('[data-testid=application-status][data-status=ready]').waitFor()
    const steps = await page.getByTestId('timeline-entry').allTextContents()
    for (const s of ['已提交', '退回补正', '已受理', '审批通过', '制证中', '可领取'])
      expect(steps.join(' ')).toContain(s)
    expect(steps.join(' ')).toContain('The address abroad lacks the postcode')
    await page.screenshot({ path: path.join(SHOTS, 'applications-390-zh-ready.png'), fullPage: true })
    await context.close()

    const anon = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await anon.page.goto('/applications/status')
    await anon.page.getByTestId('status-reference').fill(reference)
    await pickDate(anon.page, 'status-dob', RENEWAL_FORM.dateOfBirth)
    await anon.page.getByTestId('status-check').click()
    await anon.page.getByTestId('status-found').getByText('可领取').waitFor()
    await anon.page.screenshot({ path: path.join(SHOTS, 'applications-390-zh-public-status.png') })
    await anon.context.close()
  })
})
