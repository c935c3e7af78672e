import fs from 'node:fs'

export class BackupError extends Error {}

export type BackupKind = 'embedded' | 'server'

/** What a backup file holds, from its first bytes: a gzipped tar of a data directory, or pg_dump's archive. */
export async function backupKindOf(file: string): Promise<BackupKind> {
  let head: Buffer
  try {
    const handle = await fs.promises.open(file, 'r')
    try {
      head = Buffer.alloc(5)
      await handle.read(head, 0, 5, 0)
    } finally {
      await handle.close()
    }
  } catch (err) {
    throw new BackupError(`Cannot read ${file}: ${(err as Error).message}`)
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return 'embedded'
  if (head.toString('ascii') === 'PGDMP') return 'server'
  throw new BackupError(
    `${file} is not a Lingshi backup (neither a data directory archive nor a pg_dump archive)`,
  )
}

/** Restoring across engines is not offered: say which engine the file needs. */
export async function assertBackupFor(engine: BackupKind, file: string): Promise<void> {
  const kind = await backupKindOf(file)
  if (kind === engine) return
  throw new BackupError(
    kind === 'server'
      ? `${file} is a backup of a PostgreSQL server (pg_dump): restore it with DATABASE_URL set`
      : `${file} is a backup of the embedded database: restore it without DATABASE_URL`,
  )
}

export function refuseExisting(file: string): void {
  if (fs.existsSync(file)) throw new BackupError(`${file} exists already: a backup never overwrites a file`)
}
