export { type City, cityById, findCities } from './cities.ts'
export { type CountryNames, countryNamesSql } from './country.sql.ts'
export { alpha2Codes, countriesTouchingSql } from './country-lookup.ts'
export { type EmergencyNumbers, emergencyNumbersOf } from './emergency-numbers.ts'
export { type MissionContacts, missionPlaces, updateMissionContacts } from './mission.repository.ts'
export { inMissionDistrictsSql } from './mission.sql.ts'
export { loadMissionsFromFile, loadReferenceData, ReferenceFileError } from './reference.loader.ts'
export { referenceRoutes } from './reference.routes.ts'
export { countryCode } from './reference.schema.ts'
export {
  areaInCountry,
  countriesOfMissions,
  countryAt,
  countryNames,
  missionAt,
  missionForCountry,
  missionNames,
  unknownCountries,
  unknownMissions,
} from './reference.service.ts'
