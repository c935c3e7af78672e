import type { KeyObject } from 'node:crypto'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../database.ts'
import { healthError } from './health.errors.ts'
import { openPrivateKey } from './pki.ts'
import { activeSignerKey } from './signer.repository.ts'

/** The DSC that signs now, its private key opened once per process and key. */
export interface ActiveSigner {
  readonly id: string
  readonly kid: string
  readonly kidBytes: Buffer
  readonly privateKey: KeyObject
  readonly notAfter: Date
}

const opened = new Map<string, ActiveSigner>()

export async function activeSigner(ctx: AppContext, db: Db = ctx.db): Promise<ActiveSigner> {
  const row = await activeSignerKey(db, 'dsc')
  if (!row) throw healthError('health.pki_not_initialised', 'No document signer yet: run "lingshi pki init"')
  const known = opened.get(row.id)
  if (known) return known
  const signer: ActiveSigner = {
    id: row.id,
    kid: row.kid,
    kidBytes: Buffer.from(row.kid, 'base64'),
    privateKey: openPrivateKey(ctx, row),
    notAfter: row.not_after,
  }
  opened.set(row.id, signer)
  return signer
}
