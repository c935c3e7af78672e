import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderSnapshots } from './render.ts'

/** `npm run sql:snapshot`: writes test/sql/*.sql and says which ones changed. */
const dir = path.dirname(fileURLToPath(import.meta.url))
for (const [file, text] of await renderSnapshots()) {
  const target = path.join(dir, file)
  const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null
  if (before === text) {
    console.log(`unchanged  test/sql/${file}`)
    continue
  }
  fs.writeFileSync(target, text)
  console.log(`${before === null ? 'written  ' : 'changed  '}  test/sql/${file}`)
}
