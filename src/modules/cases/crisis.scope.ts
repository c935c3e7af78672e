import type { Kysely } from 'kysely'
import type { Database } from '../../database.ts'
import type { Principal } from '../../platform/http/access.ts'
import { countriesOfMissions } from '../reference/index.ts'

/** Which crises a member of staff may see: duty officers and operators all, officers their missions' countries. */
export interface CrisisScope {
  readonly all: boolean
  readonly countries: readonly string[]
}

export async function crisisScopeOf(db: Kysely<Database>, principal: Principal): Promise<CrisisScope> {
  if (principal.roles.includes('duty_officer') || principal.roles.includes('operator'))
    return { all: true, countries: [] }
  return { all: false, countries: await countriesOfMissions(db, principal.missions) }
}

export const mayManageCrises = (principal: Principal) =>
  principal.roles.includes('duty_officer') || principal.roles.includes('officer')
