import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import { caller, dayFromToday, registerCitizen, type Session } from './http.ts'

/** A box around central Tokyo ([lon, lat] positions, as GeoJSON has them). */
export const TOKYO_AREA = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [139.5, 35.5],
      [140.0, 35.5],
      [140.0, 35.9],
      [139.5, 35.9],
      [139.5, 35.5],
    ],
  ],
}

/** A box around Paris: inside France, nowhere near Japan. */
export const PARIS_AREA = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [2.2, 48.8],
      [2.5, 48.8],
      [2.5, 48.95],
      [2.2, 48.95],
      [2.2, 48.8],
    ],
  ],
}

export async function createCrisis(app: FastifyInstance, cookie: string, body: object = {}) {
  const res = await caller(app)('POST', '/api/v1/crises', cookie, {
    name: 'Tokyo earthquake',
    country: 'JP',
    area: TOKYO_AREA,
    ...body,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; [k: string]: unknown }
}

/** A citizen with names in the profile and a trip to one point between the two days (offsets from today). */
export async function travellerTo(
  app: FastifyInstance,
  where: { lat: number; lon: number; country: string },
  days: [number, number] = [-1, 5],
): Promise<Session> {
  const s = await registerCitizen(app)
  const call = caller(app)
  const put = await call('PUT', '/api/v1/me/profile', s.cookie, { nameLatin: 'Chen Jing', nameZh: '陈静' })
  expect(put.statusCode, put.body).toBe(200)
  const trip = await call('POST', '/api/v1/me/trips', s.cookie, {
    destinations: [{ country: where.country, lat: where.lat, lon: where.lon }],
    startDate: dayFromToday(days[0]),
    endDate: dayFromToday(days[1]),
  })
  expect(trip.statusCode, trip.body).toBe(201)
  return s
}
