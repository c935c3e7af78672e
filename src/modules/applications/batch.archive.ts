import { createHash } from 'node:crypto'
import { type Zippable, zipSync } from 'fflate'

export interface ArchiveFile {
  readonly path: string
  readonly bytes: Uint8Array
}

export interface ManifestEntry {
  readonly path: string
  readonly sha256: string
  readonly size: number
}

/**
 * One ZIP: the files as given (stored, not compressed: photos are compressed already and the
 * producer reads them as they are) and `manifest.json` with the SHA-256 of each. Every entry
 * carries the batch's time, so the same batch gives the same bytes.
 */
export function batchArchive(
  files: readonly ArchiveFile[],
  header: Record<string, unknown>,
  at: Date,
): { bytes: Buffer; manifest: ManifestEntry[] } {
  const manifest = files.map((f) => ({
    path: f.path,
    sha256: createHash('sha256').update(f.bytes).digest('hex'),
    size: f.bytes.length,
  }))
  const entries: Zippable = {}
  const options = { level: 0 as const, mtime: at }
  entries['manifest.json'] = [
    new TextEncoder().encode(`${JSON.stringify({ ...header, files: manifest }, null, 2)}\n`),
    options,
  ]
  for (const f of files) entries[f.path] = [f.bytes, options]
  return { bytes: Buffer.from(zipSync(entries)), manifest }
}
