export interface Place {
  source: 'residence' | 'trip' | 'location'
  country: string
  lat: number | null
  lon: number | null
}

export interface Person {
  id: string
  name: string
  nameLatin: string | null
  nameZh: string | null
  email: string | null
  phone: string | null
  passportNumber: string | null
  places: Place[]
}

export interface SearchResult {
  count: number
  people: Person[]
}

export interface Polygon {
  type: 'Polygon'
  coordinates: number[][][]
}

/** One search as the API takes it: by text and country (GET), or inside an area (POST). */
export type PeopleQuery = { kind: 'text'; q?: string; country?: string } | { kind: 'area'; area: Polygon }

export const SHOWN = 100
export const CSV_MAX = 5000
