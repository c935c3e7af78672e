import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../web/src/locales')

function keys(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object') return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

function read(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'))
}

describe('web app strings', () => {
  const areas = fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory())

  it.each(areas)('has every %s string in both zh-CN and English, none empty', (area) => {
    const en = read(path.join(root, area, 'en.json'))
    const zh = read(path.join(root, area, 'zh-CN.json'))
    expect(keys(zh).sort()).toEqual(keys(en).sort())
    const blank = (o: unknown) =>
      keys(o).filter(
        (k) => !String(k.split('.').reduce<unknown>((a, p) => (a as Record<string, unknown>)[p], o)).trim(),
      )
    expect(blank(en)).toEqual([])
    expect(blank(zh)).toEqual([])
  })

  it('never defines one key in two areas', () => {
    const seen = new Map<string, string>()
    const clashes: string[] = []
    for (const area of areas)
      for (const k of keys(read(path.join(root, area, 'en.json')))) {
        if (seen.has(k)) clashes.push(`${k} (${seen.get(k)}, ${area})`)
        seen.set(k, area)
      }
    expect(clashes).toEqual([])
  })
})
