import fs from 'node:fs'
import path from 'node:path'
import type { Config } from './config.ts'
import { endAllSessions } from './modules/identity/index.ts'
import { BackupError } from './platform/backup/backup-file.ts'
import { backupEmbedded, restoreEmbedded } from './platform/backup/embedded-backup.ts'
import { backupServer, restoreServer } from './platform/backup/server-backup.ts'
import { openRuntime, prepareRuntime } from './runtime.ts'

export interface BackupSummary {
  readonly engine: 'embedded' | 'server'
  readonly bytes: number
  readonly seconds: number
  /** Embedded: how long the engine was held for the copy (it answers nothing meanwhile). */
  readonly lockedSeconds: number | null
}

/** `lingshi backup FILE`: a consistent copy of the database while the platform runs. */
export async function backupDatabase(config: Config, file: string): Promise<BackupSummary> {
  const started = performance.now()
  const target = config.database
  let lockedSeconds: number | null = null
  if (target.kind === 'embedded') lockedSeconds = (await backupEmbedded(target.dataDir, file)).lockedSeconds
  else await backupServer(target.url, file)
  return { engine: target.kind, bytes: fs.statSync(file).size, seconds: elapsed(started), lockedSeconds }
}

export interface RestoreSummary {
  readonly engine: 'embedded' | 'server'
  readonly seconds: number
  readonly sessionsEnded: number
  /** Embedded: where the data directory that was replaced is kept. */
  readonly previous: string | null
}

/**
 * `lingshi restore FILE`: the database as it was in the backup, brought to the current
 * migrations, with every session ended (a backup's sessions are not the ones people hold now).
 */
export async function restoreDatabase(
  config: Config,
  file: string,
  options: { force?: boolean } = {},
): Promise<RestoreSummary> {
  const started = performance.now()
  const target = config.database
  // Opening the restored database would otherwise make a new key, and sealed fields would be lost.
  if (
    target.kind === 'embedded' &&
    !config.encryptionKey &&
    !fs.existsSync(path.join(config.dataDir, 'secret.key'))
  )
    throw new BackupError(
      `No key for data at rest in ${config.dataDir}: copy secret.key from the installation the backup comes from (or set ENCRYPTION_KEY) before restoring`,
    )
  let previous: string | null = null
  if (target.kind === 'embedded') previous = (await restoreEmbedded(target.dataDir, file)).previous
  else await restoreServer(target.url, file, options)
  const runtime = await openRuntime(config)
  try {
    await prepareRuntime(runtime, { demo: false })
    const sessionsEnded = await endAllSessions(runtime.ctx.db)
    return { engine: target.kind, seconds: elapsed(started), sessionsEnded, previous }
  } finally {
    await runtime.close()
  }
}

const elapsed = (started: number) => Math.round((performance.now() - started) / 100) / 10
