import type { Kysely } from 'kysely'
import type { Database } from '../../database.ts'
import type { Principal } from '../../platform/http/access.ts'
import { countriesOfMissions } from '../reference/index.ts'
import { seesEveryMission } from './role.ts'

/**
 * The one answer to "which countries may this member of staff see": every country (null) for
 * duty officers and the hotline, else the countries their missions cover (each mission's own
 * country and its consular districts). Alerts, crises and advisories all ask here.
 */
export async function visibleCountries(db: Kysely<Database>, principal: Principal): Promise<string[] | null> {
  if (seesEveryMission(principal)) return null
  return countriesOfMissions(db, principal.missions)
}
