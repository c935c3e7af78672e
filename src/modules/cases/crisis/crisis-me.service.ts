import { sql } from 'kysely'
import type { AppContext } from '../../../context.ts'
import { recordAudit } from '../../../platform/audit/audit.ts'
import { presenceSql } from '../../registrations/index.ts'
import { casesError } from '../cases.errors.ts'
import { recordHelpRequest } from '../hotline/help.service.ts'
import { activeCrisesOfPresence, findCrisisRow, linkContactRow } from './crisis.repository.ts'
import type { PersonStatus } from './crisis.schema.ts'
import { personInArea } from './crisis-manifest.repository.ts'
import type { CitizenStatusBody, PersonStatusResponse } from './crisis-manifest.schema.ts'
import { findPersonStatus, writeStatus } from './evacuation.repository.ts'
import { statusOf } from './evacuation.service.ts'

/** Statuses staff confirm on the ground; a tap in the app does not undo them. */
const CONFIRMED: readonly PersonStatus[] = ['checked_in', 'boarded']

/** Active crises whose area holds one of my registered places now, with my status in each. */
export async function myCrises(ctx: AppContext, personId: string) {
  const now = new Date()
  const mine = sql`select * from (${presenceSql({ from: now, to: now })}) x where x.user_id = ${personId}`
  const rows = await activeCrisesOfPresence(ctx.db, mine, now)
  const crises = []
  for (const c of rows) {
    const s = await findPersonStatus(ctx.db, c.id, personId)
    crises.push({
      id: c.id,
      name: c.name,
      country: c.country.trim(),
      startsAt: c.starts_at.toISOString(),
      myStatus: s?.status ?? ('unaccounted' as const),
    })
  }
  return { crises }
}

/**
 * A citizen's answer in a crisis. `needs_help` also records a P1 help request, linked to the
 * crisis, in the same transaction. Outside the area, or a crisis not active: 404.
 */
export async function setMyStatus(
  ctx: AppContext,
  personId: string,
  crisisId: string,
  body: CitizenStatusBody,
): Promise<PersonStatusResponse> {
  return ctx.db.transaction().execute(async (trx) => {
    const now = new Date()
    const crisis = await findCrisisRow(trx, crisisId, { all: true, countries: [] })
    if (crisis?.status !== 'active' || !(await personInArea(trx, crisisId, personId, now)))
      throw casesError('crisis.not_found', `No active crisis ${crisisId} where you are registered`)
    const current = await findPersonStatus(trx, crisisId, personId)
    if (!current || !CONFIRMED.includes(current.status))
      await writeStatus(trx, {
        crisisId,
        personId,
        status: body.status,
        assemblyPointId: null,
        legId: null,
        note: body.note ?? null,
        byPerson: true,
        actorId: personId,
        at: now,
      })
    if (body.status === 'needs_help') {
      const help = await recordHelpRequest(
        ctx,
        {
          personId,
          message: body.note ? `${crisis.name}: ${body.note}` : `${crisis.name}: needs help`,
          about: { type: 'crisis', id: crisisId },
        },
        trx,
      )
      await linkContactRow(trx, crisisId, help.id, null)
    }
    await recordAudit(trx, {
      actorId: personId,
      action: 'crisis.my_status',
      subjectType: 'crisis',
      subjectId: crisisId,
      details: { status: body.status },
    })
    return statusOf(trx, crisisId, personId)
  })
}
