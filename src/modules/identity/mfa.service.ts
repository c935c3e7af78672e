import { Secret, TOTP } from 'otpauth'
import QRCode from 'qrcode'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { badRequest, conflict } from '../../platform/errors/app-error.ts'
import type { Principal } from '../../platform/http/access.ts'
import type { Me } from './auth.schema.ts'
import type { RequestMeta } from './auth.service.ts'
import { loadMe } from './me.service.ts'
import { completeSessionMfa } from './session.repository.ts'
import { findUserById, updateUser } from './user.repository.ts'

const PERIOD = 30

function totpFor(ctx: AppContext, label: string, secret: string): TOTP {
  return new TOTP({ issuer: ctx.config.totpIssuer, label, secret: Secret.fromBase32(secret), period: PERIOD })
}

/** Checks a code within ±1 step and refuses a step already used (no replay of an observed code). */
function acceptCode(totp: TOTP, code: string, lastStep: number | null): number {
  const delta = totp.validate({ token: code, window: 1 })
  if (delta === null)
    throw badRequest('auth.mfa_invalid_code', 'The code is not right; check your device clock')
  const step = Math.floor(Date.now() / 1000 / PERIOD) + delta
  if (lastStep !== null && step <= lastStep)
    throw badRequest('auth.mfa_invalid_code', 'This code was already used')
  return step
}

async function loadUser(ctx: AppContext, principal: Principal) {
  const user = await findUserById(ctx.db, principal.userId)
  if (!user) throw badRequest('user.not_found', 'No such account')
  return user
}

export async function startEnrolment(ctx: AppContext, principal: Principal) {
  const user = await loadUser(ctx, principal)
  if (user.totp_enrolled_at)
    throw conflict('auth.mfa_already_enrolled', 'Two-factor sign-in is already set up')
  const secret = new Secret({ size: 20 }).base32
  await updateUser(ctx.db, user.id, { totp_secret: ctx.secrets.seal(secret) })
  const otpauthUrl = totpFor(ctx, user.email ?? user.phone ?? user.id, secret).toString()
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
  return { secret, otpauthUrl, qrSvg }
}

export async function confirmEnrolment(
  ctx: AppContext,
  principal: Principal,
  code: string,
  meta: RequestMeta,
) {
  const user = await loadUser(ctx, principal)
  if (user.totp_enrolled_at)
    throw conflict('auth.mfa_already_enrolled', 'Two-factor sign-in is already set up')
  if (!user.totp_secret) throw badRequest('auth.mfa_not_started', 'Start the set-up first')
  const label = user.email ?? user.phone ?? user.id
  const step = acceptCode(totpFor(ctx, label, ctx.secrets.open(user.totp_secret)), code, user.totp_last_step)
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { totp_enrolled_at: new Date(), totp_last_step: step })
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
    throw badRequest('auth.mfa_not_enrolled', 'Two-factor sign-in is not set up for this account')
  }
  const label = user.email ?? user.phone ?? user.id
  const step = acceptCode(totpFor(ctx, label, ctx.secrets.open(user.totp_secret)), code, user.totp_last_step)
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { totp_last_step: step })
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
