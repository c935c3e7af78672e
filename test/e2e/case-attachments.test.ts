import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exe, pdf } from '../helpers/files.ts'
import { type E2E, SHOTS, startE2E } from './harness.ts'

let e2e: E2E
beforeAll(async () => {
  e2e = await startE2E()
})
afterAll(async () => {
  await e2e?.close()
})

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/login')
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill('lingshi-demo')
  await page.getByTestId('login-submit').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

describe('files on a case, in the console', () => {
  let caseId = ''
  const scan = pdf('passport page scanned at the police station')

  it('lets the officer drop a file on the case, download it, and sees a disguised one refused', async () => {
    const { page, context } = await e2e.newPage({ width: 1280, height: 1000, locale: 'en-GB' })
    await signIn(page, 'officer.tokyo@demo.lingshi')
    const opened = await page.request.post('/api/v1/cases', {
      data: { type: 'lost_documents', summary: 'Passport stolen in Shinjuku', lat: 35.69, lon: 139.7 },
    })
    expect(opened.status()).toBe(201)
    caseId = (await opened.json()).id
    await page.goto(`/console/cases/${caseId}`)
    const card = page.getByTestId('attachments-card')
    await card.getByText('No files yet.').waitFor()
    await card
      .locator('input[type=file]')
      .setInputFiles({ name: 'passport-scan.pdf', mimeType: 'application/pdf', buffer: scan })
    await card.getByTestId('attachment-item').filter({ hasText: 'passport-scan.pdf' }).waitFor()
    expect(await card.getByTestId('attachment-item').first().textContent()).toContain('PDF')
    await expect.poll(() => page.getByTestId('case-timeline').textContent()).toContain('File attached')

    const href = await card.getByTestId('attachment-download').getAttribute('href')
    const download = await page.request.get(href ?? '')
    expect(download.status()).toBe(200)
    expect(Buffer.from(await download.body())).toEqual(scan)
    expect(download.headers()['content-disposition']).toContain('attachment;')

    await card
      .locator('input[type=file]')
      .setInputFiles({ name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: exe() })
    await page.getByText('holiday.jpg: This kind of file is not accepted', { exact: false }).waitFor()
    // Let the message finish fading in before the picture is taken.
    await page.waitForTimeout(500)
    await page.screenshot({ path: path.join(SHOTS, 'case-attachments-1280-en.png'), fullPage: true })
    expect(await card.getByTestId('attachment-item').count()).toBe(1)
    await context.close()
  })

  it('lets the officer remove a file with a reason; on a phone, in Chinese, it shows as removed', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844, locale: 'zh-CN' })
    await signIn(page, 'officer.tokyo@demo.lingshi')
    await page.goto(`/console/cases/${caseId}`)
    const card = page.getByTestId('attachments-card')
    await card.getByTestId('attachment-item').first().waitFor()
    await card.scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SHOTS, 'case-attachments-390-zh-listed.png') })
    await card.getByTestId('attachment-remove').click()
    await page.getByTestId('attachment-remove-reason').fill('扫描件属于另一位当事人')
    await page.getByTestId('attachment-remove-ok').click()
    await card.getByText('已移除', { exact: true }).waitFor()
    expect(await card.getByTestId('attachment-item').textContent()).toContain('扫描件属于另一位当事人')
    await expect.poll(() => page.getByTestId('case-timeline').textContent()).toContain('移除附件')
    await card.scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SHOTS, 'case-attachments-390-zh.png'), fullPage: true })
    const list = await (await page.request.get(`/api/v1/cases/${caseId}/attachments`)).json()
    expect(list.items[0]).toMatchObject({ downloadUrl: null, removed: { reason: '扫描件属于另一位当事人' } })
    await context.close()
  })
})
