import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LEVELS } from '../src/modules/advisories/levels.ts'

const dir = path.resolve(import.meta.dirname, '../web/src/locales/console-registry')
const read = (lang: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, `${lang}.json`), 'utf8')).advisoriesConsole.levels as Record<
    string,
    { name: string; us: string; smartraveller: string }
  >

describe('the console’s risk level names', () => {
  it('are the names the server publishes, and the peers’ own labels', () => {
    const en = read('en')
    const zh = read('zh-CN')
    for (const l of LEVELS) {
      expect(en[l.level]).toMatchObject({
        name: l.label.en,
        us: l.us.label,
        smartraveller: l.smartraveller.label,
      })
      expect(zh[l.level]?.name).toBe(l.label['zh-CN'])
      expect(zh[l.level]?.us).toContain(l.us.label)
      expect(zh[l.level]?.smartraveller).toContain(l.smartraveller.label)
    }
  })
})
