import type { AppContext } from '../context.ts'
import {
  createDependant,
  createTrip,
  listDependants,
  listTrips,
  updateProfile,
} from '../modules/registrations/index.ts'
import { DEMO_CITIZEN_PHONE } from './demo.ts'

const DAY = 86_400_000
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10)

/**
 * The demo citizen as a newcomer meets them: a phone in the profile (the hotline finds them by
 * it), a child, and a trip to Tokyo covering today. Run on every demo start: when the trip of an
 * earlier start is over, a new one is registered, so the demo holds on any day.
 */
export async function ensureDemoCitizen(ctx: AppContext, userId: string, now: Date): Promise<void> {
  await updateProfile(ctx, userId, { phone: DEMO_CITIZEN_PHONE, consentToContact: true })
  let child = (await listDependants(ctx, userId))[0]
  if (!child)
    child = await createDependant(ctx, userId, {
      nameLatin: 'LI XIAOYU',
      nameZh: '李小雨',
      dateOfBirth: '2016-05-20',
      sex: 'F',
      relation: 'child',
    })
  const today = isoDay(now.getTime())
  const trips = await listTrips(ctx, userId)
  const current = trips.some(
    (t) => t.startDate <= today && t.endDate >= today && t.destinations.some((d) => d.country === 'JP'),
  )
  if (current) return
  await createTrip(ctx, userId, {
    destinations: [{ country: 'JP', city: 'Tokyo', lat: 35.6586, lon: 139.7454 }],
    startDate: isoDay(now.getTime() - 3 * DAY),
    endDate: isoDay(now.getTime() + 11 * DAY),
    travellers: [child.id],
  })
}
