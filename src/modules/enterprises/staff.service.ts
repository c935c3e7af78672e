import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../database.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { findPersonByPhone, maskPassport, passportColumns } from '../registrations/index.ts'
import { accessOf, requireMember } from './enterprise.service.ts'
import { enterpriseError, siteNotFound, staffNotFound } from './enterprises.errors.ts'
import { findSiteRow } from './site.repository.ts'
import { parseRoster } from './staff.csv.ts'
import {
  deleteStaffRow,
  deleteTrainingRow,
  findStaffRow,
  insertTraining,
  type NewStaff,
  phoneTakenAtSite,
  type StaffRow,
  staffOfSite,
  type TrainingRow,
  trainingsOf,
  updateStaffRow,
  upsertStaff,
} from './staff.repository.ts'
import type { StaffBody, StaffMember, TrainingBody, TrainingState } from './staff.schema.ts'
import { trainingState } from './training-state.ts'

const STATE_RANK: Record<TrainingState, number> = { valid: 2, expiring: 1, expired: 0 }

export function toStaffMember(row: StaffRow, trainings: TrainingRow[], today: string): StaffMember {
  const mine = trainings
    .filter((t) => t.staff_id === row.id)
    .map((t) => ({
      id: t.id,
      course: t.course,
      takenOn: t.taken_on,
      validUntil: t.valid_until,
      state: trainingState(t.valid_until, today),
    }))
  const best = mine.reduce<TrainingState | null>(
    (acc, t) => (acc === null || STATE_RANK[t.state] > STATE_RANK[acc] ? t.state : acc),
    null,
  )
  return {
    id: row.id,
    siteId: row.site_id,
    name: row.name,
    phone: row.phone,
    passportNumber: maskPassport(row.passport_last4),
    registered: row.user_id !== null,
    trainings: mine,
    trainingState: best,
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}

export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10)

async function siteOf(db: Db, enterpriseId: string, siteId: string) {
  const site = await findSiteRow(db, siteId)
  if (!site || site.enterprise_id !== enterpriseId) throw siteNotFound()
  return site
}

export async function presentRoster(db: Db, siteId: string): Promise<StaffMember[]> {
  const rows = await staffOfSite(db, siteId)
  const trainings = await trainingsOf(
    db,
    rows.map((r) => r.id),
  )
  const today = todayUtc()
  return rows.map((r) => toStaffMember(r, trainings, today))
}

/** The registered citizen with this number, if any (linked, never shown to the enterprise). */
async function linkedUser(db: Db, phone: string, cache: Map<string, string | null>) {
  if (!cache.has(phone)) cache.set(phone, (await findPersonByPhone(db, phone))?.id ?? null)
  return cache.get(phone) ?? null
}

/** A member reads the roster; a verifier of enterprises too, and that read is audited. */
export async function listRoster(
  ctx: AppContext,
  principal: Principal,
  enterpriseId: string,
  siteId: string,
  ip: string,
) {
  const role = await accessOf(ctx.db, principal, enterpriseId, { staff: true })
  await siteOf(ctx.db, enterpriseId, siteId)
  const roster = await presentRoster(ctx.db, siteId)
  if (role === null)
    await recordAudit(ctx.db, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'enterprise.roster_view',
      subjectType: 'enterprise_site',
      subjectId: siteId,
      ip,
      details: { enterpriseId, count: roster.length },
    })
  return roster
}

async function auditChange(
  db: Db,
  principal: Principal,
  action: string,
  siteId: string,
  ip: string,
  details: Record<string, unknown>,
) {
  await recordAudit(db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action,
    subjectType: 'enterprise_site',
    subjectId: siteId,
    ip,
    details,
  })
}

export async function addStaff(
  ctx: AppContext,
  principal: Principal,
  enterpriseId: string,
  siteId: string,
  body: StaffBody,
  ip: string,
): Promise<StaffMember> {
  await requireMember(ctx.db, principal, enterpriseId)
  await siteOf(ctx.db, enterpriseId, siteId)
  if (await phoneTakenAtSite(ctx.db, siteId, body.phone, '00000000-0000-0000-0000-000000000000'))
    throw enterpriseError(
      'enterprise.staff_phone_taken',
      'Someone on this roster already has this phone number',
    )
  const id = uuidv7()
  const userId = await linkedUser(ctx.db, body.phone, new Map())
  await ctx.db.transaction().execute(async (trx) => {
    await upsertStaff(trx, enterpriseId, siteId, [
      {
        id,
        name: body.name,
        phone: body.phone,
        ...passportColumns(ctx.secrets, body.passportNumber ?? null),
        user_id: userId,
      },
    ])
    await auditChange(trx, principal, 'enterprise.staff_add', siteId, ip, { staffId: id })
  })
  const row = await findStaffRow(ctx.db, siteId, id)
  if (!row) throw staffNotFound()
  return toStaffMember(row, [], todayUtc())
}

/**
 * A whole roster from a CSV file: every row is checked first, and a file with any bad row writes
 * nothing (the errors name their lines). People already listed (same phone) are updated.
 */
