import type { CompiledQuery, Kysely, RawBuilder } from 'kysely'
import type { Database } from '../../src/database.ts'
import {
  alertWindow,
  areaGeometrySql,
  countReach,
  countriesConcerned,
  insertRecipients,
} from '../../src/modules/alerts/alert.audience.ts'
import { presenceSql } from '../../src/modules/registrations/index.ts'
import {
  countPeople,
  findPeople,
  type PeopleFilter,
} from '../../src/modules/registrations/people.repository.ts'
import { type Answer, capturingDb } from './capture.ts'

/**
 * The hot queries, each with fixed example parameters. `npm run sql:snapshot` writes their SQL to
 * `test/sql/<file>`; `sql-snapshot.unit.test.ts` fails when the code no longer sends the same.
 */
export interface SnapshotQuery {
  readonly name: string
  /** Sends the query (and whatever it needs first) to a database that only listens. */
  readonly send: (db: Kysely<Database>) => Promise<unknown>
  /** What the listening database answers, for code that branches on a first query's result. */
  readonly answer?: Answer
}

export interface SnapshotFile {
  readonly file: string
  readonly title: string
  readonly queries: readonly SnapshotQuery[]
}

const WEEK = { from: new Date('2025-03-01T00:00:00Z'), to: new Date('2025-03-07T23:59:59Z') }
const NOON = new Date('2025-03-04T12:00:00Z')
const BANGKOK = JSON.stringify({
  type: 'Polygon',
  coordinates: [
    [
      [100.3, 13.5],
      [100.9, 13.5],
      [100.9, 14.0],
      [100.3, 14.0],
      [100.3, 13.5],
    ],
  ],
})
const ALERT_ID = '0195f000-0000-7000-8000-00000000a1e7'
const EARLIER_ALERT_ID = '0195f000-0000-7000-8000-00000000a1e6'

const compiled = (fragment: RawBuilder<unknown>) => async (db: Kysely<Database>) => fragment.compile(db)

/** `alertShape` asks first whether the alert has an area and ISO geocodes: it has both, so every arm shows. */
const alertWithAreaAndGeocodes: Answer = (query) =>
  /cardinality\(geocode_countries\)/.test(query.sql) ? [{ hasArea: true, named: true }] : []

const officerSearch: PeopleFilter = {
  window: WEEK,
  missions: ['TH-BKK-EMB'],
  country: 'TH',
  areaGeoJson: BANGKOK,
  text: {
    like: '%somchai%',
    phone: '+66812345678',
    passportDigest: 'f'.repeat(64),
    email: 'somchai@example.org',
  },
}
const dutySearch: PeopleFilter = { window: WEEK, missions: null, text: { like: '%wang%' } }

export const SNAPSHOTS: readonly SnapshotFile[] = [
  {
    file: 'presence.sql',
    title:
      'registrations/presence.ts: where people are during a window (its conditions show in the searches that compose them)',
    queries: [
      { name: 'presenceSql, one week', send: compiled(presenceSql(WEEK)) },
      {
        name: 'presenceSql, one instant (a crisis manifest)',
        send: compiled(presenceSql({ from: NOON, to: NOON })),
      },
    ],
  },
  {
    file: 'alert-audience.sql',
    title: 'alerts/alert.audience.ts: who an alert reaches (an alert with a drawn area and ISO geocodes)',
    queries: [
      {
        name: 'areaGeometrySql, a polygon and a circle',
        send: async (db) => {
          const geometry = areaGeometrySql({
            polygons: [JSON.parse(BANGKOK).coordinates[0]],
            circles: [{ center: [100.5, 13.75], radiusKm: 25 }],
            isoCountries: [],
            subdivisions: [],
            unplacedDescs: [],
          })
          return geometry?.compile(db)
        },
      },
      { name: 'countriesConcerned', send: (db) => countriesConcerned(db, ALERT_ID) },
      {
        name: 'countReach',
        send: (db) => countReach(db, ALERT_ID, alertWindow(WEEK.from, WEEK.to)),
        answer: alertWithAreaAndGeocodes,
      },
      {
        name: 'insertRecipients, an Update of an earlier alert',
        send: (db) =>
          db
            .transaction()
            .execute((trx) =>
              insertRecipients(trx, ALERT_ID, alertWindow(WEEK.from, null), [EARLIER_ALERT_ID]),
            ),
        answer: alertWithAreaAndGeocodes,
      },
    ],
  },
  {
    file: 'people-search.sql',
    title: 'registrations/people.repository.ts: the staff people search',
    queries: [
      {
        name: 'countPeople, an officer: districts, country, area, name/phone/passport/e-mail',
        send: (db) => countPeople(db, officerSearch),
      },
      { name: 'findPeople, the same search, first 100', send: (db) => findPeople(db, officerSearch, 100) },
      {
        name: 'countPeople, a duty officer: every mission, a name',
        send: (db) => countPeople(db, dutySearch),
      },
      { name: 'findPeople, the same search, first 100', send: (db) => findPeople(db, dutySearch, 100) },
    ],
  },
]

/** The SQL a query sends, in order (a compiled fragment counts as sent). */
export async function sentBy(query: SnapshotQuery): Promise<CompiledQuery[]> {
  const { db, sent } = capturingDb(query.answer)
  const result = await query.send(db)
  if (isCompiled(result)) sent.push(result)
  return sent
}

function isCompiled(value: unknown): value is CompiledQuery {
  return (
    typeof value === 'object' && value !== null && 'sql' in value && 'parameters' in value && 'query' in value
  )
}
