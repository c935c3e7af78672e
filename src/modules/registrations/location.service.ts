import type { AppContext } from '../../context.ts'
import { countryAt } from '../reference/index.ts'
import { deleteLocation, findLocation, type LocationPointRow, upsertLocation } from './location.repository.ts'
import type { LocationBody } from './registrations.schema.ts'

function toLocation(row: LocationPointRow) {
  return {
    lat: row.lat,
    lon: row.lon,
    accuracyM: row.accuracy_m,
    country: row.country,
    recordedAt: new Date(row.recorded_at).toISOString(),
  }
}

export async function recordLocation(ctx: AppContext, userId: string, body: LocationBody) {
  const country = await countryAt(ctx.db, body.lat, body.lon)
  const row = await upsertLocation(ctx.db, userId, {
    lat: body.lat,
    lon: body.lon,
    accuracyM: body.accuracyM ?? null,
    country,
  })
  return toLocation(row)
}

export async function getLocation(ctx: AppContext, userId: string) {
  const row = await findLocation(ctx.db, userId)
  return row ? toLocation(row) : null
}

export async function forgetLocation(ctx: AppContext, userId: string): Promise<void> {
  await deleteLocation(ctx.db, userId)
}
