import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SNAPSHOTS } from './queries.ts'
import { renderSnapshots } from './render.ts'

const dir = path.dirname(fileURLToPath(import.meta.url))

describe('SQL snapshots of the hot queries', async () => {
  const rendered = await renderSnapshots()

  it.each(SNAPSHOTS.map((s) => s.file))('test/sql/%s is what the code sends', (file) => {
    const target = path.join(dir, file)
    const kept = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : ''
    expect(
      rendered.get(file),
      `test/sql/${file} differs from the SQL the code sends: run \`npm run sql:snapshot\` and review the diff (git diff test/sql)`,
    ).toBe(kept)
  })

  it('keeps no snapshot that nothing writes', () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql'))
    expect(files.sort()).toEqual(SNAPSHOTS.map((s) => s.file).sort())
  })
})
