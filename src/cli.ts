import { parseArgs } from 'node:util'
import { backupDatabase, restoreDatabase } from './backup.ts'
import { ConfigError, loadConfig } from './config.ts'
import { initPki, rotatePki } from './modules/health/index.ts'
import { createAccount, ROLES, type Role } from './modules/identity/index.ts'
import { loadMissionsFromFile } from './modules/reference/index.ts'
import { ReferenceFileError } from './modules/reference/reference.loader.ts'
import { BackupError } from './platform/backup/backup-file.ts'
import { ArchiveError } from './platform/backup/tar.ts'
import { DataDirLockedError } from './platform/db/data-dir-lock.ts'
import { AppError } from './platform/errors/app-error.ts'
import { openRuntime, prepareRuntime } from './runtime.ts'
import { seedDemo } from './seed/demo.ts'
import { DemoResetError, resetDemo } from './seed/demo-reset.ts'
import { seedDemoWorld } from './seed/demo-world.ts'
import { parseSyntheticOptions, SyntheticOptionsError } from './seed/synthetic.options.ts'
import { SYNTHETIC_PASSWORD, seedSynthetic } from './seed/synthetic.ts'
import { serve } from './serve.ts'

const USAGE = `Usage: lingshi <command>

  serve [--demo]                      start the platform (API + web app) on PORT (default 8080)
  worker                              run background jobs only (with DATABASE_URL)
  migrate                             apply database migrations
  user create --email E --role R [--mission CODE ...] [--name N] [--password P]
                                      create a staff or enterprise account (roles: ${ROLES.join(', ')})
  reference load missions FILE        load the mission list from a JSON or CSV file (all or nothing)
  pki init                            create the country signing CA and a document signer for health
                                      certificates (keys sealed with ENCRYPTION_KEY); nothing if done
  pki rotate                          a new document signer signs from now on; the old one stays trusted
  seed demo                           create the demo accounts and the demo world
  demo reset                          empty the embedded demo database and load the demo again
                                      (stop the platform first)
  seed synthetic --people N [--trips-per-person 1.5] [--seed S] [--today YYYY-MM-DD]
                                      load N synthetic citizens with trips (benchmarks and tests only:
                                      every account's password is "${SYNTHETIC_PASSWORD}")
  backup FILE                         write a consistent copy of the database to FILE, also while it runs
                                      (server: pg_dump's custom format; embedded: the data directory, .tar.gz)
  restore FILE [--force]              replace the database with the backup in FILE, then end every session
                                      (stop the platform first; on a server, --force ends other sessions)

Environment: DATABASE_URL (PostgreSQL server; embedded database in DATA_DIR otherwise), DATA_DIR,
PORT, PUBLIC_URL, ENCRYPTION_KEY. See docs/operations.md.`

