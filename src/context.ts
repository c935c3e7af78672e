import type { FastifyBaseLogger } from 'fastify'
import type { Kysely } from 'kysely'
import type { Config } from './config.ts'
import type { Database } from './database.ts'
import type { SecretBox } from './platform/crypto/secret-box.ts'
import type { Signer } from './platform/crypto/signer.ts'
import type { JobQueue } from './platform/queue/queue.ts'
import type { BlobStore } from './platform/storage/blob-store.ts'

/** What services are built from: the database, config, the job queue, file storage, the key for data at rest and the signer. */
export interface AppContext {
  readonly db: Kysely<Database>
  readonly engine: 'embedded' | 'server'
  readonly config: Config
  readonly queue: JobQueue
  readonly secrets: SecretBox
  readonly blobs: BlobStore
  /** Signs links handed out and taken back (one-click answers); its key is derived from the secrets' key. */
  readonly signer: Signer
  readonly log: FastifyBaseLogger
}
