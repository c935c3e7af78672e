import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BlobTooLargeError } from './blob-store.ts'
import { LocalBlobStore } from './local-blob-store.ts'

let root: string
let store: LocalBlobStore
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'blobs-'))
  store = new LocalBlobStore(root)
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

const files = () =>
  fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
const text = async (r: Readable) => Buffer.concat(await r.toArray()).toString()

describe('LocalBlobStore', () => {
  it('stages, then commits under the hash; the same content twice is one file', async () => {
    const hash = createHash('sha256').update('hello').digest('hex')
    const a = await store.stage(Readable.from([Buffer.from('hel'), Buffer.from('lo')]), 100)
    expect(a).toMatchObject({ sha256: hash, size: 5 })
    expect(await text(a.read())).toBe('hello')
    expect(await store.open(hash)).toBeUndefined()
    await a.commit()
    await a.discard()
    const b = await store.stage(Readable.from([Buffer.from('hello')]), 100)
    await b.commit()
    expect(files()).toEqual([path.join(hash.slice(0, 2), hash)])
    const stored = await store.open(hash)
    expect(stored?.size).toBe(5)
    expect(await text(stored?.stream ?? Readable.from([]))).toBe('hello')
  })

  it('leaves nothing behind when the content is too large or discarded', async () => {
    await expect(
      store.stage(Readable.from([Buffer.alloc(60), Buffer.alloc(60)]), 100),
    ).rejects.toBeInstanceOf(BlobTooLargeError)
    const staged = await store.stage(Readable.from([Buffer.from('x')]), 100)
    await staged.discard()
    expect(files()).toEqual([])
  })

  it('refuses a name that is not a hash, and sweeps old staged files', async () => {
    await expect(store.open('../../etc/passwd')).rejects.toThrow(/not a SHA-256/)
    await store.stage(Readable.from([Buffer.from('left by a crash')]), 100)
    expect(await store.sweepStaging(60_000)).toBe(0)
    expect(await store.sweepStaging(-1)).toBe(1)
    expect(files()).toEqual([])
  })
})
