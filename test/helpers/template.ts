import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const TMP = path.join(ROOT, '.test-tmp')
export const TEST_ENCRYPTION_KEY = 'a'.repeat(64)

/** Set by the `unit` project's setup file: no template was prepared for it. */
export const NO_DATABASE_ENV = 'LINGSHI_TEST_NO_DATABASE'

export class UnitTestOpenedDatabaseError extends Error {
  constructor() {
    super(
      'A unit test opened a database. Files named *.unit.test.ts run without one (vitest project "unit"); ' +
        'rename this file to *.test.ts so that it runs in the "db" project.',
    )
  }
}

/** Everything that shapes a freshly prepared database: when it changes, the template is rebuilt. */
export function templateKey(): string {
  if (process.env[NO_DATABASE_ENV]) throw new UnitTestOpenedDatabaseError()
  const hash = createHash('sha256')
  const inputs = [
    path.join(ROOT, 'src/migrations'),
    path.join(ROOT, 'src/modules/reference'),
    path.join(ROOT, 'package-lock.json'),
  ]
  const walk = (p: string) => {
    const stat = fs.statSync(p)
    if (stat.isDirectory()) {
      for (const f of fs.readdirSync(p).sort()) if (!f.endsWith('.test.ts')) walk(path.join(p, f))
    } else {
      hash.update(p.slice(ROOT.length)).update(fs.readFileSync(p))
    }
  }
  for (const p of inputs) walk(p)
  // Checkouts side by side (worktrees) prepare their own server template instead of racing for one.
  hash.update(ROOT)
  return hash.digest('hex').slice(0, 12)
}

export function embeddedTemplateDir(key: string): string {
  return path.join(TMP, `template-${key}`, 'pg')
}

export function serverTemplateName(key: string): string {
  return `lingshi_tpl_${key}`
}

export function serverUrlFor(base: string, database: string): string {
  const url = new URL(base)
  url.pathname = `/${database}`
  return url.toString()
}
