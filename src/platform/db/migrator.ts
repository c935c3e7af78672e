import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely'

const defaultFolder = fileURLToPath(new URL('../../migrations/', import.meta.url))

/** Migrations are files named by UTC timestamp; order is the file name's order. */
class FolderMigrationProvider implements MigrationProvider {
  constructor(private readonly folder: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(this.folder)).filter((f) => /^\d{8}T\d{6}_[a-z0-9_]+\.ts$/.test(f)).sort()
    const migrations: Record<string, Migration> = {}
    for (const file of files) {
      migrations[file.replace(/\.ts$/, '')] = (await import(path.join(this.folder, file))) as Migration
    }
    return migrations
  }
}

export class MigrationError extends Error {}

export async function migrateToLatest<DB>(db: Kysely<DB>, folder = defaultFolder): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider(folder) })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    const name = failed ? ` in ${failed.migrationName}` : ''
    throw new MigrationError(
      `Migration failed${name}: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
