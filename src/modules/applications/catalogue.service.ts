import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { unknownMissions } from '../reference/index.ts'
import type { ServiceCode } from './applications.enums.ts'
import { applicationsError } from './applications.errors.ts'
import type { ServiceRow } from './applications.table.ts'
import { servicesOfMission, upsertService } from './catalogue.repository.ts'
import type { Service, ServiceBody } from './catalogue.schema.ts'

export function toService(row: ServiceRow): Service {
  return {
    code: row.code,
    fee: { amount: Number(row.fee_amount), currency: row.fee_currency.trim() },
    processingDays: row.processing_days,
    eligibility: { 'zh-CN': row.eligibility_zh, en: row.eligibility_en },
    requiresAppointment: row.requires_appointment,
    uploads: row.uploads,
    collection: row.collection,
    photo: { minBytes: row.photo_min_bytes, maxBytes: row.photo_max_bytes },
  }
}

async function knownMission(ctx: AppContext, mission: string): Promise<void> {
  if ((await unknownMissions(ctx.db, [mission])).length > 0)
    throw applicationsError('catalogue.unknown_mission', `No mission ${mission}`)
}

/** The services a mission offers now (inactive ones left out). */
export async function listServices(ctx: AppContext, mission: string): Promise<Service[]> {
  await knownMission(ctx, mission)
  return (await servicesOfMission(ctx.db, mission)).filter((r) => r.active).map(toService)
}

/** An administrator sets one service of one mission; the defaults stay as they are. */
export async function saveService(
  ctx: AppContext,
  principal: Principal,
  mission: string,
  code: ServiceCode,
  body: ServiceBody,
  ip: string,
): Promise<Service> {
  await knownMission(ctx, mission)
  if (body.photo.minBytes > body.photo.maxBytes)
    throw applicationsError('catalogue.bad_photo_range', 'photo.minBytes is above photo.maxBytes')
  await ctx.db.transaction().execute(async (trx) => {
    await upsertService(trx, {
      mission_code: mission,
      code,
      fee_amount: body.fee.amount.toFixed(2),
      fee_currency: body.fee.currency,
      processing_days: body.processingDays,
      eligibility_zh: body.eligibility['zh-CN'],
      eligibility_en: body.eligibility.en,
      uploads: [...new Set(body.uploads)],
      requires_appointment: body.requiresAppointment,
      collection: [...new Set(body.collection)],
      photo_min_bytes: body.photo.minBytes,
      photo_max_bytes: body.photo.maxBytes,
      active: body.active,
      updated_by: principal.userId,
    })
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'application.catalogue_edit',
      subjectType: 'mission',
      subjectId: mission,
      ip,
      details: { service: code, fee: body.fee, active: body.active },
    })
  })
  const saved = (await servicesOfMission(ctx.db, mission)).find((r) => r.code === code)
  if (!saved) throw new Error('the service just saved is gone')
  return toService(saved)
}
