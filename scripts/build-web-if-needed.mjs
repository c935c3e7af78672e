// Builds the web app when web/dist is missing or older than its sources, so a second start is quick.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const stamp = path.join(root, 'web/dist/.built')

function newest(p) {
  const stat = fs.statSync(p)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))))
}

const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'package-lock.json']
  .map((p) => path.join(root, p))
  .filter((p) => fs.existsSync(p))
const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0
if (built < Math.max(...sources.map(newest))) {
  console.log('Building the web app (first start or changed sources)…')
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  })
  fs.writeFileSync(stamp, new Date().toISOString())
}
