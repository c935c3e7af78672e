// The citizen app on a slow phone: `npm run bench -- web-load [--runs N]`.
// Starts the platform as `npm start` does (embedded database, demo data, the built web app), opens
// each page in headless Chromium with a fresh cache under Lighthouse's "slow 4G" (150 ms RTT,
// 1.6 Mbit/s down, 750 kbit/s up) and a CPU 4× slower, and reports per page: JavaScript bytes on
// the wire (compressed) and decoded, requests, and the time until the page's content shows (its
// main heading, or the map's countries). Budget (issue "Fast on a slow phone"): the citizen home
// ≤ 250 KB of compressed JavaScript and content within 3 s. Figures as JSON lines on stdout.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { runs: { type: 'string', default: '3' } },
})
const runs = Number(values.runs)
const root = path.resolve(import.meta.dirname, '..')
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lingshi-bench-web-'))
const port = 19_000 + Math.floor(Math.random() * 1000)
const base = `http://127.0.0.1:${port}`

const PAGES = [
  { name: 'citizen home', path: '/?lang=zh-CN', content: 'main h1, main h2, h1' },
  { name: 'advisory map', path: '/advisories?lang=zh-CN', content: 'svg path[data-country]' },
] as const

const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 }

async function waitReady(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) return
    } catch {}
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('server did not become ready')
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

const child = spawn(process.execPath, [path.join(root, 'bin/lingshi.mjs'), 'serve'], {
  env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
})
try {
  await waitReady(Date.now() + 900_000)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  })
  try {
    for (const page of PAGES) {
      const times: number[] = []
      let figures = { jsWireBytes: 0, jsDecodedBytes: 0, requests: 0 }
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
        const tab = await context.newPage()
        const cdp = await context.newCDPSession(tab)
        await cdp.send('Network.enable')
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
        await cdp.send('Network.emulateNetworkConditions', SLOW_4G)
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
        const types = new Map<string, string>()
        let jsWire = 0
        let jsDecoded = 0
        let requests = 0
        cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type))
        cdp.on('Network.loadingFinished', (e) => {
          requests++
          if (types.get(e.requestId) === 'Script') jsWire += e.encodedDataLength
        })
        cdp.on('Network.dataReceived', (e) => {
          if (types.get(e.requestId) === 'Script') jsDecoded += e.dataLength
        })
        const started = performance.now()
        await tab.goto(`${base}${page.path}`, { waitUntil: 'commit' })
        await tab.locator(page.content).first().waitFor({ state: 'visible', timeout: 120_000 })
        times.push(performance.now() - started)
        await tab.waitForLoadState('networkidle').catch(() => {})
        figures = { jsWireBytes: jsWire, jsDecodedBytes: jsDecoded, requests }
        await context.close()
      }
      const line = {
        scenario: 'web-load',
        page: page.name,
        network: 'slow 4G (150 ms, 1.6 Mbit/s)',
        cpuSlowdown: 4,
        runs,
        contentMsMedian: Math.round(median(times)),
        contentMsMax: Math.round(Math.max(...times)),
        jsKbWire: Math.round(figures.jsWireBytes / 1024),
        jsKbDecoded: Math.round(figures.jsDecodedBytes / 1024),
        requests: figures.requests,
        load1: +(os.loadavg()[0] ?? 0).toFixed(1),
      }
      console.log(JSON.stringify(line))
      console.error(
        `${page.name}: content in ${line.contentMsMedian} ms (median of ${runs}), ` +
          `JS ${line.jsKbWire} KB on the wire (${line.jsKbDecoded} KB decoded), ${line.requests} requests`,
      )
    }
  } finally {
    await browser.close()
  }
} finally {
  child.kill('SIGTERM')
  await new Promise((r) => child.once('exit', r))
  fs.rmSync(dataDir, { recursive: true, force: true })
}
