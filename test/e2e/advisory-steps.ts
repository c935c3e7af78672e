import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/**
 * Picks a level in the advisory editor and waits until the form holds it: a click that lands
 * while the dropdown is still opening can miss, so it tries again rather than going on with the
 * old level.
 */
export async function chooseLevel(page: Page, level: number): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByTestId('advisory-level').click()
    await page.getByTestId(`level-option-${level}`).click()
    const chosen = await expect
      .poll(() => page.getByTestId('level-meaning').getAttribute('data-level'), { timeout: 3_000 })
      .toBe(String(level))
      .then(() => true)
      .catch(() => false)
    if (chosen) return
    await page.keyboard.press('Escape')
  }
  throw new Error(`could not choose level ${level} in the advisory editor`)
}

/** Confirms publishing and waits for the new level, or fails with the error the page shows. */
export async function confirmPublish(page: Page, level: number): Promise<void> {
  await page.getByTestId('publish').click()
  await page.getByTestId('publish-confirm').click()
  const published = page.getByTestId('advisory-current-level').getByTestId(`level-${level}`)
  const failed = page.getByTestId('publish-error')
  await published.or(failed).first().waitFor({ timeout: 60_000 })
  if (await failed.isVisible()) throw new Error(`publishing failed: ${await failed.textContent()}`)
}
