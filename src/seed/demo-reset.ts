import fs from 'node:fs'
import type { Config } from '../config.ts'
import { lockDataDir } from '../platform/db/data-dir-lock.ts'
import { openRuntime, prepareRuntime } from '../runtime.ts'

export class DemoResetError extends Error {}

export interface DemoResetSummary {
  readonly seconds: number
  readonly dataDir: string
}

/**
 * `lingshi demo reset`: the embedded demo database is emptied and made again, with the demo
 * accounts and the demo world dated from today. Refused while the platform runs on it (the data
 * directory's lock), and for a PostgreSQL server, whose database is not ours to drop.
 */
export async function resetDemo(config: Config): Promise<DemoResetSummary> {
  const started = performance.now()
  if (!config.demo) throw new DemoResetError('demo reset is for demo mode only (no DATABASE_URL, or --demo)')
  if (config.database.kind !== 'embedded')
    throw new DemoResetError(
      'demo reset empties the embedded database only; with DATABASE_URL, recreate the database yourself and start with --demo',
    )
  const dataDir = config.database.dataDir
  const release = lockDataDir(dataDir)
  try {
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.rmSync(config.attachments.dir, { recursive: true, force: true })
  } finally {
    release()
  }
  const runtime = await openRuntime(config)
  try {
    await prepareRuntime(runtime, { demo: true })
  } finally {
    await runtime.close()
  }
  return { seconds: Math.round((performance.now() - started) / 100) / 10, dataDir }
}
