import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { textParsers } from './type-parsers.ts'

export class DataDirLockedError extends Error {}

/** One process owns an embedded data directory: a second one would corrupt it. */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true })
  const lockFile = path.join(dataDir, '..', `${path.basename(dataDir)}.lock`)
  try {
    const pid = Number(fs.readFileSync(lockFile, 'utf8'))
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new DataDirLockedError(`The data directory ${dataDir} is in use by process ${pid}`)
    }
  } catch (err) {
    if (err instanceof DataDirLockedError) throw err
  }
  fs.writeFileSync(lockFile, String(process.pid))
  return () => fs.rmSync(lockFile, { force: true })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export async function openEmbedded(dataDir: string): Promise<{ pg: PGlite; unlock: () => void }> {
  const unlock = lockDataDir(dataDir)
  try {
    const pg = await PGlite.create({ dataDir, extensions: { postgis }, parsers: textParsers })
    return { pg, unlock }
  } catch (err) {
    unlock()
    throw err
  }
}
