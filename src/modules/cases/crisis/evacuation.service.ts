import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../../context.ts'
import type { Db } from '../../../database.ts'
import { recordAudit } from '../../../platform/audit/audit.ts'
import type { Principal } from '../../../platform/http/access.ts'
import { casesError } from '../cases.errors.ts'
import type { AssemblyPointBody, CrisisDetail, LegBody } from './crisis.schema.ts'
import { assertActive, getCrisis, loadCrisis } from './crisis.service.ts'
import { personInArea } from './crisis-manifest.repository.ts'
import type { PersonStatusResponse, SetStatusBody } from './crisis-manifest.schema.ts'
import {
  assemblyPointExists,
  findPersonStatus,
  insertAssemblyPoint,
  insertLeg,
  lockLeg,
  type StatusChange,
  statusHistory,
  writeStatus,
} from './evacuation.repository.ts'

export async function addAssemblyPoint(
  ctx: AppContext,
  principal: Principal,
  crisisId: string,
  body: AssemblyPointBody,
  ip: string | null,
): Promise<CrisisDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    assertActive(await loadCrisis(ctx, principal, crisisId, trx))
    const id = uuidv7()
    await insertAssemblyPoint(trx, {
      id,
      crisisId,
      name: body.name,
      lat: body.lat,
      lon: body.lon,
      opensAt: body.opensAt ? new Date(body.opensAt) : null,
    })
    await audit(trx, principal, 'crisis.assembly_point', crisisId, ip, { id, name: body.name })
  })
  return getCrisis(ctx, principal, crisisId)
}

export async function addLeg(
  ctx: AppContext,
  principal: Principal,
  crisisId: string,
  body: LegBody,
  ip: string | null,
): Promise<CrisisDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    assertActive(await loadCrisis(ctx, principal, crisisId, trx))
    if (!(await assemblyPointExists(trx, crisisId, body.fromPointId)))
      throw casesError(
        'crisis.unknown_assembly_point',
        `No assembly point ${body.fromPointId} in this crisis`,
      )
    const id = uuidv7()
    await insertLeg(trx, {
      id,
      crisis_id: crisisId,
      name: body.name,
      mode: body.mode,
      from_point_id: body.fromPointId,
      destination: body.destination,
      departs_at: new Date(body.departsAt),
      capacity: body.capacity,
    })
    await audit(trx, principal, 'crisis.leg', crisisId, ip, { id, name: body.name, capacity: body.capacity })
  })
  return getCrisis(ctx, principal, crisisId)
}

/**
 * Where the status puts the person: checked_in needs an assembly point of the crisis, boarded a
 * leg with a free seat (its row locked, so concurrent boardings cannot overbook); others neither.
 */
async function placeOf(trx: Db, crisisId: string, personId: string, body: SetStatusBody) {
  if (body.status !== 'checked_in' && body.assemblyPointId)
    throw casesError('crisis.unexpected_assembly_point', 'An assembly point goes only with checked_in')
  if (body.status !== 'boarded' && body.legId)
    throw casesError('crisis.unexpected_leg', 'A leg goes only with boarded')
  if (body.status === 'checked_in') {
    if (!body.assemblyPointId)
      throw casesError('crisis.assembly_point_required', 'checked_in needs assemblyPointId')
    if (!(await assemblyPointExists(trx, crisisId, body.assemblyPointId)))
      throw casesError(
        'crisis.unknown_assembly_point',
        `No assembly point ${body.assemblyPointId} in this crisis`,
      )
    return { assemblyPointId: body.assemblyPointId, legId: null }
  }
  if (body.status === 'boarded') {
    if (!body.legId) throw casesError('crisis.leg_required', 'boarded needs legId')
    const leg = await lockLeg(trx, crisisId, body.legId)
    if (!leg) throw casesError('crisis.unknown_leg', `No leg ${body.legId} in this crisis`)
    const current = await findPersonStatus(trx, crisisId, personId)
    const alreadyOn = current?.status === 'boarded' && current.leg_id === leg.id
    if (!alreadyOn && leg.boarded >= leg.capacity)
      throw casesError('crisis.leg_full', `${leg.name} is full (${leg.capacity} seats)`, {
        capacity: leg.capacity,
        boarded: leg.boarded,
      })
    return { assemblyPointId: leg.from_point_id, legId: leg.id }
  }
  return { assemblyPointId: null, legId: null }
}

export async function setPersonStatus(
  ctx: AppContext,
  principal: Principal,
  crisisId: string,
  personId: string,
  body: SetStatusBody,
  ip: string | null,
): Promise<PersonStatusResponse> {
  return ctx.db.transaction().execute(async (trx) => {
    const crisis = await loadCrisis(ctx, principal, crisisId, trx)
    assertActive(crisis)
    const now = new Date()
    const known = (await findPersonStatus(trx, crisisId, personId)) !== undefined
    if (!known && !(await personInArea(trx, crisisId, personId, now)))
      throw casesError('crisis.person_not_found', 'The person is not on this crisis manifest')
    const where = await placeOf(trx, crisisId, personId, body)
    const change: StatusChange = {
      crisisId,
      personId,
      status: body.status,
      ...where,
      note: body.note ?? null,
      byPerson: false,
      actorId: principal.userId,
      at: now,
    }
    await writeStatus(trx, change)
    await audit(trx, principal, 'crisis.person_status', crisisId, ip, {
      personId,
      status: body.status,
      ...where,
    })
    return statusOf(trx, crisisId, personId)
  })
}

export async function statusOf(trx: Db, crisisId: string, personId: string): Promise<PersonStatusResponse> {
  const current = await findPersonStatus(trx, crisisId, personId)
  const history = await statusHistory(trx, crisisId, personId)
  return {
    personId,
    status: current?.status ?? 'unaccounted',
    assemblyPointId: current?.assembly_point_id ?? null,
    legId: current?.leg_id ?? null,
    history: history.map((h) => ({
      status: h.status,
      assemblyPointId: h.assembly_point_id,
      legId: h.leg_id,
      note: h.note,
      byPerson: h.by_person,
      actorId: h.actor_id,
      at: h.at.toISOString(),
    })),
  }
}

function audit(
  trx: Db,
  principal: Principal,
  action: string,
  crisisId: string,
  ip: string | null,
  details: Record<string, unknown>,
) {
  return recordAudit(trx, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action,
    subjectType: 'crisis',
    subjectId: crisisId,
    ip,
    details,
  })
}
