import { sql } from 'kysely'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { setVerifiedProfilePhone } from '../registrations/index.ts'
import { isUniqueViolation, mfaStep, openSession, type RequestMeta, type SignedIn } from './auth.service.ts'
import { checkCode, cooldownSeconds, issueCode } from './code.service.ts'
import { identityError } from './identity.errors.ts'
import { loadMe } from './me.service.ts'
import { admitSignIn, refuseSignIn, signInSucceeded } from './sign-in-guard.ts'
import * as users from './user.repository.ts'

/** Texts a code to a number the signed-in person wants to prove is theirs. */
export async function startPhoneVerification(ctx: AppContext, principal: Principal, phone: string) {
  const wait = await cooldownSeconds(ctx.db, 'phone_verify', phone)
  if (wait > 0)
    throw identityError(
      'auth.code_cooldown',
      'A code was sent to this number moments ago: wait before asking again',
      {
        retryAfterSeconds: wait,
      },
    )
  const user = await users.findUserById(ctx.db, principal.userId)
  await ctx.db.transaction().execute((trx) =>
    issueCode(ctx, trx, {
      purpose: 'phone_verify',
      target: phone,
      userId: principal.userId,
      locale: user?.locale ?? null,
      send: true,
    }),
  )
}

/**
 * The right code makes the number both the account's sign-in phone and the profile's contact
 * phone, verified. A number another account signs in with unverified is taken from it (whoever
 * holds the phone has proved it); one another account has verified is refused.
 */
export async function confirmPhone(ctx: AppContext, principal: Principal, code: string, meta: RequestMeta) {
  const live = await checkCode(ctx, 'phone_verify', { userId: principal.userId }, code)
  if (!live)
    throw identityError('auth.code_invalid', 'The code is not right, has expired or was used already')
  const phone = live.target
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const holder = await users.findUserByPhone(trx, phone)
      if (holder && holder.id !== principal.userId) {
        if (holder.phone_verified_at)
          throw identityError('auth.phone_taken', 'Another account has verified this phone number')
        await users.updateUser(trx, holder.id, { phone: null })
      }
      await users.updateUser(trx, principal.userId, { phone, phone_verified_at: new Date() })
      await setVerifiedProfilePhone(trx, principal.userId, phone)
      await recordAudit(trx, {
        actorId: principal.userId,
        actorRoles: principal.roles,
        action: 'account.phone_verified',
        subjectType: 'user',
        subjectId: principal.userId,
        ip: meta.ip,
      })
    })
  } catch (err) {
    if (isUniqueViolation(err))
      throw identityError('auth.phone_taken', 'Another account has this phone number')
    throw err
  }
  return loadMe(ctx, principal.userId, principal.mfaPending)
}

/**
 * A sign-in code for a number (run by a job: the request only queued it). Texted only when an
 * enabled account has the number verified, but a code row is written either way, so the
 * cooldown tells nothing either.
 */
export async function requestLoginCode(ctx: AppContext, phone: string): Promise<void> {
  const user = await users.findUserByPhone(ctx.db, phone)
  const eligible = user?.phone_verified_at && !user.disabled_at ? user : null
  await ctx.db.transaction().execute(async (trx) => {
    // Requests for one number are taken one at a time, so two at once cannot both pass the cooldown.
    await sql`select pg_advisory_xact_lock(hashtext(${`phone_login:${phone}`}))`.execute(trx)
    if ((await cooldownSeconds(trx, 'phone_login', phone)) > 0) return
    await issueCode(ctx, trx, {
      purpose: 'phone_login',
      target: phone,
      userId: eligible?.id ?? null,
      locale: eligible?.locale ?? null,
      send: eligible !== null,
    })
  })
}

/** Signs in with a texted code, under the same guard as a password (counts, waits, challenges) and MFA for staff. */
export async function loginWithCode(
  ctx: AppContext,
  body: { phone: string; code: string; altcha?: string | undefined },
  meta: RequestMeta,
): Promise<SignedIn> {
  const keys = await admitSignIn(ctx, {
    ip: meta.ip,
    identifier: `phone:${body.phone}`,
    password: body.code,
    altcha: body.altcha,
  })
  const live = await checkCode(ctx, 'phone_login', { target: body.phone }, body.code)
  const user = live?.user_id ? await users.findUserById(ctx.db, live.user_id) : undefined
  // The account must still have this number, verified, and be enabled.
  if (!user || user.phone !== body.phone || !user.phone_verified_at || user.disabled_at)
    return refuseSignIn(ctx, keys)
  await signInSucceeded(ctx, keys)
  const mfa = mfaStep(ctx, user)
  const token = await openSession(ctx, user.id, mfa !== null, meta)
  await recordAudit(ctx.db, {
    actorId: user.id,
    actorRoles: user.roles,
    action: 'auth.login',
    subjectType: 'user',
    subjectId: user.id,
    ip: meta.ip,
    details: { mfa, method: 'phone_code' },
  })
  return { user: await loadMe(ctx, user.id, mfa !== null), token, mfa }
}
