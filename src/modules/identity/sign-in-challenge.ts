import { createChallenge, randomInt, verifySolution } from 'altcha-lib'
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2'
import type { AppContext } from '../../context.ts'
import { altchaPayload, type SignInChallenge } from './auth.schema.ts'
import { spendChallenge } from './login-throttle.repository.ts'
import { MAX_CHALLENGE_LEVEL } from './sign-in-throttle.ts'

// PBKDF2 runs at native speed in browsers (WebCrypto) as on an attacker's machine, so the work
// asked of both is alike. Level 1 is 250–500 derivations of 500 rounds (a blink in a browser);
// each level doubles it.
const ALGORITHM = 'PBKDF2/SHA-256'
const ROUNDS = 500
const LEVEL_ONE_COUNTER = 250
const TTL_MS = 10 * 60_000
const PURPOSE = 'sign-in'

/** Keys derived from the key for data at rest: every instance issues and checks alike. */
function hmacSecrets(ctx: AppContext) {
  return {
    hmacSignatureSecret: ctx.signer.sign('altcha', ['challenge']),
    hmacKeySignatureSecret: ctx.signer.sign('altcha', ['derived key']),
  }
}

/** A signed challenge whose expected work doubles with each level. */
export async function issueChallenge(ctx: AppContext, level: number): Promise<SignInChallenge> {
  const at = Math.min(Math.max(1, level), MAX_CHALLENGE_LEVEL)
  const low = LEVEL_ONE_COUNTER * 2 ** (at - 1)
  const challenge = await createChallenge({
    algorithm: ALGORITHM,
    cost: ROUNDS,
    deriveKey,
    counter: randomInt(2 * low, low),
    data: { purpose: PURPOSE, level: at },
    expiresAt: new Date(Date.now() + TTL_MS),
    ...hmacSecrets(ctx),
  })
  return { parameters: { ...challenge.parameters }, signature: challenge.signature ?? '' }
}

function decode(payload: string): unknown {
  try {
    return JSON.parse(Buffer.from(payload, 'base64').toString('utf8'))
  } catch {
    return undefined
  }
}

/**
 * True when the payload solves a challenge we issued, of at least this level, not expired and
 * never used before (it is spent now).
 */
export async function acceptSolution(ctx: AppContext, payload: string | undefined, level: number) {
  if (!payload) return false
  const parsed = altchaPayload.safeParse(decode(payload))
  if (!parsed.success) return false
  const { challenge, solution } = parsed.data
  const result = await verifySolution({ challenge, solution, deriveKey, ...hmacSecrets(ctx) })
  if (!result.verified) return false
  // Signed by us, so the data and expiry can be trusted from here on.
  const data = challenge.parameters.data ?? {}
  if (data.purpose !== PURPOSE || typeof data.level !== 'number' || data.level < level) return false
  const expiresAt = new Date((challenge.parameters.expiresAt ?? 0) * 1000)
  return spendChallenge(ctx.db, challenge.parameters.nonce, expiresAt)
}
