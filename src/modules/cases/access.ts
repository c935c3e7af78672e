import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { Principal } from '../../platform/http/access.ts'
import { seesEveryMission, seesNeedToKnow, visibleCountries } from '../identity/index.ts'
import { personInMissions } from '../registrations/index.ts'

/**
 * Who sees what in the cases module: cases and contacts (as SQL predicates every read uses),
 * registered people, crises (by country). Which roles may call a route is `ACCESS` in the
 * identity module.
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

/**
 * The registered person if the caller may see them, else null: operators and duty officers see
 * everyone, officers the people the registry places in their missions' districts (now or within
 * a year). A person out of scope is treated as unknown: not shown, not linked to anything written.
 */
export async function personInScope<P extends { readonly id: string }>(
  db: Db,
  scope: CaseScope,
  person: P | null | undefined,
): Promise<P | null> {
  if (!person) return null
  if (scope.allMissions) return person
  return (await personInMissions(db, person.id, scope.missions)) ? person : null
}

/** Which of the people named by a case or contact the caller may read; every presenter asks it. */
export type PeopleFilter = (db: Db, ids: readonly string[]) => Promise<ReadonlySet<string>>

/** The people of a case or contact the caller sees (and of a citizen's own request: themselves). */
export const everyoneOnIt: PeopleFilter = async (_db, ids) => new Set(ids)

/**
 * The people a response may name: all of a case's or contact's people when the caller sees the
 * record itself; otherwise (one they just wrote outside what they see) only people in their scope.
 */
export function peopleFor(scope: CaseScope, seesRecord: boolean): PeopleFilter {
  if (seesRecord || scope.allMissions) return everyoneOnIt
  return async (db, ids) => {
    const seen = new Set<string>()
    for (const id of new Set(ids)) if (await personInScope(db, scope, { id })) seen.add(id)
    return seen
  }
}

/** Which crises a member of staff may see: duty officers and operators all, officers their missions' countries. */
export interface CrisisScope {
  readonly all: boolean
  readonly countries: readonly string[]
}

export async function crisisScopeOf(db: Db, principal: Principal): Promise<CrisisScope> {
  const countries = await visibleCountries(db, principal)
  return countries ? { all: false, countries } : { all: true, countries: [] }
}
