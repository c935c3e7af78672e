import { sql } from 'kysely'
import type { AppContext } from '../../context.ts'
import { countryAt } from '../reference/index.ts'

export async function recordLocation(
  ctx: AppContext,
  userId: string,
  body: { lat: number; lon: number; accuracyM?: number | undefined },
) {
  const country = await countryAt(ctx.db, body.lat, body.lon)
  const point = sql`ST_SetSRID(ST_MakePoint(${body.lon}, ${body.lat}), 4326)`
  const values = {
    location: point,
    country,
    accuracy_m: body.accuracyM ?? null,
    recorded_at: sql<Date>`now()`,
  }
  // Read back in the same statement: a second query could race a concurrent "forget".
  const row = await ctx.db
    .insertInto('current_locations')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .returning(COLUMNS)
    .executeTakeFirstOrThrow()
  return toLocation(row)
}

const COLUMNS = [
  sql<number>`ST_Y(location)`.as('lat'),
  sql<number>`ST_X(location)`.as('lon'),
  'accuracy_m',
  'country',
  'recorded_at',
] as const

function toLocation(row: {
  lat: number
  lon: number
  accuracy_m: number | null
  country: string | null
  recorded_at: Date | string
}) {
  return {
    lat: row.lat,
    lon: row.lon,
    accuracyM: row.accuracy_m,
    country: row.country,
    recordedAt: new Date(row.recorded_at).toISOString(),
  }
}

export async function getLocation(ctx: AppContext, userId: string) {
  const row = await ctx.db
    .selectFrom('current_locations')
    .select(COLUMNS)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row ? toLocation(row) : null
}

export async function forgetLocation(ctx: AppContext, userId: string): Promise<void> {
  await ctx.db.deleteFrom('current_locations').where('user_id', '=', userId).execute()
}
