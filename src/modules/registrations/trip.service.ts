import type { Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import type { Database } from '../../database.ts'
import { cityById, countryAt, unknownCountries } from '../reference/index.ts'
import { foreignDependants } from './dependant.repository.ts'
import { registrationError } from './registrations.errors.ts'
import type { TripBody, Warning } from './registrations.schema.ts'
import {
  deleteTrip,
  findSameTrip,
  insertTrip,
  listTripRows,
  replaceTrip,
  type TripRecord,
} from './trip.repository.ts'

/** Inside the writing transaction: the dependants are locked until the trip lists them. */
async function assertOwnTravellers(db: Transaction<Database>, userId: string, ids: readonly string[]) {
  const foreign = await foreignDependants(db, userId, ids)
  if (foreign.length > 0)
    throw registrationError('trip.unknown_traveller', 'Only your own dependants can travel on your trip', {
      travellers: foreign,
    })
}

/** A trip that ended this long ago is history, not a registration. */
const PAST_DAYS_ALLOWED = 7
const FUTURE_YEARS_ALLOWED = 2

function toTrip(row: TripRecord, warnings: Warning[] = []) {
  return {
    id: row.id,
    startDate: row.start_date,
    endDate: row.end_date,
    destinations: row.destinations.map((d) => ({
      country: d.country,
      cityId: d.city_id ?? null,
      city: d.city,
      lat: d.lat,
      lon: d.lon,
      address: d.address ?? null,
      phone: d.phone ?? null,
    })),
    travellers: row.travellers,
    warnings,
  }
}

function dayOffset(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

type DestinationBody = TripBody['destinations'][number]

/** A destination given by a city of the data set takes the city's name (unless one is given) and point. */
function placeByCity(d: DestinationBody, i: number): DestinationBody {
  if (d.cityId === undefined) return d
  const city = cityById(d.cityId)
  if (!city)
    throw registrationError(
      'trip.unknown_city',
      `No city ${d.cityId} in the world cities data set of this server`,
      {
        destination: i,
      },
    )
  if (city.country !== d.country)
    throw registrationError(
      'trip.city_not_in_country',
      `${city.name} is in ${city.country}, not ${d.country}`,
      {
        destination: i,
      },
    )
  return { ...d, city: d.city ?? city.name, lat: city.lat, lon: city.lon }
}

async function checkTrip(
  ctx: AppContext,
  id: string,
  body: TripBody,
): Promise<{ row: TripRecord; warnings: Warning[] }> {
  if (body.endDate < body.startDate)
    throw registrationError('trip.dates_inverted', 'The trip ends before it starts', {
      startDate: body.startDate,
    })
  if (body.endDate < dayOffset(-PAST_DAYS_ALLOWED))
    throw registrationError('trip.in_past', `The trip ended more than ${PAST_DAYS_ALLOWED} days ago`)
  if (body.startDate > dayOffset(FUTURE_YEARS_ALLOWED * 366))
    throw registrationError(
      'trip.too_far_ahead',
      `A trip can be registered at most ${FUTURE_YEARS_ALLOWED} years ahead`,
    )
  const unknown = await unknownCountries(
    ctx.db,
    body.destinations.map((d) => d.country),
  )
  if (unknown.length > 0)
    throw registrationError('reference.unknown_country', `Unknown country: ${unknown.join(', ')}`, {
      countries: unknown,
    })
  const destinations = body.destinations.map(placeByCity)
  const warnings: Warning[] = []
  for (const [i, d] of destinations.entries()) {
    if (d.cityId !== undefined) continue
    if (d.lat === undefined || d.lon === undefined) continue
    const actual = await countryAt(ctx.db, d.lat, d.lon)
    if (actual !== d.country)
      warnings.push({
        code: 'trip.point_outside_country',
        detail: `The point given for destination ${i + 1} lies ${actual ? `in ${actual}` : 'in no country'}, not in ${d.country}`,
        destination: i,
      })
  }
  const row: TripRecord = {
    id,
    start_date: body.startDate,
    end_date: body.endDate,
    destinations: destinations.map((d) => ({
      country: d.country,
      city: d.city ?? null,
      city_id: d.cityId ?? null,
      lat: d.lat ?? null,
      lon: d.lon ?? null,
      address: d.address ?? null,
      phone: d.phone ?? null,
    })),
    travellers: [...(body.travellers ?? [])].sort(),
  }
  return { row, warnings }
}

export async function listTrips(ctx: AppContext, userId: string) {
  return (await listTripRows(ctx.db, userId)).map((r) => toTrip(r))
}

export async function getTrip(ctx: AppContext, userId: string, id: string) {
  const [row] = await listTripRows(ctx.db, userId, id)
  if (!row) throw registrationError('trip.not_found', 'No such trip')
  return toTrip(row)
}

export async function createTrip(ctx: AppContext, userId: string, body: TripBody) {
  const { row, warnings } = await checkTrip(ctx, uuidv7(), body)
  await ctx.db.transaction().execute(async (trx) => {
    await assertOwnTravellers(trx, userId, row.travellers)
    const same = await findSameTrip(trx, userId, row)
    if (same)
      throw registrationError('trip.duplicate', 'The same trip is already registered', { tripId: same })
    await insertTrip(trx, userId, row)
  })
  return toTrip(row, warnings)
}

export async function updateTrip(ctx: AppContext, userId: string, id: string, body: TripBody) {
  const { row, warnings } = await checkTrip(ctx, id, body)
  const saved = await ctx.db.transaction().execute(async (trx) => {
    await assertOwnTravellers(trx, userId, row.travellers)
    const same = await findSameTrip(trx, userId, row)
    if (same)
      throw registrationError('trip.duplicate', 'The same trip is already registered', { tripId: same })
    if (!(await replaceTrip(trx, userId, row, body.travellers !== undefined)))
      throw registrationError('trip.not_found', 'No such trip')
    return listTripRows(trx, userId, id)
  })
  return toTrip(saved[0] ?? row, warnings)
}

export async function removeTrip(ctx: AppContext, userId: string, id: string): Promise<void> {
  if (!(await deleteTrip(ctx.db, userId, id))) throw registrationError('trip.not_found', 'No such trip')
}
