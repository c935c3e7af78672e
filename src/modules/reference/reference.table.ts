import type { ColumnType, Generated, Selectable } from 'kysely'
import type { MissionKind } from './reference.schema.ts'

/** Opening hours as the mission writes them, in both languages. */
export interface MissionHours {
  'zh-CN': string
  en: string
}

/** PostGIS columns are written as GeoJSON through ST_GeomFromGeoJSON and read back with ST_AsGeoJSON. */
type Geometry = ColumnType<unknown, unknown, unknown>

export interface CountriesTable {
  code: string
  alpha3: string
  numeric: string
  name_zh: string
  name_en: string
  calling_code: string | null
  region_of_china: boolean
  geom: Geometry | null
}

export interface MissionsTable {
  code: string
  kind: MissionKind
  country: string
  name_zh: string
  name_en: string
  city_zh: string
  city_en: string
  address: string | null
  phone: string | null
  email: string | null
  /** The 24-hour consular protection line. */
  emergency_phone: ColumnType<string | null, string | null | undefined, string | null>
  hours: ColumnType<MissionHours | null, string | null | undefined, string | null>
  contacts_updated_at: ColumnType<Date | null, Date | null | undefined, Date | string | null>
  location: Geometry | null
  district_countries: ColumnType<string[], string[] | undefined, string[]>
  district_area: Geometry | null
  updated_at: Generated<Date>
}

export interface CountryPartsTable {
  id: Generated<number>
  code: string
  geom: Geometry
}

export interface ReferenceLoadsTable {
  dataset: string
  version: string
  loaded_at: Generated<Date>
}

export interface ReferenceTables {
  countries: CountriesTable
  missions: MissionsTable
  country_parts: CountryPartsTable
  reference_loads: ReferenceLoadsTable
}

export type CountryRow = Selectable<CountriesTable>
export type MissionRow = Selectable<MissionsTable>
export type CountryPartRow = Selectable<CountryPartsTable>
export type ReferenceLoadRow = Selectable<ReferenceLoadsTable>
