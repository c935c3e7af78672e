import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { alertsReceivedBy } from '../alerts/index.ts'
import { personCaseHistory, personOnVisibleCase } from '../cases/index.ts'
import { findStaff, seesEveryMission } from '../identity/index.ts'
import { personInMissions, personSummaries, staffRecordOf } from '../registrations/index.ts'
import { consoleError } from './console.errors.ts'
import type { PersonRecord } from './console.schema.ts'

const notFound = () => consoleError('person.not_found', 'No such person in your jurisdiction')

/**
 * Whether the caller may read the person: the hotline and duty officers anyone registered; an
 * officer someone the registry places in their missions' districts (now or within the year, as
 * people search does) or who is on a case the officer may see.
 */
async function mayRead(ctx: AppContext, principal: Principal, personId: string): Promise<boolean> {
  const [account] = await findStaff(ctx.db, [personId])
  if (!account?.roles.includes('citizen')) return false
  if (seesEveryMission(principal)) return true
  if (await personInMissions(ctx.db, personId, principal.missions)) return true
  return personOnVisibleCase(ctx.db, principal, personId)
}

/** A person's whole record for staff, every view audited with the person as its subject. */
export async function personRecord(
  ctx: AppContext,
  principal: Principal,
  personId: string,
  ip: string,
): Promise<PersonRecord> {
  if (!(await mayRead(ctx, principal, personId))) throw notFound()
  const entry = await staffRecordOf(ctx.db, personId)
  if (!entry) throw notFound()
  const [summary] = await personSummaries(ctx.db, [personId])
  const history = await personCaseHistory(ctx.db, principal, personId)
  const alerts = await alertsReceivedBy(ctx.db, personId)
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'person.record',
    subjectType: 'person',
    subjectId: personId,
    ip,
    details: {
      dependants: entry.dependants.map((d) => d.id),
      cases: history.cases.length,
      contacts: history.contacts.length,
      alerts: alerts.length,
    },
  })
  return {
    person: {
      ...entry.person,
      places: summary?.places ?? [],
      whereNow: summary?.whereNow ?? null,
      lastLocation: entry.lastLocation,
    },
    dependants: entry.dependants,
    residence: entry.residence,
    trips: entry.trips,
    contacts: history.contacts,
    cases: history.cases,
    alerts,
  }
}
