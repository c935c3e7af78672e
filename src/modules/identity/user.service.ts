import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { hashPassword } from '../../platform/crypto/password.ts'
import { temporaryPassword } from '../../platform/crypto/tokens.ts'
import { missionNames, unknownMissions } from '../reference/index.ts'
import { identityError } from './identity.errors.ts'
import { assertStrongPassword, personalWords } from './password-policy.ts'
import type { Role } from './role.ts'
import { deleteUserSessions } from './session.repository.ts'
import * as users from './user.repository.ts'
import type { CreateUserBody, UserSummary } from './user.schema.ts'

export interface Actor {
  readonly userId: string | null
  readonly roles: readonly string[]
  readonly ip: string | null
}

async function assertMissions(
  ctx: AppContext,
  roles: readonly Role[],
  missions: readonly string[],
): Promise<void> {
  if (roles.includes('officer') && missions.length === 0) {
    throw identityError('user.mission_required', 'An officer must be assigned to at least one mission')
  }
  const unknown = await unknownMissions(ctx.db, missions)
  if (unknown.length > 0)
    throw identityError('reference.unknown_mission', `Unknown mission: ${unknown.join(', ')}`)
}

export async function toSummaries(ctx: AppContext, rows: users.UserWithAccess[]): Promise<UserSummary[]> {
  const names = await missionNames(ctx.db, [...new Set(rows.flatMap((r) => r.mission_codes))])
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    phone: u.phone,
    name: u.name,
    roles: u.roles,
    missions: u.mission_codes.map((code) => ({ code, name: names.get(code) ?? { 'zh-CN': code, en: code } })),
    createdAt: u.created_at.toISOString(),
    mfaEnrolled: u.totp_enrolled_at !== null,
    disabled: u.disabled_at !== null,
  }))
}

export interface CreateAccountOptions {
  /** Seeding only: the demo accounts keep their well-known password, which the policy refuses. */
  readonly skipPasswordPolicy?: boolean
}

/** An administrator (console or CLI) creates a staff or enterprise account. */
export async function createAccount(
  ctx: AppContext,
  body: CreateUserBody,
  actor: Actor,
  options: CreateAccountOptions = {},
): Promise<{ user: UserSummary; temporaryPassword?: string }> {
  const missions = [...new Set(body.missions ?? [])]
  await assertMissions(ctx, [body.role], missions)
  if (await users.findUserByEmail(ctx.db, body.email)) {
    throw identityError('auth.email_taken', 'An account with this e-mail address already exists')
  }
  if (body.phone && (await users.findUserByPhone(ctx.db, body.phone))) {
    throw identityError('auth.phone_taken', 'An account with this phone number already exists')
  }
  const generated = body.password === undefined ? temporaryPassword() : undefined
  const password = body.password ?? generated!
  if (!options.skipPasswordPolicy) assertStrongPassword(password, personalWords(body))
  const id = uuidv7()
  const passwordHash = await hashPassword(password)
  await ctx.db.transaction().execute(async (trx) => {
    await users.insertUser(trx, {
      id,
      email: body.email,
      phone: body.phone ?? null,
      name: body.name,
      password_hash: passwordHash,
      email_verified_at: null,
      totp_secret: null,
      totp_enrolled_at: null,
      totp_last_step: null,
      disabled_at: null,
    })
    await users.replaceRoles(trx, id, [body.role])
    await users.replaceMissions(trx, id, missions)
    await recordAudit(trx, {
      actorId: actor.userId,
      actorRoles: actor.roles,
      action: 'user.created',
      subjectType: 'user',
      subjectId: id,
      ip: actor.ip,
      details: { role: body.role, missions },
    })
  })
  const created = await users.findUserById(ctx.db, id)
  const [summary] = await toSummaries(ctx, [created!])
  return generated ? { user: summary!, temporaryPassword: generated } : { user: summary! }
}

export async function changeAccess(
  ctx: AppContext,
  userId: string,
  roles: readonly Role[],
  missionsGiven: readonly string[] | undefined,
  actor: Actor,
): Promise<UserSummary> {
  const before = await users.findUserById(ctx.db, userId)
  if (!before) throw identityError('user.not_found', 'No such account')
  const missions = [...new Set(missionsGiven ?? before.mission_codes)]
  await assertMissions(ctx, roles, missions)
  await ctx.db.transaction().execute(async (trx) => {
    await users.replaceRoles(trx, userId, [...new Set(roles)])
    await users.replaceMissions(trx, userId, missions)
    // New powers or fewer: either way, sign the person in again.
    await deleteUserSessions(trx, userId)
    await recordAudit(trx, {
      actorId: actor.userId,
      actorRoles: actor.roles,
      action: 'user.roles_changed',
      subjectType: 'user',
      subjectId: userId,
      ip: actor.ip,
      details: {
        before: { roles: before.roles, missions: before.mission_codes },
        after: { roles, missions },
      },
    })
  })
  const [summary] = await toSummaries(ctx, [(await users.findUserById(ctx.db, userId))!])
  return summary!
}

export async function listAccounts(ctx: AppContext, role: Role | undefined): Promise<UserSummary[]> {
  const roles: Role[] = role ? [role] : ['operator', 'officer', 'duty_officer', 'admin', 'enterprise']
  return toSummaries(ctx, await users.listUsersWithRole(ctx.db, roles))
}
