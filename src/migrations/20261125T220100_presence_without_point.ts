import { type Kysely, sql } from 'kysely'

// Alerts reach people whose trip names only a country when the area touches that country: these
// partial indexes find them without reading everyone else in the country.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index trip_destinations_no_point_idx on trip_destinations (country, start_date, end_date) where location is null`.execute(
    db,
  )
  await sql`create index residences_no_point_idx on residences (country) where location is null`.execute(db)
}
