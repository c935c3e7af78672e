import type { Db } from '../../database.ts'
import type { Localized } from '../../platform/i18n/locale.ts'
import { findStaff } from '../identity/index.ts'
import { missionNames } from '../reference/index.ts'
import { type PersonSummary, personSummaries } from '../registrations/index.ts'
import type { PeopleFilter } from './access.ts'

export interface MissionRef {
  code: string
  name: Localized
}
export interface Actor {
  id: string
  name: string
}

/** Names for the ids a page of cases or contacts mentions, each kind fetched in one query. */
export interface Refs {
  mission(code: string | null): MissionRef | null
  user(id: string | null): Actor | null
  /** The person if the caller may read them (see `PeopleFilter`), else null. */
  person(id: string | null): PersonSummary | null
  /** Whether the caller may read the person: a presenter drops every trace of one they may not. */
  seesPerson(id: string): boolean
}

/** The people a page names, and which of them its caller may read. */
export interface PeopleRefs {
  readonly ids: readonly (string | null)[]
  readonly filter: PeopleFilter
  /** People already looked up, not fetched again. */
  readonly known?: readonly PersonSummary[]
}

const defined = (xs: readonly (string | null | undefined)[]) => [
  ...new Set(xs.filter((x): x is string => typeof x === 'string')),
]

export async function loadRefs(
  db: Db,
  ids: { missions?: (string | null)[]; users?: (string | null)[]; people?: PeopleRefs },
): Promise<Refs> {
  const missionCodes = defined(ids.missions ?? [])
  const missions = missionCodes.length ? await missionNames(db, missionCodes) : new Map()
  const users = new Map((await findStaff(db, defined(ids.users ?? []))).map((u) => [u.id, u]))
  const readable = ids.people ? await ids.people.filter(db, defined(ids.people.ids)) : new Set<string>()
  const people = await loadPeople(db, readable, ids.people?.known ?? [])
  return {
    mission: (code) => {
      const name = code ? missions.get(code) : undefined
      return code && name ? { code, name } : code ? { code, name: { 'zh-CN': code, en: code } } : null
    },
    user: (id) => {
      const u = id ? users.get(id) : undefined
      return u ? { id: u.id, name: u.name } : id ? { id, name: '' } : null
    },
    person: (id) => (id ? (people.get(id) ?? null) : null),
    seesPerson: (id) => readable.has(id),
  }
}

async function loadPeople(
  db: Db,
  readable: ReadonlySet<string>,
  known: readonly PersonSummary[],
): Promise<Map<string, PersonSummary>> {
  const people = new Map(known.filter((p) => readable.has(p.id)).map((p) => [p.id, p]))
  const missing = [...readable].filter((id) => !people.has(id))
  for (const p of await personSummaries(db, missing)) people.set(p.id, p)
  return people
}
