import type { Readable } from 'node:stream'

/**
 * Content-addressed file storage: bytes are staged first (hashed and counted on the way in),
 * judged by the caller, then committed under their SHA-256 or discarded. Identical content is
 * kept once. The local directory is the only implementation today; an S3-compatible store would
 * stage to a temporary key and commit by copying to the hash.
 */
export interface BlobStore {
  /** Reads `source` to its end into the staging area; more than `maxBytes` throws BlobTooLargeError. */
  stage(source: Readable, maxBytes: number): Promise<StagedBlob>
  /** The stored content, or undefined when no content has this hash. */
  open(sha256: string): Promise<StoredBlob | undefined>
  /** Deletes the content with this hash (nothing if there is none). The caller checks nobody uses it. */
  remove(sha256: string): Promise<void>
  /** Forgets staged bytes older than `olderThanMs` (left by a crash in the middle of an upload). */
  sweepStaging(olderThanMs: number): Promise<number>
}

export interface StagedBlob {
  readonly sha256: string
  readonly size: number
  /** The staged bytes from the start, for checking what they are before committing. */
  read(): Readable
  /** Makes the content readable by its hash; idempotent. */
  commit(): Promise<void>
  /** Drops the staged bytes; does nothing once committed. */
  discard(): Promise<void>
}

export interface StoredBlob {
  readonly size: number
  readonly stream: Readable
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`larger than ${maxBytes} bytes`)
    this.name = 'BlobTooLargeError'
  }
}

export const SHA256_HEX = /^[0-9a-f]{64}$/
