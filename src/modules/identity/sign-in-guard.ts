import type { AppContext } from '../../context.ts'
import { dummyPasswordHash, verifyPassword } from '../../platform/crypto/password.ts'
import { identityError } from './identity.errors.ts'
import { countFailure, forgetFailures, recentFailures } from './login-throttle.repository.ts'
import { acceptSolution, issueChallenge } from './sign-in-challenge.ts'
import {
  challengeLevel,
  pairWaitSeconds,
  QUIET_SECONDS,
  type SignInKeys,
  signInKeys,
  stateOf,
} from './sign-in-throttle.ts'

// One detail for a wrong password, an unknown account and a try that came too soon, so that none
// can be told from another.
const NOT_RIGHT =
  'The e-mail, phone or password is not right (after several failed tries, wait a moment before the next)'

async function notRight(ctx: AppContext, level: number) {
  const extra = level > 0 ? { challenge: await issueChallenge(ctx, level) } : {}
  return identityError('auth.invalid_credentials', NOT_RIGHT, extra)
}

/**
 * Before a password is checked: the pair's wait (answered like a wrong password, after as long a
 * hash) and the proof of work when one is due. Depends only on counts kept for the address and
 * the e-mail or phone typed, never on whether an account has them.
 */
export async function admitSignIn(
  ctx: AppContext,
  input: { ip: string | null; identifier: string; password: string; altcha: string | undefined },
): Promise<SignInKeys> {
  const keys = signInKeys(input.ip, input.identifier)
  const counts = await recentFailures(ctx.db, [keys.address, keys.account, keys.pair], QUIET_SECONDS)
  const state = stateOf(keys, counts)
  const level = challengeLevel(state)
  if (pairWaitSeconds(state) > 0) {
    await verifyPassword(await dummyPasswordHash(), input.password)
    throw await notRight(ctx, level)
  }
  if (level > 0 && !(await acceptSolution(ctx, input.altcha, level))) {
    throw identityError(
      'auth.challenge_required',
      input.altcha
        ? 'The challenge was not solved, has expired or was used already: solve this one and sign in again'
        : 'After failed sign-ins, solve this challenge and sign in again',
      { challenge: await issueChallenge(ctx, level) },
    )
  }
  return keys
}

/** A wrong password, an unknown account or a disabled one: counted, then answered alike. */
export async function refuseSignIn(ctx: AppContext, keys: SignInKeys): Promise<never> {
  const counts = await countFailure(ctx.db, [keys.address, keys.account, keys.pair], QUIET_SECONDS)
  throw await notRight(ctx, challengeLevel(stateOf(keys, counts)))
}

/** The pair's own failures are forgiven; the address's and the account's fade with time. */
export async function signInSucceeded(ctx: AppContext, keys: SignInKeys): Promise<void> {
  await forgetFailures(ctx.db, [keys.pair])
}
