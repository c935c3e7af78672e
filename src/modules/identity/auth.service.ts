import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/crypto/password.ts'
import { randomToken, sha256Hex } from '../../platform/crypto/tokens.ts'
import type { Principal } from '../../platform/http/access.ts'
import { normalizeLocale } from '../../platform/i18n/locale.ts'
import type { LoginBody, Me, RegisterBody } from './auth.schema.ts'
import { identityError } from './identity.errors.ts'
import { loadMe } from './me.service.ts'
import { assertStrongPassword, personalWords } from './password-policy.ts'
import { isStaff } from './role.ts'
import * as sessions from './session.repository.ts'
import { admitSignIn, refuseSignIn, signInSucceeded } from './sign-in-guard.ts'
import * as users from './user.repository.ts'

export interface RequestMeta {
  readonly ip: string | null
  readonly userAgent: string | null
}

export interface SignedIn {
  readonly user: Me
  readonly token: string
  readonly mfa: 'verify' | 'enrol' | null
}

/** A password for a staff account needs TOTP as well, unless MFA is switched off (demo mode). */
export function mfaStep(ctx: AppContext, user: users.UserWithAccess): 'verify' | 'enrol' | null {
  if (!ctx.config.mfaRequired || !isStaff(user.roles)) return null
  return user.totp_enrolled_at ? 'verify' : 'enrol'
}

export async function openSession(ctx: AppContext, userId: string, mfaPending: boolean, meta: RequestMeta) {
  const token = randomToken()
  await sessions.insertSession(ctx.db, {
    id: sha256Hex(token),
    user_id: userId,
    expires_at: new Date(Date.now() + ctx.config.session.ttlMs),
    mfa_pending: mfaPending,
    ip: meta.ip,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
  })
  return token
}

export async function register(ctx: AppContext, body: RegisterBody, meta: RequestMeta): Promise<SignedIn> {
  assertStrongPassword(body.password, personalWords(body))
  if (body.email && (await users.findUserByEmail(ctx.db, body.email))) {
    throw identityError('auth.email_taken', 'An account with this e-mail address already exists')
  }
  if (body.phone && (await users.findUserByPhone(ctx.db, body.phone))) {
    throw identityError('auth.phone_taken', 'An account with this phone number already exists')
  }
  const id = uuidv7()
  const passwordHash = await hashPassword(body.password)
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await users.insertUser(trx, {
        id,
        email: body.email ?? null,
        phone: body.phone ?? null,
        name: body.name,
        locale: normalizeLocale(body.locale),
        password_hash: passwordHash,
        email_verified_at: null,
        totp_secret: null,
        totp_enrolled_at: null,
        totp_last_step: null,
        disabled_at: null,
      })
      await users.replaceRoles(trx, id, ['citizen'])
      await recordAudit(trx, {
        actorId: id,
        action: 'account.registered',
        subjectType: 'user',
        subjectId: id,
        ip: meta.ip,
      })
    })
  } catch (err) {
    // Two sign-ups racing for one address: the unique index decides.
    if (isUniqueViolation(err))
      throw identityError('auth.email_taken', 'An account with these details already exists')
    throw err
  }
  const token = await openSession(ctx, id, false, meta)
  return { user: await loadMe(ctx, id, false), token, mfa: null }
}

/** The e-mail (in lower case) or phone typed: what failures are counted against, account or not. */
const identifierOf = (body: LoginBody) =>
  'email' in body ? `email:${body.email.toLowerCase()}` : `phone:${body.phone}`

export async function login(ctx: AppContext, body: LoginBody, meta: RequestMeta): Promise<SignedIn> {
  const keys = await admitSignIn(ctx, {
    ip: meta.ip,
    identifier: identifierOf(body),
    password: body.password,
    altcha: body.altcha,
  })
  const user =
    'email' in body
      ? await users.findUserByEmail(ctx.db, body.email)
      : await users.findUserByPhone(ctx.db, body.phone)
  // An unknown account costs the same hash as a known one, so timing does not tell them apart.
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), body.password)
  if (!user || !ok || user.disabled_at) {
    if (user) {
      await recordAudit(ctx.db, {
        actorId: null,
        action: 'auth.login_failed',
        subjectType: 'user',
        subjectId: user.id,
        ip: meta.ip,
      })
    }
    return refuseSignIn(ctx, keys)
  }
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
    details: { mfa },
  })
  return { user: await loadMe(ctx, user.id, mfa !== null), token, mfa }
}

export async function logout(ctx: AppContext, principal: Principal | null, meta: RequestMeta): Promise<void> {
  if (!principal) return
  await sessions.deleteSession(ctx.db, principal.sessionId)
  await recordAudit(ctx.db, { actorId: principal.userId, action: 'auth.logout', ip: meta.ip })
}

const TOUCH_EVERY_MS = 60_000

export async function resolveSession(ctx: AppContext, token: string): Promise<Principal | null> {
  if (token.length > 100) return null
  const row = await sessions.findLiveSession(ctx.db, sha256Hex(token), ctx.config.session.idleMs)
  if (!row) return null
  // Sliding idle expiry, written at most once a minute per session.
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS)
    await sessions.touchSession(ctx.db, row.session_id)
  return {
    userId: row.user_id,
    sessionId: row.session_id,
    roles: row.roles,
    missions: row.mission_codes,
    mfaPending: row.mfa_pending,
  }
}

export function isUniqueViolation(err: unknown): boolean {
  return (
    typeof err === 'object' && err !== null && 'code' in err && (err as { code: unknown }).code === '23505'
  )
}
