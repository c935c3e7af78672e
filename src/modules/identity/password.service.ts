import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { hashPassword, verifyPassword } from '../../platform/crypto/password.ts'
import { randomToken, sha256Hex } from '../../platform/crypto/tokens.ts'
import type { Principal } from '../../platform/http/access.ts'
import { normalizeLocale } from '../../platform/i18n/locale.ts'
import { absoluteUrl, sendDirect } from '../notifications/index.ts'
import { resetPasswordMail, verifyEmailMail } from './account.messages.ts'
import type { RequestMeta } from './auth.service.ts'
import { isUniqueViolation } from './auth.service.ts'
import { identityError } from './identity.errors.ts'
import { assertStrongPassword, personalWords } from './password-policy.ts'
import * as sessions from './session.repository.ts'
import * as tokens from './token.repository.ts'
import * as users from './user.repository.ts'

const RESET_TTL_MS = 60 * 60_000
const VERIFY_TTL_MS = 24 * 60 * 60_000
/** One link of a purpose a minute per account; asking again sooner sends nothing new. */
const LINK_COOLDOWN_SECONDS = 60

async function linkCooldown(ctx: AppContext, userId: string, purpose: 'email_verify' | 'password_reset') {
  const age = await tokens.secondsSinceLastToken(ctx.db, userId, purpose)
  return age === null ? 0 : Math.max(0, Math.ceil(LINK_COOLDOWN_SECONDS - age))
}

/**
 * A link to reset the password, e-mailed when an enabled account has the address (run by a job:
 * the request answers alike whatever the address, having only queued it).
 */
export async function forgotPassword(ctx: AppContext, email: string): Promise<void> {
  const user = await users.findUserByEmail(ctx.db, email)
  if (!user?.email || user.disabled_at) return
  const token = randomToken()
  const hash = sha256Hex(token)
  if ((await linkCooldown(ctx, user.id, 'password_reset')) > 0) return
  const address = user.email
  const link = absoluteUrl(`/reset-password?token=${encodeURIComponent(token)}`, ctx.config.linkBase)
  await ctx.db.transaction().execute(async (trx) => {
    await tokens.insertToken(trx, {
      token_hash: hash,
      purpose: 'password_reset',
      user_id: user.id,
      email: address,
      expires_at: new Date(Date.now() + RESET_TTL_MS),
    })
    const mail = resetPasswordMail(normalizeLocale(user.locale), link)
    await sendDirect(ctx, { channel: 'email', to: address, ...mail }, trx)
  })
}

const invalidReset = () =>
  identityError(
    'auth.reset_token_invalid',
    'The link is not valid: it is unknown, was used already or has expired',
  )

/** Sets a new password with an e-mailed token (used once), and signs the account out everywhere. */
export async function resetPassword(ctx: AppContext, token: string, password: string, meta: RequestMeta) {
  const hash = sha256Hex(token)
  const live = await tokens.findLiveToken(ctx.db, hash, 'password_reset')
  const user = live ? await users.findUserById(ctx.db, live.user_id) : undefined
  if (!live || !user || user.disabled_at) throw invalidReset()
  assertStrongPassword(password, personalWords({ email: user.email, phone: user.phone, name: user.name }))
  const passwordHash = await hashPassword(password)
  await ctx.db.transaction().execute(async (trx) => {
    const used = await tokens.consumeToken(trx, hash, 'password_reset')
    if (!used) throw invalidReset()
    await tokens.retireTokens(trx, user.id, 'password_reset')
    // The link reached the address: it is proved, if it is still the account's.
    const sameAddress = user.email?.toLowerCase() === used.email.toLowerCase()
    await users.updateUser(trx, user.id, {
      password_hash: passwordHash,
      ...(sameAddress && !user.email_verified_at ? { email_verified_at: new Date() } : {}),
    })
    await sessions.deleteUserSessions(trx, user.id)
    await recordAudit(trx, {
      actorId: user.id,
      actorRoles: user.roles,
      action: 'auth.password_reset',
      subjectType: 'user',
      subjectId: user.id,
      ip: meta.ip,
    })
  })
}

/** A new password for the signed-in account, given the current one; its other sessions end. */
export async function changePassword(
  ctx: AppContext,
  principal: Principal,
  body: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<{ endedSessions: number }> {
  const user = await users.findUserById(ctx.db, principal.userId)
  if (!user) throw identityError('user.not_found', 'No such account')
  if (!(await verifyPassword(user.password_hash, body.currentPassword)))
    throw identityError('auth.wrong_password', 'The current password is not right')
  assertStrongPassword(
    body.newPassword,
    personalWords({ email: user.email, phone: user.phone, name: user.name }),
  )
  const passwordHash = await hashPassword(body.newPassword)
  return ctx.db.transaction().execute(async (trx) => {
    await users.updateUser(trx, user.id, { password_hash: passwordHash })
    const ended = await sessions.deleteOtherSessions(trx, user.id, principal.sessionId)
    await recordAudit(trx, {
      actorId: user.id,
      actorRoles: user.roles,
      action: 'auth.password_changed',
      subjectType: 'user',
      subjectId: user.id,
      ip: meta.ip,
      details: { endedSessions: ended },
    })
    return { endedSessions: ended }
  })
}

/** E-mails a link to prove an address; once opened, it becomes the account's e-mail, verified. */
export async function startEmailVerification(ctx: AppContext, principal: Principal, email: string) {
  const wait = await linkCooldown(ctx, principal.userId, 'email_verify')
  if (wait > 0)
    throw identityError('auth.code_cooldown', 'A link was sent moments ago: wait before asking again', {
      retryAfterSeconds: wait,
    })
  const user = await users.findUserById(ctx.db, principal.userId)
  if (!user) throw identityError('user.not_found', 'No such account')
  const token = randomToken()
  const link = absoluteUrl(`/verify-email?token=${encodeURIComponent(token)}`, ctx.config.linkBase)
  await ctx.db.transaction().execute(async (trx) => {
    await tokens.insertToken(trx, {
      token_hash: sha256Hex(token),
      purpose: 'email_verify',
      user_id: user.id,
      email,
      expires_at: new Date(Date.now() + VERIFY_TTL_MS),
    })
    const mail = verifyEmailMail(normalizeLocale(user.locale), link)
    await sendDirect(ctx, { channel: 'email', to: email, ...mail }, trx)
  })
}

/** Opens an e-mailed verification link (no sign-in needed: the token is the proof). */
export async function confirmEmail(ctx: AppContext, token: string, meta: RequestMeta) {
  const hash = sha256Hex(token)
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const used = await tokens.consumeToken(trx, hash, 'email_verify')
      if (!used)
        throw identityError(
          'auth.verify_token_invalid',
          'The link is not valid: it is unknown, was used already or has expired',
        )
      await users.updateUser(trx, used.user_id, { email: used.email, email_verified_at: new Date() })
      await recordAudit(trx, {
        actorId: used.user_id,
        action: 'account.email_verified',
        subjectType: 'user',
        subjectId: used.user_id,
        ip: meta.ip,
      })
      return { email: used.email }
    })
  } catch (err) {
    if (isUniqueViolation(err))
      throw identityError('auth.email_taken', 'Another account has this e-mail address')
    throw err
  }
}
