export { alpha2Codes, countriesTouchingSql } from './country-lookup.ts'
export { loadMissionsFromFile, loadReferenceData } from './reference.loader.ts'
export { referenceRoutes } from './reference.routes.ts'
export {
  areaInCountry,
  countriesOfMissions,
  countryAt,
  missionAt,
  missionForCountry,
  missionNames,
  unknownCountries,
  unknownMissions,
} from './reference.service.ts'