export async function importRoster(
  ctx: AppContext,
  principal: Principal,
  enterpriseId: string,
  siteId: string,
  csv: string,
  ip: string,
) {
  await requireMember(ctx.db, principal, enterpriseId)
  await siteOf(ctx.db, enterpriseId, siteId)
  const parsed = parseRoster(csv)
  if (!parsed.ok)
    throw enterpriseError(
      'enterprise.roster_invalid',
      `${parsed.errors.length} row(s) of the file are not right; nothing was imported`,
      { errors: parsed.errors },
    )
  const cache = new Map<string, string | null>()
  const rows: NewStaff[] = []
  for (const r of parsed.rows)
    rows.push({
      id: uuidv7(),
      name: r.name,
      phone: r.phone,
      ...passportColumns(ctx.secrets, r.passportNumber ?? null),
      user_id: await linkedUser(ctx.db, r.phone, cache),
    })
  const counts = await ctx.db.transaction().execute(async (trx) => {
    const done = await upsertStaff(trx, enterpriseId, siteId, rows)
    await auditChange(trx, principal, 'enterprise.roster_import', siteId, ip, { ...done })
    return done
  })
  return { imported: rows.length, ...counts }
}

export async function editStaff(
  ctx: AppContext,
  principal: Principal,
  ids: { enterpriseId: string; siteId: string; staffId: string },
  body: StaffBody,
  ip: string,
): Promise<StaffMember> {
  await requireMember(ctx.db, principal, ids.enterpriseId)
  await siteOf(ctx.db, ids.enterpriseId, ids.siteId)
  if (!(await findStaffRow(ctx.db, ids.siteId, ids.staffId))) throw staffNotFound()
  if (await phoneTakenAtSite(ctx.db, ids.siteId, body.phone, ids.staffId))
    throw enterpriseError(
      'enterprise.staff_phone_taken',
      'Someone on this roster already has this phone number',
    )
  const userId = await linkedUser(ctx.db, body.phone, new Map())
  // Left out, the passport stays as it is; null removes it.
  const passport = body.passportNumber === undefined ? {} : passportColumns(ctx.secrets, body.passportNumber)
  await ctx.db.transaction().execute(async (trx) => {
    await updateStaffRow(trx, ids.staffId, {
      name: body.name,
      phone: body.phone,
      user_id: userId,
      ...passport,
    })
    await auditChange(trx, principal, 'enterprise.staff_edit', ids.siteId, ip, { staffId: ids.staffId })
  })
  const row = await findStaffRow(ctx.db, ids.siteId, ids.staffId)
  if (!row) throw staffNotFound()
  return toStaffMember(row, await trainingsOf(ctx.db, [row.id]), todayUtc())
}

export async function removeStaff(
  ctx: AppContext,
  principal: Principal,
  ids: { enterpriseId: string; siteId: string; staffId: string },
  ip: string,
): Promise<void> {
  await requireMember(ctx.db, principal, ids.enterpriseId)
  await siteOf(ctx.db, ids.enterpriseId, ids.siteId)
  if (!(await findStaffRow(ctx.db, ids.siteId, ids.staffId))) throw staffNotFound()
  await ctx.db.transaction().execute(async (trx) => {
    await deleteStaffRow(trx, ids.staffId)
    await auditChange(trx, principal, 'enterprise.staff_remove', ids.siteId, ip, { staffId: ids.staffId })
  })
}

export async function addTraining(
  ctx: AppContext,
  principal: Principal,
  ids: { enterpriseId: string; siteId: string; staffId: string },
  body: TrainingBody,
  ip: string,
): Promise<StaffMember> {
  await requireMember(ctx.db, principal, ids.enterpriseId)
  await siteOf(ctx.db, ids.enterpriseId, ids.siteId)
  const row = await findStaffRow(ctx.db, ids.siteId, ids.staffId)
  if (!row) throw staffNotFound()
  if (body.validUntil < body.takenOn)
    throw enterpriseError(
      'enterprise.training_dates',
      '"Valid until" comes before the day the training was taken',
    )
  await ctx.db.transaction().execute(async (trx) => {
    await insertTraining(trx, {
      id: uuidv7(),
      staff_id: ids.staffId,
      course: body.course,
      taken_on: body.takenOn,
      valid_until: body.validUntil,
    })
    await auditChange(trx, principal, 'enterprise.training_add', ids.siteId, ip, { staffId: ids.staffId })
  })
  return toStaffMember(row, await trainingsOf(ctx.db, [row.id]), todayUtc())
}

export async function removeTraining(
  ctx: AppContext,
  principal: Principal,
  ids: { enterpriseId: string; siteId: string; staffId: string; trainingId: string },
  ip: string,
): Promise<void> {
  await requireMember(ctx.db, principal, ids.enterpriseId)
  await siteOf(ctx.db, ids.enterpriseId, ids.siteId)
  if (!(await findStaffRow(ctx.db, ids.siteId, ids.staffId))) throw staffNotFound()
  await ctx.db.transaction().execute(async (trx) => {
    const n = await deleteTrainingRow(trx, ids.staffId, ids.trainingId)
    if (n === 0) throw enterpriseError('enterprise.training_not_found', 'No such training record')
    await auditChange(trx, principal, 'enterprise.training_remove', ids.siteId, ip, { staffId: ids.staffId })
  })
}
