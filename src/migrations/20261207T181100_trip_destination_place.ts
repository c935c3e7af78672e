import { type Kysely, sql } from 'kysely'

// A trip destination placed by a city of the world cities data set (its GeoNames id; the point
// goes into `location` as before), with an optional address and phone while there.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table trip_destinations add column city_id integer`.execute(db)
  await sql`alter table trip_destinations add column address text`.execute(db)
  await sql`alter table trip_destinations add column phone text`.execute(db)
}
