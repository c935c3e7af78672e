import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { assertBackupFor, BackupError, refuseExisting } from './backup-file.ts'

/**
 * The server engine's backups are PostgreSQL's own: `pg_dump -Fc` (one consistent snapshot while
 * the platform runs) and `pg_restore`, from the PostgreSQL client tools of the server's major
 * version or newer.
 */
export async function backupServer(url: string, file: string): Promise<void> {
  const target = path.resolve(file)
  refuseExisting(target)
  const partial = `${target}.partial`
  const { dbname, env } = connection(url)
  try {
    await finished(spawnTool('pg_dump', ['--format=custom', `--file=${partial}`, `--dbname=${dbname}`], env))
    await fs.promises.rename(partial, target)
  } finally {
    await fs.promises.rm(partial, { force: true })
  }
}

export interface ServerRestoreOptions {
  /** End other sessions on the database instead of refusing while there are some. */
  readonly force?: boolean
}

/**
 * Replaces everything in the database with the backup, in one transaction: every schema is
 * dropped (so a table the backup does not know is gone too), then pg_restore's script runs
 * through psql. If anything fails, nothing has changed.
 */
export async function restoreServer(
  url: string,
  file: string,
  options: ServerRestoreOptions = {},
): Promise<void> {
  await assertBackupFor('server', file)
  const schemas = await prepareDatabase(url, options.force ?? false)
  const { dbname, env } = connection(url)
  const restore = spawnTool(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--file=-', path.resolve(file)],
    env,
  )
  const psql = spawnTool(
    'psql',
    ['--no-psqlrc', '--quiet', '--no-password', '--set=ON_ERROR_STOP=1', `--dbname=${dbname}`],
    env,
    'pipe',
  )
  const stdin = psql.stdin
  if (!stdin || !restore.stdout) throw new BackupError('could not connect pg_restore to psql')
  // psql may stop early (a failed statement): its stdin then refuses writes, and its exit says why.
  stdin.on('error', () => {})
  const drop = schemas.map((s) => `drop schema ${pg.escapeIdentifier(s)} cascade;`).join('\n')
  stdin.write(`begin;\n${drop}\ncreate schema public;\n`)
  restore.stdout.pipe(stdin, { end: false })
  const loaded = finished(psql)
  // psql stopped (a failed statement, or no psql at all): pg_restore would wait on a full pipe.
  loaded.catch(() => restore.kill())
  const restored = finished(restore).then(
    () => stdin.end('commit;\n'),
    (err: unknown) => {
      // Without a commit, psql's transaction ends with the connection: nothing is written.
      stdin.destroy()
      throw err
    },
  )
  const [load, dump] = await Promise.allSettled([loaded, restored])
  if (load.status === 'rejected') throw load.reason
  if (dump.status === 'rejected') throw dump.reason
}

async function prepareDatabase(url: string, force: boolean): Promise<string[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const others = await client.query<{ pid: number; application_name: string }>(
      `select pid, application_name from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`,
    )
    if (others.rows.length > 0 && !force)
      throw new BackupError(
        `${others.rows.length} other sessions are connected to the database (lingshi serve or worker?): ` +
          'stop them before restoring, or pass --force to end them',
      )
    for (const row of others.rows) await client.query('select pg_terminate_backend($1)', [row.pid])
    const schemas = await client.query<{ name: string }>(
      `select nspname as name from pg_namespace
        where nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_%'
        order by 1`,
    )
    return schemas.rows.map((r) => r.name)
  } finally {
    await client.end()
  }
}

/** The URL without its password, which goes to the tools through the environment, not the process list. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  return { dbname: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env }
}

function spawnTool(
  tool: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin: 'ignore' | 'pipe' = 'ignore',
) {
  return spawn(tool, args, { env, stdio: [stdin, tool === 'pg_restore' ? 'pipe' : 'ignore', 'pipe'] })
}

/** Resolves when the tool exits 0; otherwise a BackupError with what it wrote to stderr. */
function finished(child: ChildProcess): Promise<void> {
  const tool = child.spawnfile
  let stderr = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    if (stderr.length < 16_384) stderr += chunk
  })
  return new Promise((resolve, reject) => {
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new BackupError(
              `${tool} was not found: install the PostgreSQL client tools of the server's major version or newer ` +
                '(Debian: apt-get install postgresql-client; the PostgreSQL apt repository has every version)',
            )
          : err,
      ),
    )
    child.on('close', (code, signal) => {
      if (code === 0) resolve()
      else
        reject(
          new BackupError(`${tool} failed (${signal ?? `exit ${code}`}): ${stderr.trim() || 'no message'}`),
        )
    })
  })
}
