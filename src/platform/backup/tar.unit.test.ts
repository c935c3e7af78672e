import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ArchiveError, packDirectory, unpackArchive } from './tar.ts'

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lingshi-tar-'))
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {}
  const visit = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name)
      const key = path.relative(root, full)
      if (fs.statSync(full).isDirectory()) {
        out[`${key}/`] = ''
        visit(full)
      } else out[key] = fs.readFileSync(full).toString('base64')
    }
  }
  visit(root)
  return out
}

describe('gzipped tar of a directory', () => {
  const source = path.join(work, 'source')
  const longDir = `${'deep-'.repeat(15)}dir`
  fs.mkdirSync(path.join(source, 'base', '16384', longDir), { recursive: true })
  fs.mkdirSync(path.join(source, 'pg_tblspc'))
  fs.writeFileSync(path.join(source, 'PG_VERSION'), '18\n')
  fs.writeFileSync(path.join(source, 'empty'), '')
  fs.writeFileSync(path.join(source, 'base', '16384', '2619'), randomBytes(8192 * 3 + 17))
  fs.writeFileSync(path.join(source, 'base', '16384', longDir, `${'n'.repeat(90)}.bin`), randomBytes(1000))

  it('gives back every file and directory, byte for byte, and GNU tar reads it', async () => {
    const archive = path.join(work, 'a.tar.gz')
    await packDirectory(source, archive)
    const back = path.join(work, 'back')
    await unpackArchive(archive, back)
    expect(tree(back)).toEqual(tree(source))
    const listed = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).trim().split('\n')
    expect(listed).toContain(`base/16384/${longDir}/${'n'.repeat(90)}.bin`)
    expect(listed).toContain('pg_tblspc/')
  })

  it('never overwrites a file it was asked to write', async () => {
    const archive = path.join(work, 'a.tar.gz')
    await expect(packDirectory(source, archive)).rejects.toThrow(/EEXIST/)
  })

  it('reads an archive written by GNU tar with leading slashes, as PGlite writes them', async () => {
    const archive = path.join(work, 'slashes.tar.gz')
    execFileSync('tar', ['-czPf', archive, '--transform', `s,^${source},,`, source])
    expect(execFileSync('tar', ['-tzPf', archive], { encoding: 'utf8' })).toMatch(/^\/PG_VERSION$/m)
    const back = path.join(work, 'slashes')
    await unpackArchive(archive, back)
    expect(tree(back)).toEqual(tree(source))
  })

  it('refuses entries that climb out of the directory, and links', async () => {
    const outside = path.join(work, 'outside')
    fs.mkdirSync(path.join(outside, 'inner'), { recursive: true })
    fs.writeFileSync(path.join(outside, 'x'), 'x')
    const climbing = path.join(work, 'climbing.tar.gz')
    execFileSync('tar', ['-czPf', climbing, '../x'], { cwd: path.join(outside, 'inner') })
    await expect(unpackArchive(climbing, path.join(work, 'c'))).rejects.toThrow(ArchiveError)
    expect(fs.existsSync(path.join(work, 'x'))).toBe(false)

    fs.symlinkSync('/etc/passwd', path.join(outside, 'inner', 'link'))
    const linking = path.join(work, 'linking.tar.gz')
    execFileSync('tar', ['-czf', linking, 'link'], { cwd: path.join(outside, 'inner') })
    await expect(unpackArchive(linking, path.join(work, 'l'))).rejects.toThrow(/type "2"/)
  })

  it('says so when the archive is cut short', async () => {
    const whole = fs.readFileSync(path.join(work, 'a.tar.gz'))
    const cut = path.join(work, 'cut.tar.gz')
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)))
    await expect(unpackArchive(cut, path.join(work, 'cut'))).rejects.toThrow()
  })
})