async function withRuntime<T>(
  demoFlag: boolean | undefined,
  fn: (rt: Awaited<ReturnType<typeof openRuntime>>) => Promise<T>,
) {
  const config = loadConfig(process.env, demoFlag === undefined ? {} : { demo: demoFlag })
  const rt = await openRuntime(config)
  try {
    await prepareRuntime(rt, { demo: false })
    return await fn(rt)
  } finally {
    await rt.close()
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      email: { type: 'string' },
      role: { type: 'string' },
      mission: { type: 'string', multiple: true },
      name: { type: 'string' },
      password: { type: 'string' },
      people: { type: 'string' },
      force: { type: 'boolean' },
      'trips-per-person': { type: 'string' },
      seed: { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (!command || values.help || command === 'help') {
    console.log(USAGE)
    return command ? 0 : 1
  }
  switch (command) {
    case 'serve':
      await serve(loadConfig(process.env, values.demo ? { demo: true } : {}), { worker: true })
      return 0
    case 'worker':
      await serve(loadConfig(process.env, { demo: false }), { worker: true, http: false })
      return 0
    case 'migrate':
      await withRuntime(false, async () => console.log('Migrations applied'))
      return 0
    case 'user': {
      if (positionals[0] !== 'create' || !values.email || !values.role) break
      if (!(ROLES as readonly string[]).includes(values.role)) {
        console.error(`Unknown role "${values.role}"; one of ${ROLES.join(', ')}`)
        return 2
      }
      const email = values.email
      const result = await withRuntime(false, (rt) =>
        createAccount(
          rt.ctx,
          {
            email,
            name: values.name ?? email,
            role: values.role as Role,
            missions: values.mission ?? [],
            ...(values.password ? { password: values.password } : {}),
          },
          { userId: null, roles: ['admin'], ip: 'cli' },
        ),
      )
      console.log(`Created ${result.user.email} (${result.user.roles.join(', ')}) id ${result.user.id}`)
      if (result.temporaryPassword) console.log(`Temporary password: ${result.temporaryPassword}`)
      return 0
    }
    case 'reference': {
      const [what, dataset, file] = positionals
      if (`${what} ${dataset}` !== 'load missions' || !file) break
      const { missions } = await withRuntime(false, (rt) => loadMissionsFromFile(rt.ctx, file))
      console.log(`Loaded ${missions} missions from ${file}`)
      return 0
    }
    case 'pki': {
      const action = positionals[0]
      if (action !== 'init' && action !== 'rotate') break
      const r = await withRuntime(false, (rt) => (action === 'init' ? initPki(rt.ctx) : rotatePki(rt.ctx)))
      console.log(
        r.created
          ? `CSCA kid ${r.cscaKid}; document signer kid ${r.dscKid} signs from now on`
          : `PKI already initialised: CSCA kid ${r.cscaKid}, document signer kid ${r.dscKid}`,
      )
      return 0
    }
    case 'seed': {
      if (positionals[0] === 'synthetic') return seedSyntheticCommand(values)
      if (positionals[0] !== 'demo') break
      const created = await withRuntime(true, async (rt) => {
        const accounts = await seedDemo(rt.ctx)
        await seedDemoWorld(rt.ctx)
        return accounts
      })
      console.log(`Demo accounts created: ${created}`)
      return 0
    }
    case 'demo': {
      if (positionals[0] !== 'reset' || positionals.length > 1) break
      const done = await resetDemo(loadConfig(process.env, values.demo ? { demo: true } : {}))
      console.log(`The demo is back as new in ${done.dataDir} (${done.seconds} s)`)
      return 0
    }
    case 'backup': {
      const [file] = positionals
      if (!file || positionals.length > 1) break
      const done = await backupDatabase(loadConfig(process.env, { demo: false }), file)
      const held =
        done.lockedSeconds === null ? '' : ` (the database was held ${done.lockedSeconds} s for the copy)`
      console.log(
        `Backed up the ${done.engine} database to ${file}: ${(done.bytes / 1_048_576).toFixed(1)} MiB in ${done.seconds} s${held}`,
      )
      return 0
    }
    case 'restore': {
      const [file] = positionals
      if (!file || positionals.length > 1) break
      const done = await restoreDatabase(loadConfig(process.env, { demo: false }), file, {
        force: values.force,
      })
      console.log(
        `Restored the ${done.engine} database from ${file} in ${done.seconds} s; ${done.sessionsEnded} sessions ended`,
      )
      if (done.previous)
        console.log(`The data directory it replaced is kept in ${done.previous}: delete it when done`)
      return 0
    }
  }
  console.error(USAGE)
  return 2
}

async function seedSyntheticCommand(values: {
  people?: string | undefined
  'trips-per-person'?: string | undefined
  seed?: string | undefined
  today?: string | undefined
}): Promise<number> {
  const options = parseSyntheticOptions({
    people: values.people,
    tripsPerPerson: values['trips-per-person'],
    seed: values.seed,
    today: values.today,
  })
  const summary = await withRuntime(false, (rt) =>
    seedSynthetic(rt.ctx, options, (p) =>
      console.log(
        `${p.people.toLocaleString('en')} / ${p.total.toLocaleString('en')} people, ` +
          `${p.rows.toLocaleString('en')} rows, ${Math.round(p.rows / Math.max(p.seconds, 0.001)).toLocaleString('en')} rows/s`,
      ),
    ),
  )
  console.log(
    `Loaded ${summary.people.toLocaleString('en')} people, ${summary.residences.toLocaleString('en')} residences, ` +
      `${summary.trips.toLocaleString('en')} trips (${summary.destinations.toLocaleString('en')} destinations) ` +
      `on the ${summary.engine} database in ${summary.loadSeconds} s (${summary.rowsPerSecond.toLocaleString('en')} rows/s; ` +
      `sealing passports ${summary.sealSeconds} s), then VACUUM ANALYZE in ${summary.vacuumSeconds} s. ` +
      `Password of every account: ${SYNTHETIC_PASSWORD}`,
  )
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code
  },
  (err: unknown) => {
    if (
      err instanceof ConfigError ||
      err instanceof ReferenceFileError ||
      err instanceof AppError ||
      err instanceof SyntheticOptionsError ||
      err instanceof BackupError ||
      err instanceof ArchiveError ||
      err instanceof DataDirLockedError ||
      err instanceof DemoResetError
    ) {
      console.error(err instanceof AppError ? `${err.code}: ${err.message}` : err.message)
      process.exitCode = 2
      return
    }
    console.error(err)
    process.exitCode = 1
  },
)
