// Time from starting the server to /readyz answering 200: on an empty data directory, then on the
// same directory again. Embedded database, demo mode (what `npm start` does, web app already built).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lingshi-bench-startup-'))
const port = 18_000 + Math.floor(Math.random() * 1000)

async function waitReady(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`)
      if (res.status === 200) return
    } catch {}
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('server did not become ready')
}

async function startOnce(label: string): Promise<void> {
  const started = performance.now()
  const child = spawn(process.execPath, [path.join(root, 'bin/lingshi.mjs'), 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  let peakRssMb = 0
  const sampler = setInterval(() => {
    try {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8')
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
      peakRssMb = Math.max(peakRssMb, Math.round(kb / 1024))
    } catch {}
  }, 200)
  try {
    await waitReady(Date.now() + 300_000)
    const seconds = (performance.now() - started) / 1000
    console.log(
      JSON.stringify({
        scenario: 'startup',
        case: label,
        engine: 'embedded',
        seconds: +seconds.toFixed(2),
        peakRssMb,
      }),
    )
  } finally {
    clearInterval(sampler)
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
  }
}

await startOnce('empty data dir')
await startOnce('existing data dir')
const sizeMb = Number(
  fs
    .readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + fs.statSync(path.join(e.parentPath, e.name)).size, 0) / 1e6,
).toFixed(1)
console.log(JSON.stringify({ scenario: 'startup', case: 'data dir size', megabytes: Number(sizeMb) }))
fs.rmSync(dataDir, { recursive: true, force: true })
