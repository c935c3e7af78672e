import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { lockDataDir } from './data-dir-lock.ts'
import { textParsers } from './type-parsers.ts'

export { DataDirLockedError } from './data-dir-lock.ts'

/**
 * Opens the data directory after taking its lock. PGlite's own `postmaster.pid` (left in a copy
 * taken while running, or after a crash) needs no care: PGlite starts over it.
 */
export async function openEmbedded(
  dataDir: string,
  socket: string | null = null,
): Promise<{ pg: PGlite; unlock: () => void }> {
  const unlock = lockDataDir(dataDir, socket)
  try {
    const pg = await PGlite.create({ dataDir, extensions: { postgis }, parsers: textParsers })
    return { pg, unlock }
  } catch (err) {
    unlock()
    throw err
  }
}
