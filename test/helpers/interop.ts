import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The interoperability corpus (real alerts and feeds written by others): the shared copy beside
 * the repository when there is one (it may have grown), else the copy committed in test/interop.
 * LINGSHI_INTEROP_DIR points elsewhere when needed.
 */
function repositoryRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('interop fixtures: no package.json above the test file')
    dir = parent
  }
  return dir
}

const SHARED = path.resolve(repositoryRoot(), '..', 'shared', 'interop')
export const INTEROP_DIR =
  process.env.LINGSHI_INTEROP_DIR ??
  (fs.existsSync(SHARED) ? SHARED : path.join(repositoryRoot(), 'test', 'interop'))

/** Every file in one part of the corpus, so a file added there without a verdict fails a test. */
export function interopFiles(part: 'cap' | 'feeds' | 'dcc'): string[] {
  const dir = path.join(INTEROP_DIR, part)
  if (!fs.existsSync(dir)) throw new Error(`interop corpus not found at ${dir} (set LINGSHI_INTEROP_DIR)`)
  return fs.readdirSync(dir).sort()
}

export const readInterop = (part: 'cap' | 'feeds' | 'dcc', name: string): Buffer =>
  fs.readFileSync(path.join(INTEROP_DIR, part, name))
