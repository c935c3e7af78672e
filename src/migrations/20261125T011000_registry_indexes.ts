import { type Kysely, sql } from 'kysely'

// "Who is where on a day" asks for trip destinations by dates and by place at once. One GiST index
// over both answers it without visiting every trip ever made to the area (the location index alone)
// or every trip on that day worldwide (the btree on dates). Dates come first: a day or a week is
// usually more selective than a city-sized area. The presence query states its date condition as a
// range overlap so that this index can serve it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index trip_destinations_when_where_idx
      on trip_destinations using gist (daterange(start_date, end_date, '[]'), location)`.execute(db)
}
