import { type Kysely, sql } from 'kysely'
import { placedAreaSql } from '../platform/geo/antimeridian.ts'

// A crisis keeps its area as drawn (what the console shows and edits) and, beside it, the area it
// covers on the globe: read the short way round and cut at ±180°, so a crisis in Fiji holds the
// people in Suva and not those in Bolivia. Manifests and "are you safe?" intersect with the latter.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table crises add column placed_area geometry(MultiPolygon, 4326)`.execute(db)
  const rows = await sql<{
    id: string
    area: string
  }>`select id, ST_AsGeoJSON(area) as area from crises`.execute(db)
  for (const row of rows.rows) {
    await sql`update crises set placed_area = ${placedAreaSql(row.area)} where id = ${row.id}`.execute(db)
  }
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
