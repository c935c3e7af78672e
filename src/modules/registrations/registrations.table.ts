import type { ColumnType, Generated, Selectable } from 'kysely'
import type { Relation } from './dependant.schema.ts'
import type { Sex } from './registrations.schema.ts'

/** PostGIS columns are written through SQL expressions and read back with ST_X/ST_Y or ST_AsGeoJSON. */
type Geometry = ColumnType<unknown, unknown, unknown>
type Json<T> = ColumnType<T, string | undefined, string>

export interface EmergencyContact {
  name: string
  phone: string
  relation: string
}

export interface ProfilesTable {
  user_id: string
  name_latin: string | null
  /** Latin surname and given names as in the passport (the certificate's `nam`). */
  surname: string | null
  given_names: string | null
  name_zh: string | null
  date_of_birth: string | null
  sex: Sex | null
  passport_sealed: string | null
  passport_digest: string | null
  passport_last4: string | null
  phone: string | null
  /** Set when the number was proved with a code (POST /me/phone/verify); a new number clears it. */
  phone_verified_at: Generated<Date | null>
  consent_to_contact: Generated<boolean>
  emergency_contacts: Json<EmergencyContact[]>
  updated_at: Generated<Date>
}

export interface ResidencesTable {
  user_id: string
  country: string
  city: string | null
  address: string | null
  location: Geometry | null
  since: string | null
  updated_at: Generated<Date>
}

export interface TripsTable {
  id: string
  user_id: string
  start_date: string
  end_date: string
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface TripDestinationsTable {
  trip_id: string
  seq: number
  user_id: string
  country: string
  city: string | null
  /** The GeoNames id of the city chosen from the world cities data set. */
  city_id: ColumnType<number | null, number | null | undefined, number | null>
  address: ColumnType<string | null, string | null | undefined, string | null>
  phone: ColumnType<string | null, string | null | undefined, string | null>
  location: Geometry | null
  start_date: string
  end_date: string
}

export interface CurrentLocationsTable {
  user_id: string
  location: Geometry
  country: string | null
  accuracy_m: number | null
  recorded_at: Generated<Date>
}

export interface DependantsTable {
  id: string
  user_id: string
  relation: Relation
  name_latin: string
  name_zh: string | null
  date_of_birth: string
  sex: Sex | null
  passport_sealed: string | null
  passport_digest: string | null
  passport_last4: string | null
  phone: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export interface TripTravellersTable {
  trip_id: string
  dependant_id: string
}

export interface RegistrationTables {
  profiles: ProfilesTable
  residences: ResidencesTable
  trips: TripsTable
  trip_destinations: TripDestinationsTable
  current_locations: CurrentLocationsTable
  dependants: DependantsTable
  trip_travellers: TripTravellersTable
}

export type ProfileRow = Selectable<ProfilesTable>
export type ResidenceRow = Selectable<ResidencesTable>
export type TripRow = Selectable<TripsTable>
export type TripDestinationRow = Selectable<TripDestinationsTable>
export type CurrentLocationRow = Selectable<CurrentLocationsTable>
export type DependantRow = Selectable<DependantsTable>
export type TripTravellerRow = Selectable<TripTravellersTable>
