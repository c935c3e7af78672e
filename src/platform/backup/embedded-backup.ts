import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { connectDatabase } from '../db/connect.ts'
import { DataDirLockedError, holderOf, lockDataDir } from '../db/data-dir-lock.ts'
import { requestSnapshot } from '../db/snapshot-socket.ts'
import { assertBackupFor, BackupError, refuseExisting } from './backup-file.ts'
import { packDirectory, unpackArchive } from './tar.ts'

const stamp = () =>
  `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(3).toString('hex')}`

/**
 * Writes a gzipped tar of the embedded data directory to `file`. The copy is taken under the
 * engine's lock by whichever process holds the directory: this one, or a running server asked
 * through its socket. The archive is packed from that copy afterwards, so the server waits only
 * for the copy.
 */
export async function backupEmbedded(dataDir: string, file: string): Promise<{ lockedSeconds: number }> {
  const target = path.resolve(file)
  refuseExisting(target)
  const parent = path.dirname(path.resolve(dataDir))
  const staging = path.join(parent, `${path.basename(dataDir)}.backup-${stamp()}`)
  const partial = `${target}.partial`
  try {
    const lockedSeconds = await copyUnderLock(dataDir, staging)
    await packDirectory(staging, partial)
    await fs.promises.rename(partial, target)
    return { lockedSeconds }
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true })
    await fs.promises.rm(partial, { force: true })
  }
}

/** Returns how long the engine was held for the copy. */
async function copyUnderLock(dataDir: string, staging: string): Promise<number> {
  const holder = holderOf(dataDir)
  if (holder) {
    if (holder.host !== os.hostname() || !holder.socket)
      throw new BackupError(
        `The data directory ${dataDir} is in use by process ${holder.pid} on ${holder.host}, which takes no backup requests: stop it, or run the backup where it runs`,
      )
    const started = performance.now()
    try {
      await requestSnapshot(holder.socket, staging)
    } catch (err) {
      throw new BackupError(
        `Process ${holder.pid} holds ${dataDir} but made no copy: ${(err as Error).message}`,
      )
    }
    return secondsSince(started)
  }
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) throw new BackupError(`${dataDir} holds no database`)
  const handle = await connectDatabase({ kind: 'embedded', dataDir })
  try {
    if (!handle.snapshot) throw new BackupError('the embedded engine offers no copy')
    const started = performance.now()
    await handle.snapshot(staging)
    return secondsSince(started)
  } finally {
    await handle.close()
  }
}

const secondsSince = (started: number) => Math.round((performance.now() - started) / 100) / 10

export interface EmbeddedRestore {
  /** Where the data directory that was replaced is kept (null when there was none). */
  readonly previous: string | null
}

/**
 * Replaces the data directory with the one in `file` (a backup, or PGlite's `dumpDataDir()`).
 * Refused while a process holds the directory. The directory replaced is kept beside it.
 */
export async function restoreEmbedded(dataDir: string, file: string): Promise<EmbeddedRestore> {
  await assertBackupFor('embedded', file)
  let release: () => void
  try {
    release = lockDataDir(dataDir)
  } catch (err) {
    if (err instanceof DataDirLockedError) throw new BackupError(`${err.message}: stop it before restoring`)
    throw err
  }
  const staging = `${path.resolve(dataDir)}.restoring-${stamp()}`
  try {
    await unpackArchive(file, staging)
    if (!fs.existsSync(path.join(staging, 'PG_VERSION')))
      throw new BackupError(`${file} holds no PostgreSQL data directory`)
    const empty = fs.readdirSync(dataDir).length === 0
    const previous = empty ? null : `${path.resolve(dataDir)}.before-restore-${stamp()}`
    if (previous) await fs.promises.rename(dataDir, previous)
    else await fs.promises.rmdir(dataDir)
    await fs.promises.rename(staging, dataDir)
    return { previous }
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true })
    release()
  }
}
