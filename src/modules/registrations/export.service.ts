import type { AppContext } from '../../context.ts'
import { exportDependants } from './dependant.service.ts'
import { getLocation } from './location.service.ts'
import { findSealedPassport } from './profile.repository.ts'
import { getProfile } from './profile.service.ts'
import { listTrips } from './trip.service.ts'

/** Everything this module keeps about a person, passport in full (it is their own). */
export async function exportRegistration(ctx: AppContext, userId: string) {
  const sealed = await findSealedPassport(ctx.db, userId)
  const profile = await getProfile(ctx, userId)
  return {
    profile: {
      ...profile,
      passportNumber: sealed ? ctx.secrets.open(sealed) : null,
    },
    dependants: await exportDependants(ctx, userId),
    trips: await listTrips(ctx, userId),
    location: await getLocation(ctx, userId),
  }
}
