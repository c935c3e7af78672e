import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../database.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { isValidCreditCode } from './credit-code.ts'
import {
  accountByEmail,
  creditCodeTaken,
  enterprisesOfUser,
  findEnterprise,
  insertEnterprise,
  listEnterpriseRows,
  markVerified,
  memberRole,
  membersOf,
  upsertMember,
} from './enterprise.repository.ts'
import type { RegisterBody } from './enterprise.schema.ts'
import { toEnterprise } from './enterprise.view.ts'
import type { EnterpriseStatus, MemberRole } from './enterprises.enums.ts'
import { enterpriseError, enterpriseNotFound } from './enterprises.errors.ts'

/** Duty officers and administrators verify enterprises and read any of them. */
export const verifiesEnterprises = (p: Principal) =>
  p.roles.includes('duty_officer') || p.roles.includes('admin')

/**
 * The caller's role in the enterprise; a member of staff who verifies enterprises reads it with no
 * role. Anyone else is told it does not exist (404, never 403).
 */
export async function accessOf(
  db: Db,
  principal: Principal,
  enterpriseId: string,
  { staff = false } = {},
): Promise<MemberRole | null> {
  const role = await memberRole(db, enterpriseId, principal.userId)
  if (role) return role
  if (staff && verifiesEnterprises(principal) && (await findEnterprise(db, enterpriseId))) return null
  throw enterpriseNotFound()
}

/** The caller must be a member (any role) of the enterprise. */
export async function requireMember(db: Db, principal: Principal, enterpriseId: string): Promise<MemberRole> {
  const role = await memberRole(db, enterpriseId, principal.userId)
  if (!role) throw enterpriseNotFound()
  return role
}

const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === '23505'

/** Registers an enterprise, pending verification; the caller becomes its administrator. */
export async function registerEnterprise(
  ctx: AppContext,
  principal: Principal,
  body: RegisterBody,
  ip: string,
) {
  if (!isValidCreditCode(body.creditCode))
    throw enterpriseError(
      'enterprise.credit_code',
      'The unified social credit code is not valid: its check character (GB 32100-2015) does not match',
    )
  const taken = () =>
    enterpriseError(
      'enterprise.credit_code_taken',
      'An enterprise with this credit code is already registered',
    )
  const id = uuidv7()
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (await creditCodeTaken(trx, body.creditCode)) throw taken()
      await insertEnterprise(trx, {
        id,
        name: body.name,
        name_zh: body.nameZh,
        credit_code: body.creditCode,
        province: body.province,
        industry: body.industry,
        contact_name: body.contact?.name ?? null,
        contact_phone: body.contact?.phone ?? null,
        contact_email: body.contact?.email ?? null,
        created_by: principal.userId,
      })
      await upsertMember(trx, id, principal.userId, 'admin')
      await recordAudit(trx, {
        actorId: principal.userId,
        actorRoles: principal.roles,
        action: 'enterprise.register',
        subjectType: 'enterprise',
        subjectId: id,
        ip,
        details: { creditCode: body.creditCode },
      })
    })
  } catch (e) {
    // Two registrations of one code at once: the unique index decides.
    if (isUniqueViolation(e)) throw taken()
    throw e
  }
  return { id, status: 'pending' as const }
}

export async function myEnterprises(ctx: AppContext, principal: Principal) {
  const rows = await enterprisesOfUser(ctx.db, principal.userId)
  return rows.map((r) => toEnterprise(r, r.role))
}

export async function getEnterprise(ctx: AppContext, principal: Principal, id: string) {
  const role = await accessOf(ctx.db, principal, id, { staff: true })
  const row = await findEnterprise(ctx.db, id)
  if (!row) throw enterpriseNotFound()
  return toEnterprise(row, role)
}

/** The verifiers' list: pending ones to verify, or all. */
export async function listEnterprises(ctx: AppContext, status: EnterpriseStatus | undefined) {
  const rows = await listEnterpriseRows(ctx.db, status)
  return rows.map((r) => toEnterprise(r, null))
}

/** Verified: missions see it and its sites from now on. Verifying again changes nothing. */
export async function verifyEnterprise(ctx: AppContext, principal: Principal, id: string, ip: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findEnterprise(trx, id)
    if (!row) throw enterpriseNotFound()
    if (row.status !== 'verified') {
      await markVerified(trx, id, principal.userId)
      await recordAudit(trx, {
        actorId: principal.userId,
        actorRoles: principal.roles,
        action: 'enterprise.verify',
        subjectType: 'enterprise',
        subjectId: id,
        ip,
      })
    }
    return { id, status: 'verified' as const }
  })
}

export async function listMembers(ctx: AppContext, principal: Principal, id: string, ip?: string) {
  const role = await accessOf(ctx.db, principal, id, { staff: true })
  const rows = await membersOf(ctx.db, id)
  if (role === null)
    await recordAudit(ctx.db, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'enterprise.members_view',
      subjectType: 'enterprise',
      subjectId: id,
      ip: ip ?? null,
      details: { count: rows.length },
    })
  return rows.map((r) => ({ userId: r.user_id, name: r.name, email: r.email, role: r.role }))
}

/** An administrator adds an existing account as administrator or security officer (or changes its role). */
export async function addMember(
  ctx: AppContext,
  principal: Principal,
  id: string,
  body: { email: string; role: MemberRole },
  ip: string,
) {
  const role = await requireMember(ctx.db, principal, id)
  if (role !== 'admin')
    throw enterpriseError('enterprise.not_admin', "Only the enterprise's administrators add members")
  const account = await accountByEmail(ctx.db, body.email)
  if (!account || account.disabled_at)
    throw enterpriseError('enterprise.unknown_account', 'No active account has this e-mail address')
  await ctx.db.transaction().execute(async (trx) => {
    await upsertMember(trx, id, account.id, body.role)
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'enterprise.member',
      subjectType: 'enterprise',
      subjectId: id,
      ip,
      details: { userId: account.id, role: body.role },
    })
  })
  return listMembers(ctx, principal, id)
}

/** For the person's own export: the enterprises they are a member of, their role, and when they joined. */
export async function exportEnterprises(ctx: AppContext, userId: string) {
  const rows = await enterprisesOfUser(ctx.db, userId)
  return rows.map((r) => ({ ...toEnterprise(r, r.role), memberRole: r.role }))
}
