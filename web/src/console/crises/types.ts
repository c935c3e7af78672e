import type { Polygon } from '../people/types.ts'

export const PERSON_STATUSES = [
  'unaccounted',
  'safe',
  'needs_help',
  'wants_to_leave',
  'checked_in',
  'boarded',
  'left_area',
] as const
export type PersonStatus = (typeof PERSON_STATUSES)[number]
export const LEG_MODES = ['bus', 'flight', 'ship', 'train'] as const

export interface Crisis {
  id: string
  name: string
  country: string
  area: Polygon
  startsAt: string
  status: 'active' | 'closed'
  closedAt: string | null
}
export interface AssemblyPoint {
  id: string
  name: string
  lat: number
  lon: number
  checkedIn: number
}
export interface Leg {
  id: string
  name: string
  mode: (typeof LEG_MODES)[number]
  fromPointId: string
  destination: string
  departsAt: string
  capacity: number
  boarded: number
}
export interface CrisisDetail extends Crisis {
  counts: {
    peopleInArea: number
    people: Record<string, number>
    cases: Record<string, number>
    casesTotal: number
    contacts: number
  }
  assemblyPoints: AssemblyPoint[]
  legs: Leg[]
}
export interface ManifestPerson {
  id: string
  name: string
  nameLatin: string | null
  nameZh: string | null
  phone: string | null
  inArea: boolean
  where: { lat: number; lon: number; source: string } | null
  dependants: number
  status: PersonStatus
  assemblyPointId: string | null
  legId: string | null
  note: string | null
}
export interface Manifest {
  counts: { peopleInArea: number; total: number; byStatus: Record<string, number> }
  people: ManifestPerson[]
  nextCursor: string | null
}
