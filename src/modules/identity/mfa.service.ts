import type { Transaction } from 'kysely'
import { Secret, TOTP } from 'otpauth'
import QRCode from 'qrcode'
import type { AppContext } from '../../context.ts'
import type { Database } from '../../database.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import type { Me } from './auth.schema.ts'
import type { RequestMeta } from './auth.service.ts'
import { identityError } from './identity.errors.ts'
import { loadMe } from './me.service.ts'
import { claimMfaAttempt, completeSessionMfa, deleteSession } from './session.repository.ts'
import {
  acceptTotpStep,
  claimTotpAttempt,
  findUserById,
  totpWaitSeconds,
  type UserWithAccess,
  updateUser,
} from './user.repository.ts'

const PERIOD = 30
/** Codes one pending session may try; then it is void and the person signs in again. */
const ATTEMPTS_PER_SESSION = 5

function totpFor(ctx: AppContext, label: string, secret: string): TOTP {
  return new TOTP({ issuer: ctx.config.totpIssuer, label, secret: Secret.fromBase32(secret), period: PERIOD })
}

async function loadUser(ctx: AppContext, principal: Principal) {
  const user = await findUserById(ctx.db, principal.userId)
  if (!user) throw identityError('user.not_found', 'No such account')
  return user
}

export async function startEnrolment(ctx: AppContext, principal: Principal) {
  const user = await loadUser(ctx, principal)
  if (user.totp_enrolled_at)
    throw identityError('auth.mfa_already_enrolled', 'Two-factor sign-in is already set up')
  const secret = new Secret({ size: 20 }).base32
  await updateUser(ctx.db, user.id, { totp_secret: ctx.secrets.seal(secret) })
  const otpauthUrl = totpFor(ctx, user.email ?? user.phone ?? user.id, secret).toString()
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
  return { secret, otpauthUrl, qrSvg }
}

/**
 * Checks a TOTP code under three limits: tries per pending session, a growing wait per account,
 * and each time step used once. On a right code, `complete` runs in the transaction that records
 * the step, so a code raced by two requests completes one of them only.
 */
async function withRightCode(
  ctx: AppContext,
  principal: Principal,
  user: UserWithAccess,
  secret: string,
  code: string,
  complete: (trx: Transaction<Database>) => Promise<void>,
): Promise<void> {
  const attempt = principal.mfaPending ? await claimMfaAttempt(ctx.db, principal.sessionId) : 0
  // Completed meanwhile by another request with the same cookie: nothing is left to check.
  if (attempt === undefined)
    throw identityError('auth.mfa_invalid_code', 'This sign-in needs no code any more')
  const voidSession = async () => {
    await deleteSession(ctx.db, principal.sessionId)
    return identityError('auth.mfa_attempts_exhausted', 'Too many wrong codes: sign in again')
  }
  if (attempt > ATTEMPTS_PER_SESSION) throw await voidSession()
  if (!(await claimTotpAttempt(ctx.db, user.id))) {
    throw identityError(
      'auth.rate_limited',
      'Too many wrong codes for this account; wait before trying again',
      {
        retryAfterSeconds: Math.max(1, await totpWaitSeconds(ctx.db, user.id)),
      },
    )
  }
  const delta = totpFor(ctx, user.email ?? user.phone ?? user.id, secret).validate({ token: code, window: 1 })
  const step = delta === null ? null : Math.floor(Date.now() / 1000 / PERIOD) + delta
  const accepted =
    step !== null &&
    (await ctx.db.transaction().execute(async (trx) => {
      if (!(await acceptTotpStep(trx, user.id, step))) return false
      await complete(trx)
      return true
    }))
  if (accepted) return
  if (attempt === ATTEMPTS_PER_SESSION) throw await voidSession()
  throw identityError(
    'auth.mfa_invalid_code',
    step === null ? 'The code is not right; check your device clock' : 'This code was already used',
  )
}

export async function confirmEnrolment(
  ctx: AppContext,
  principal: Principal,
  code: string,
  meta: RequestMeta,
) {
  const user = await loadUser(ctx, principal)
  if (user.totp_enrolled_at)
    throw identityError('auth.mfa_already_enrolled', 'Two-factor sign-in is already set up')
  if (!user.totp_secret) throw identityError('auth.mfa_not_started', 'Start the set-up first')
  await withRightCode(ctx, principal, user, ctx.secrets.open(user.totp_secret), code, async (trx) => {
    await updateUser(trx, user.id, { totp_enrolled_at: new Date() })
    await completeSessionMfa(trx, principal.sessionId)
    await recordAudit(trx, {
      actorId: user.id,
      action: 'auth.mfa_enrolled',
      subjectType: 'user',
      subjectId: user.id,
      ip: meta.ip,
    })
  })
  return { user: await loadMe(ctx, user.id, false) }
}

export async function verifyCode(
  ctx: AppContext,
  principal: Principal,
  code: string,
  meta: RequestMeta,
): Promise<{ user: Me }> {
  const user = await loadUser(ctx, principal)
  if (!user.totp_enrolled_at || !user.totp_secret) {
    throw identityError('auth.mfa_not_enrolled', 'Two-factor sign-in is not set up for this account')
  }
  await withRightCode(ctx, principal, user, ctx.secrets.open(user.totp_secret), code, async (trx) => {
    await completeSessionMfa(trx, principal.sessionId)
    await recordAudit(trx, {
      actorId: user.id,
      action: 'auth.mfa_verified',
      subjectType: 'user',
      subjectId: user.id,
      ip: meta.ip,
    })
  })
  return { user: await loadMe(ctx, user.id, false) }
}
