import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DataDirLockedError, holderOf, type LockRecord, lockDataDir, lockFileOf } from './data-dir-lock.ts'

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lingshi-lock-'))
let other: ChildProcess

beforeAll(() => {
  // Another live process on this machine, to stand for a server holding the directory.
  other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' })
})
afterAll(() => {
  other.kill()
  fs.rmSync(work, { recursive: true, force: true })
})

let n = 0
function dataDir(): string {
  const dir = path.join(work, `d${++n}`, 'pg')
  fs.mkdirSync(dir, { recursive: true })
  return dir
}

function heldBy(dir: string, changes: Partial<LockRecord> = {}): void {
  const stat = fs.statSync(dir)
  const record: LockRecord = {
    pid: other.pid ?? 0,
    host: os.hostname(),
    boot: fs.existsSync('/proc/sys/kernel/random/boot_id')
      ? fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
      : null,
    dir: `${stat.dev}:${stat.ino}`,
    socket: null,
    ...changes,
  }
  fs.writeFileSync(lockFileOf(dir), JSON.stringify(record))
}

describe('the embedded data directory lock', () => {
  it('refuses a directory another live process holds', () => {
    const dir = dataDir()
    heldBy(dir)
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError)
    expect(holderOf(dir)?.pid).toBe(other.pid)
  })

  it('opens a copy of a held directory, lock file and all, without anyone removing it', () => {
    const dir = dataDir()
    fs.writeFileSync(path.join(dir, 'PG_VERSION'), '18\n')
    heldBy(dir)
    const copy = path.join(work, 'copy', 'pg')
    fs.cpSync(path.dirname(dir), path.dirname(copy), { recursive: true })
    expect(fs.existsSync(lockFileOf(copy))).toBe(true)
    const release = lockDataDir(copy)
    expect(JSON.parse(fs.readFileSync(lockFileOf(copy), 'utf8')).pid).toBe(process.pid)
    release()
    expect(fs.existsSync(lockFileOf(copy))).toBe(false)
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError)
  })

  it('takes over the lock of a process that is gone, or of a machine that rebooted since', () => {
    const gone = dataDir()
    const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lingshi-'))
    heldBy(gone, { pid: 2 ** 22 + 1, socket: path.join(socketDir, 'snapshot.sock') })
    lockDataDir(gone)()
    expect(fs.existsSync(socketDir)).toBe(false)
    const rebooted = dataDir()
    heldBy(rebooted, { boot: 'an-earlier-boot' })
    if (fs.existsSync('/proc/sys/kernel/random/boot_id')) lockDataDir(rebooted)()
  })

  it('refuses a lock held on another machine, and says how to clear it', () => {
    const dir = dataDir()
    heldBy(dir, { host: 'another-machine' })
    expect(() => lockDataDir(dir)).toThrow(/another-machine.*delete .*pg\.lock/)
  })

  it('reads the lock files written before they had fields (the pid alone)', () => {
    const dir = dataDir()
    fs.writeFileSync(lockFileOf(dir), String(other.pid))
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError)
    fs.writeFileSync(lockFileOf(dir), String(2 ** 22 + 1))
    lockDataDir(dir)()
  })

  it('refuses a second opening by the same process', () => {
    const dir = dataDir()
    const release = lockDataDir(dir)
    expect(() => lockDataDir(dir)).toThrow(/in use by this process/)
    release()
    lockDataDir(dir)()
  })
})
