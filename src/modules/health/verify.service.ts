import type { AppContext } from '../../context.ts'
import { nodeVerifyEnv } from './dcc/dcc.node.ts'
import { type Verdict, verifyHc1 } from './dcc/dcc.verify.ts'
import { verifierState } from './trust.service.ts'

/** Verifies an HC1 string against the trust list and revocations, at the time given (default now). */
export async function verifyCertificate(ctx: AppContext, qr: string, at?: string): Promise<Verdict> {
  const state = await verifierState(ctx)
  const env = nodeVerifyEnv(
    (kid) => (kid === null ? state.all : (state.byKid.get(kid) ?? [])),
    (hash) => state.revoked.has(hash),
  )
  return verifyHc1(qr, at ? new Date(at) : new Date(), env)
}
