import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database } from '../../database.ts'
import type { Principal } from '../../platform/http/access.ts'
import { seesEveryMission, seesNeedToKnow, visibleCountries } from '../identity/index.ts'

/**
 * Who sees what in the cases module: cases and contacts (as SQL predicates every read uses),
 * crises (by country). Which roles may call a route is `ACCESS` in the identity module.
 */

/** What a member of staff may see of cases and contacts. */
export interface CaseScope {
  readonly userId: string
  /** Operators and duty officers see every mission's cases (and those of no mission). */
  readonly allMissions: boolean
  readonly missions: readonly string[]
  /** Duty officers see need-to-know cases too. */
  readonly needToKnow: boolean
}

export function scopeOf(principal: Principal): CaseScope {
  return {
    userId: principal.userId,
    allMissions: seesEveryMission(principal),
    missions: principal.missions,
    needToKnow: seesNeedToKnow(principal),
  }
}

/**
 * The case `c` is visible: need-to-know cases to their assignee, team and duty officers;
 * the others to everyone of a covering scope. An assignee or team member always sees it.
 */
export function caseVisible(scope: CaseScope, alias = 'c'): RawBuilder<boolean> {
  const c = sql.ref(alias)
  const member = sql`(${c}.assignee_id = ${scope.userId}::uuid or exists (
    select 1 from case_team t where t.case_id = ${c}.id and t.user_id = ${scope.userId}::uuid))`
  const missions = scope.allMissions
    ? sql`true`
    : sql`${c}.mission_code = any(${[...scope.missions]}::text[])`
  const ntk = scope.needToKnow ? sql`true` : sql`not ${c}.need_to_know`
  return sql<boolean>`((${ntk} and ${missions}) or ${member})`
}

/**
 * The contact `k` is visible: one linked to a case follows the case (its summary would tell
 * what a need-to-know case is about); an unlinked one follows the mission of where it came from.
 */
export function contactVisible(scope: CaseScope, alias = 'k'): RawBuilder<boolean> {
  const k = sql.ref(alias)
  const missions = scope.allMissions
    ? sql`true`
    : sql`${k}.mission_code = any(${[...scope.missions]}::text[])`
  return sql<boolean>`((${k}.case_id is null and ${missions}) or (${k}.case_id is not null and exists (
    select 1 from cases c where c.id = ${k}.case_id and ${caseVisible(scope, 'c')})))`
}

/** Which crises a member of staff may see: duty officers and operators all, officers their missions' countries. */
export interface CrisisScope {
  readonly all: boolean
  readonly countries: readonly string[]
}

export async function crisisScopeOf(db: Kysely<Database>, principal: Principal): Promise<CrisisScope> {
  const countries = await visibleCountries(db, principal)
  return countries ? { all: false, countries } : { all: true, countries: [] }
}
