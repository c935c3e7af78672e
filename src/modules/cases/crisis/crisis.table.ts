import type { ColumnType, Generated, Selectable } from 'kysely'
import type { CrisisStatus, LegMode, PersonStatus } from './crisis.schema.ts'

type Geometry = ColumnType<unknown, unknown, unknown>

export interface CrisesTable {
  id: string
  name: string
  country: string
  /** As drawn: what the console shows. */
  area: Geometry
  /** As it lies on the globe (cut at ±180°): what people are placed in. */
  placed_area: Geometry
  starts_at: Date
  status: Generated<CrisisStatus>
  created_by: string | null
  created_at: Date
  closed_at: Date | null
  closed_by: string | null
}

export interface CrisisCasesTable {
  crisis_id: string
  case_id: string
  linked_by: string | null
  linked_at: Generated<Date>
}

export interface CrisisContactsTable {
  crisis_id: string
  contact_id: string
  linked_by: string | null
  linked_at: Generated<Date>
}

export interface CrisisAlertsTable {
  crisis_id: string
  alert_id: string
  linked_by: string | null
  linked_at: Generated<Date>
}

export interface CrisisAssemblyPointsTable {
  id: string
  crisis_id: string
  name: string
  location: Geometry
  opens_at: Date | null
  created_at: Generated<Date>
}

export interface CrisisLegsTable {
  id: string
  crisis_id: string
  name: string
  mode: LegMode
  from_point_id: string
  destination: string
  departs_at: Date
  capacity: number
  created_at: Generated<Date>
}

export interface CrisisPeopleTable {
  crisis_id: string
  person_id: string
  status: PersonStatus
  assembly_point_id: string | null
  leg_id: string | null
  note: string | null
  updated_at: Date
  updated_by: string | null
}

export interface CrisisPersonEventsTable {
  id: string
  crisis_id: string
  person_id: string
  status: PersonStatus
  assembly_point_id: string | null
  leg_id: string | null
  note: string | null
  by_person: boolean
  actor_id: string | null
  at: Date
}

export interface CrisisTables {
  crises: CrisesTable
  crisis_cases: CrisisCasesTable
  crisis_contacts: CrisisContactsTable
  crisis_alerts: CrisisAlertsTable
  crisis_assembly_points: CrisisAssemblyPointsTable
  crisis_legs: CrisisLegsTable
  crisis_people: CrisisPeopleTable
  crisis_person_events: CrisisPersonEventsTable
}

/** A crisis as the repositories read it: the area as GeoJSON text (ST_AsGeoJSON). */
export type CrisisRow = Omit<Selectable<CrisesTable>, 'area' | 'placed_area'> & { area: string }
/** An assembly point as read: its point as lat/lon. */
export type AssemblyPointRow = Omit<Selectable<CrisisAssemblyPointsTable>, 'location'> & {
  lat: number
  lon: number
}
export type LegRow = Selectable<CrisisLegsTable>
export type CrisisPersonRow = Selectable<CrisisPeopleTable>
export type CrisisPersonEventRow = Selectable<CrisisPersonEventsTable>
