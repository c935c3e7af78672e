import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export class DataDirLockedError extends Error {}

/** Who holds an embedded data directory, written beside it (`DATA_DIR/pg.lock`). */
export interface LockRecord {
  readonly pid: number
  readonly host: string
  /** The kernel's boot id where there is one: after a reboot no earlier process holds anything. */
  readonly boot: string | null
  /** Device and inode of the directory locked: a copy of the directory is another one. */
  readonly dir: string
  /** Where the holder takes requests for a consistent copy (`lingshi backup` while it runs). */
  readonly socket: string | null
}

export function lockFileOf(dataDir: string): string {
  return path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`)
}

function identityOf(dataDir: string): string {
  const stat = fs.statSync(dataDir)
  return `${stat.dev}:${stat.ino}`
}

function bootId(): string | null {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
  } catch {
    return null
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readRecord(file: string): LockRecord | null {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8').trim()
  } catch {
    return null
  }
  // Before records had fields the file held the pid alone: nothing else can be checked.
  if (/^\d+$/.test(text)) return { pid: Number(text), host: os.hostname(), boot: null, dir: '', socket: null }
  try {
    const record = JSON.parse(text) as Partial<LockRecord>
    if (typeof record.pid !== 'number' || typeof record.host !== 'string') return null
    return {
      pid: record.pid,
      host: record.host,
      boot: typeof record.boot === 'string' ? record.boot : null,
      dir: typeof record.dir === 'string' ? record.dir : '',
      socket: typeof record.socket === 'string' ? record.socket : null,
    }
  } catch {
    return null
  }
}

/**
 * The process holding the directory, or null when the lock is stale: it was copied with a copy
 * of the directory (taken while running, or a backup restored by hand), the machine rebooted
 * since, or its process is gone. A holder on another machine cannot be checked and counts.
 */
export function holderOf(dataDir: string): LockRecord | null {
  const record = readRecord(lockFileOf(dataDir))
  if (!record) return null
  if (record.dir && fs.existsSync(dataDir) && record.dir !== identityOf(dataDir)) return null
  if (record.host !== os.hostname()) return record
  const boot = bootId()
  if (record.boot && boot && record.boot !== boot) return null
  return isAlive(record.pid) ? record : null
}

function lockedError(dataDir: string, holder: LockRecord): DataDirLockedError {
  const who = holder.pid === process.pid ? 'this process' : `process ${holder.pid} on ${holder.host}`
  const elsewhere =
    holder.host === os.hostname()
      ? ''
      : `; if no Lingshi runs on ${holder.host} with it, delete ${lockFileOf(dataDir)}`
  return new DataDirLockedError(`The data directory ${dataDir} is in use by ${who}${elsewhere}`)
}

/**
 * One process owns an embedded data directory: a second one would corrupt it. Returns the
 * release. The lock file is created exclusively, so two processes starting at once do not
 * both win; a stale one is replaced.
 */
export function lockDataDir(dataDir: string, socket: string | null = null): () => void {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = lockFileOf(dataDir)
  const record: LockRecord = {
    pid: process.pid,
    host: os.hostname(),
    boot: bootId(),
    dir: identityOf(dataDir),
    socket,
  }
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(record), { flag: 'wx' })
      return () => {
        if (readRecord(file)?.pid === process.pid) fs.rmSync(file, { force: true })
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
    const holder = holderOf(dataDir)
    if (holder || attempt > 0) throw lockedError(dataDir, holder ?? readRecord(file) ?? record)
    removeSocketOfDeadHolder(readRecord(file))
    fs.rmSync(file, { force: true })
  }
}

/** A holder killed outright left its socket's private directory behind; one that lives keeps it. */
function removeSocketOfDeadHolder(stale: LockRecord | null): void {
  if (!stale?.socket || stale.host !== os.hostname() || isAlive(stale.pid)) return
  const dir = path.dirname(stale.socket)
  if (path.dirname(dir) === os.tmpdir() && path.basename(dir).startsWith('lingshi-'))
    fs.rmSync(dir, { recursive: true, force: true })
}
