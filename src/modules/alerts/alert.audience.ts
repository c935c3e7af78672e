import { type RawBuilder, sql, type Transaction } from 'kysely'
import type { Database, Db } from '../../database.ts'
import { circleGeometrySql, polygonalGeometrySql } from '../../platform/geo/antimeridian.ts'
import { subscribersOf } from '../advisories/index.ts'
import { sitesInAreaSql } from '../enterprises/index.ts'
import { countriesTouchingSql } from '../reference/index.ts'
import { type PresenceWindow, placedInAreaSql } from '../registrations/index.ts'
import type { AreaShapes } from './alert.area.ts'
import { alertEnd } from './alert.derive.ts'

/** Whom the alert targets: people present from when it takes effect until it ends. */
export function alertWindow(effective: Date, expires: Date | null): PresenceWindow {
  return { from: effective, to: alertEnd(effective, expires) }
}

/**
 * The union of the placed shapes as one geometry (circles buffered on the sphere), or null. Shapes
 * over the antimeridian are cut at ±180° (platform/geo), so the area, the reach and the recipients
 * are the short way round.
 */
export function areaGeometrySql(shapes: AreaShapes): RawBuilder<unknown> | null {
  const parts = [
    ...shapes.polygons.map((ring) => polygonalGeometrySql({ type: 'Polygon', coordinates: [ring] })),
    ...shapes.circles.map((c) => circleGeometrySql(c.center, c.radiusKm)),
  ]
  if (parts.length === 0) return null
  return sql`ST_UnaryUnion(ST_Collect(ARRAY[${sql.join(parts)}]::geometry[]))`
}

/** The countries an area touches (from the shipped country shapes), plus the ISO geocodes. */
export async function countriesConcerned(db: Db, alertId: string): Promise<string[]> {
  const touched = countriesTouchingSql(sql`(select a.area from alerts a where a.id = ${alertId})`)
  const { rows } = await sql<{ codes: string[] | null }>`
    select array(
      select distinct code from (
        ${touched}
        union
        select unnest(a.geocode_countries) from alerts a where a.id = ${alertId}
      ) c order by 1) as codes`.execute(db)
  return rows[0]?.codes ?? []
}

/**
 * The registry's presence rows placed by the alert: a point inside its area, no point but a
 * country the area touches, or a country its ISO geocodes name (the registry's one placement
 * rule, which crisis manifests share). The alert's area and countries are scalar sub-queries,
 * computed once.
 */
export function placedPresence(
  alertId: string,
  window: PresenceWindow,
  shape: AlertShape,
): RawBuilder<{ user_id: string; source: string; location: unknown }> {
  return placedInAreaSql(
    {
      area: sql`(select a.area from alerts a where a.id = ${alertId})`,
      hasArea: shape.hasArea,
      countries: sql<
        string[]
      >`(select a.countries || a.geocode_countries from alerts a where a.id = ${alertId})::text[]`,
      named: shape.named
        ? sql<string[]>`(select a.geocode_countries from alerts a where a.id = ${alertId})::text[]`
        : undefined,
    },
    window,
  )
}

/** Which parts of the targeting an alert has: a drawn area, countries named by ISO geocodes. */
export interface AlertShape {
  readonly hasArea: boolean
  readonly named: boolean
}

export async function alertShape(db: Db, alertId: string): Promise<AlertShape> {
  const row = await db
    .selectFrom('alerts')
    .select([
      sql<boolean>`area is not null`.as('hasArea'),
      sql<boolean>`cardinality(geocode_countries) > 0`.as('named'),
    ])
    .where('id', '=', alertId)
    .executeTakeFirst()
  return row ?? { hasArea: false, named: false }
}

function subscribersOfAlert(alertId: string) {
  return subscribersOf(sql<string[]>`(select a.countries from alerts a where a.id = ${alertId})`)
}

export interface Reach {
  readonly people: number
  readonly trips: number
  /** Subscribers of the countries concerned who are not already counted as in the area. */
  readonly subscribers: number
  /** Verified enterprises' sites whose point or area lies in the area (or in a country its geocodes name). */
  readonly sites: number
}

/** The enterprise sites the alert reaches (the enterprises module's query, on this alert's area). */
export function reachedSitesSql(alertId: string) {
  return sitesInAreaSql(
    sql`(select a.area from alerts a where a.id = ${alertId})`,
    sql<string[]>`(select a.geocode_countries from alerts a where a.id = ${alertId})::text[]`,
  )
}

export async function countReach(db: Db, alertId: string, window: PresenceWindow): Promise<Reach> {
  const shape = await alertShape(db, alertId)
  const { rows } = await sql<Reach>`
    with placed as materialized (${placedPresence(alertId, window, shape)})
    select (select count(distinct user_id) from placed)::int as people,
           (select count(*) from placed where source = 'trip')::int as trips,
           (select count(*) from (
              select user_id from (${subscribersOfAlert(alertId)}) s
              except select user_id from placed) x)::int as subscribers,
           (select count(*) from (${reachedSitesSql(alertId)}) s)::int as sites`.execute(db)
  return rows[0] ?? { people: 0, trips: 0, subscribers: 0, sites: 0 }
}

/**
 * Writes every recipient once, with one INSERT … SELECT: the people placed in the area, the
 * subscribers of the countries concerned, and everyone an earlier message of the same thread
 * reached (an Update or Cancel reaches the same people).
 */
export async function insertRecipients(
  trx: Transaction<Database>,
  alertId: string,
  window: PresenceWindow,
  threadAlertIds: readonly string[],
): Promise<number> {
  const earlier = threadAlertIds.length
    ? sql`union all select r.user_id, false from alert_recipients r where r.alert_id = any(${[...threadAlertIds]}::uuid[])`
    : sql``
  const shape = await alertShape(trx, alertId)
  const result = await sql`
    insert into alert_recipients (alert_id, user_id, placed)
    select ${alertId}::uuid, x.user_id, bool_or(x.placed) from (
      select pp.user_id, true as placed from (${placedPresence(alertId, window, shape)}) pp
      union all select s.user_id, false from (${subscribersOfAlert(alertId)}) s
      ${earlier}
    ) x group by x.user_id
    on conflict do nothing`.execute(trx)
  return Number(result.numAffectedRows ?? 0n)
}
