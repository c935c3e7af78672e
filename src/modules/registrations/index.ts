export { type BookingIdentity, bookingIdentity } from './booking-identity.ts'
export { contactPhoneSql } from './contact-phone.ts'
export { listDependantRows } from './dependant.repository.ts'
export { createDependant, listDependants } from './dependant.service.ts'
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
  type PlacedRow,
  type PlacementTarget,
  type PresenceRow,
  type PresenceWindow,
  placedInAreaSql,
  presenceInArea,
  presenceSql,
} from './presence.ts'
export { setVerifiedProfilePhone } from './profile.repository.ts'
export { maskPassport, passportColumns, updateProfile } from './profile.service.ts'
export { purgeJob, purgeJobType } from './purge.job.ts'
export { emergencyContactsOf, type StaffRecord, staffRecordOf } from './record.ts'
export { passportNumber } from './registrations.schema.ts'
export {
  insertProfiles,
  insertResidences,
  insertTrips,
  type NewProfile,
  type NewResidence,
  type NewTrip,
  vacuumRegistry,
} from './registry-bulk.repository.ts'
export { createTrip, listTrips } from './trip.service.ts'
