import fs from 'node:fs'
import path from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { onTestFailed } from 'vitest'
import { DEFAULT_WEB_ROOT } from '../../src/app.ts'
import { seedDemo } from '../../src/seed/demo.ts'
import { ROOT } from '../helpers/template.ts'
import { startTestRuntime, type TestRuntime } from '../helpers/test-runtime.ts'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SHOTS = path.join(ROOT, 'screenshots')

export interface E2E {
  readonly rt: TestRuntime
  readonly baseUrl: string
  readonly browser: Browser
  newPage(options?: {
    width?: number
    height?: number
    locale?: string
  }): Promise<{ page: Page; context: BrowserContext }>
  close(): Promise<void>
}

/** A real server on a free port (copy of the template database, demo accounts) and a real Chromium. */
export async function startE2E(options: { env?: Record<string, string> } = {}): Promise<E2E> {
  if (!fs.existsSync(path.join(DEFAULT_WEB_ROOT, 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build:web` first (npm test does)')
  }
  const rt = await startTestRuntime({ webRoot: DEFAULT_WEB_ROOT, demo: true, work: true, env: options.env })
  await seedDemo(rt.ctx)
  await rt.app.listen({ port: 0, host: '127.0.0.1' })
  const address = rt.app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  fs.mkdirSync(SHOTS, { recursive: true })
  return {
    rt,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
        locale: options.locale ?? 'zh-CN',
        baseURL: `http://127.0.0.1:${port}`,
      })
      const page = await context.newPage()
      dumpIfTheTestFails(page)
      return { page, context }
    },
    async close() {
      await browser.close()
      await rt.close()
    },
  }
}

/** CI keeps only the log: a failed browser test prints what its page showed, and saves a screenshot. */
function dumpIfTheTestFails(page: Page): void {
  try {
    onTestFailed(async () => {
      if (page.isClosed()) return
      const file = path.join(SHOTS, `failed-${Date.now()}.png`)
      const text = await page
        .locator('body')
        // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what a person saw
        .innerText({ timeout: 2_000 })
        .catch((e: Error) => `(no text: ${e.message})`)
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
      console.error(`page at the failure: ${page.url()}\nscreenshot: ${file}\n${text.slice(0, 3_000)}`)
    })
  } catch {
    // opened outside a test (in a hook): nothing to attach to
  }
}
