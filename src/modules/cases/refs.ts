import type { Kysely, Transaction } from 'kysely'
import type { Database, Db } from '../../database.ts'
import type { Localized } from '../../platform/i18n/locale.ts'
import { findStaff } from '../identity/index.ts'
import { missionNames } from '../reference/index.ts'
import { type PersonSummary, personSummaries } from '../registrations/index.ts'

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
  person(id: string | null): PersonSummary | null
}

const defined = (xs: readonly (string | null | undefined)[]) => [
  ...new Set(xs.filter((x): x is string => typeof x === 'string')),
]

export async function loadRefs(
  db: Db,
  ids: { missions?: (string | null)[]; users?: (string | null)[]; people?: (string | null)[] },
  /** People already looked up, not fetched again. */
  known: readonly PersonSummary[] = [],
): Promise<Refs> {
  const missionCodes = defined(ids.missions ?? [])
  const missions = missionCodes.length ? await missionNames(db as Kysely<Database>, missionCodes) : new Map()
  const users = new Map((await findStaff(db, defined(ids.users ?? []))).map((u) => [u.id, u]))
  const people = new Map(known.map((p) => [p.id, p]))
  const missing = defined(ids.people ?? []).filter((id) => !people.has(id))
  for (const p of await personSummaries(db, missing)) people.set(p.id, p)
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
  }
}
