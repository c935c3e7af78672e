import { createHash, randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { type Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import {
  type BlobStore,
  BlobTooLargeError,
  SHA256_HEX,
  type StagedBlob,
  type StoredBlob,
} from './blob-store.ts'

const STAGING = '.staging'

/**
 * Files under `root/<sha256[0:2]>/<sha256>`. Staged files live in `root/.staging`, on the same
 * file system, so a commit is one atomic rename: a reader sees the whole file or none.
 */
export class LocalBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`)
    return path.join(this.root, sha256.slice(0, 2), sha256)
  }

  async stage(source: Readable, maxBytes: number): Promise<StagedBlob> {
    const staging = path.join(this.root, STAGING)
    await fs.mkdir(staging, { recursive: true })
    const tmp = path.join(staging, `${randomUUID()}.part`)
    const hash = createHash('sha256')
    let size = 0
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length
        if (size > maxBytes) return done(new BlobTooLargeError(maxBytes))
        hash.update(chunk)
        done(null, chunk)
      },
    })
    // The file is opened before any byte flows, so a refusal mid-stream can always remove it:
    // a write stream that opens lazily could create it after the clean-up ran.
    const handle = await fs.open(tmp, 'wx', 0o640)
    try {
      await pipeline(source, meter, handle.createWriteStream())
      const written = await fs.open(tmp, 'r')
      try {
        await written.sync()
      } finally {
        await written.close()
      }
    } catch (err) {
      await handle.close().catch(() => undefined)
      await fs.rm(tmp, { force: true })
      throw err
    }
    return this.staged(tmp, hash.digest('hex'), size)
  }

  private staged(tmp: string, sha256: string, size: number): StagedBlob {
    let committed = false
    const target = this.pathOf(sha256)
    return {
      sha256,
      size,
      read: () => createReadStream(tmp),
      commit: async () => {
        if (committed) return
        await fs.mkdir(path.dirname(target), { recursive: true })
        // Same content, same name: replacing an existing copy is harmless and atomic.
        await fs.rename(tmp, target)
        committed = true
      },
      discard: async () => {
        if (!committed) await fs.rm(tmp, { force: true })
      },
    }
  }

  async open(sha256: string): Promise<StoredBlob | undefined> {
    const file = this.pathOf(sha256)
    let handle: fs.FileHandle
    try {
      handle = await fs.open(file, 'r')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw err
    }
    const { size } = await handle.stat()
    return { size, stream: handle.createReadStream() }
  }

  async remove(sha256: string): Promise<void> {
    await fs.rm(this.pathOf(sha256), { force: true })
  }

  async sweepStaging(olderThanMs: number): Promise<number> {
    const staging = path.join(this.root, STAGING)
    let names: string[]
    try {
      names = await fs.readdir(staging)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0
      throw err
    }
    const before = Date.now() - olderThanMs
    let removed = 0
    for (const name of names) {
      const file = path.join(staging, name)
      const stat = await fs.stat(file).catch(() => undefined)
      if (stat && stat.mtimeMs < before) {
        await fs.rm(file, { force: true })
        removed++
      }
    }
    return removed
  }
}
