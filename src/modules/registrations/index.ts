export { type BookingIdentity, bookingIdentity } from './booking-identity.ts'
export { contactPhoneSql } from './contact-phone.ts'
export { exportRegistration } from './export.service.ts'
export { type KnownDetails, knownDependantOf, knownDetailsOf } from './form-prefill.ts'
export {
  type CertificateNames,
  certificateNames,
  findPeopleByPassport,
  type PassportMatch,
} from './health-identity.ts'
export {
  findPersonByPhone,
  type PersonCard,
  type PersonPlace,
  type PersonSummary,
  personCards,
  personInMissions,
  personSummaries,
} from './lookup.ts'
export { meRoutes } from './me.routes.ts'
export { peopleRoutes } from './people.routes.ts'
export { phoneSchema, toE164 } from './phone.schema.ts'
export {
  dependantsWithPresence,
  type PresenceRow,
  type PresenceWindow,
  presenceInArea,
  presenceSql,
} from './presence.ts'
export { setVerifiedProfilePhone } from './profile.repository.ts'
export { maskPassport, passportColumns, updateProfile } from './profile.service.ts'
export { purgeJob, purgeJobType } from './purge.job.ts'
export {
  insertProfiles,
  insertResidences,
  insertTrips,
  type NewProfile,
  type NewResidence,
  type NewTrip,
  vacuumRegistry,
} from './registry-bulk.repository.ts'
