import { type Kysely, sql } from 'kysely'

// A crisis keeps its area as drawn (what the console shows and edits) and, beside it, the area it
// covers on the globe: read the short way round and cut at ±180°, so a crisis in Fiji holds the
// people in Suva and not those in Bolivia. Manifests and "are you safe?" intersect with the latter.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table crises add column placed_area geometry(MultiPolygon, 4326)`.execute(db)
  // The crises already open, placed in SQL alone (a migration imports no application code): a
  // ring wider than half the world was drawn across ±180°, so it is shifted to 0..360, where it is
  // whole, and cut back into -180..180 — what platform/geo/antimeridian does for new areas.
  await sql`
    update crises set placed_area = ST_Multi(ST_CollectionExtract(ST_WrapX(ST_WrapX(ST_MakeValid(
      case when ST_XMax(area) - ST_XMin(area) > 180 then ST_ShiftLongitude(area) else area end
    ), 180, -360), -180, 360), 3))`.execute(db)
  await sql`alter table crises alter column placed_area set not null`.execute(db)
  await sql`drop index crises_area_idx`.execute(db)
  await sql`create index crises_placed_area_idx on crises using gist (placed_area) where status = 'active'`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index crises_placed_area_idx`.execute(db)
  await sql`create index crises_area_idx on crises using gist (area) where status = 'active'`.execute(db)
  await sql`alter table crises drop column placed_area`.execute(db)
}
