import type { CompiledQuery } from 'kysely'
import { SNAPSHOTS, type SnapshotFile, sentBy } from './queries.ts'

const HEADER =
  '-- Written by `npm run sql:snapshot` from test/sql/queries.ts: do not edit; review its changes.'

/** The text of every snapshot file, by file name. */
export async function renderSnapshots(): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const snapshot of SNAPSHOTS) files.set(snapshot.file, await renderFile(snapshot))
  return files
}

async function renderFile(snapshot: SnapshotFile): Promise<string> {
  const parts = [`${HEADER}\n-- ${snapshot.title}`]
  for (const query of snapshot.queries) {
    const sent = await sentBy(query)
    if (sent.length === 0) throw new Error(`${snapshot.file}: "${query.name}" sent no SQL`)
    sent.forEach((compiled, i) => {
      const label = sent.length > 1 ? `${query.name} (${i + 1}/${sent.length})` : query.name
      parts.push(`-- ${label}\n${tidy(compiled.sql)};\n${parameters(compiled)}`)
    })
  }
  return `${parts.join('\n\n')}\n`
}

/** The SQL as written in the source, without its blank lines and the indentation all lines share. */
function tidy(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
  const indent = Math.min(...lines.map((l) => l.length - l.trimStart().length))
  return lines.map((l) => l.slice(indent)).join('\n')
}

/** One line per parameter, so that a changed example or a shifted placeholder shows as such in a diff. */
function parameters(compiled: CompiledQuery): string {
  if (compiled.parameters.length === 0) return '-- no parameters'
  return compiled.parameters
    .map(
      (value, i) =>
        `-- $${i + 1} = ${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v))}`,
    )
    .join('\n')
}
