import type { Crisis } from '@server/cases/crisis/crisis.schema.ts'

/** A GeoJSON Polygon ([lon, lat] positions), as the people search and crises take it. */
export type Polygon = Crisis['area']

/** One search as the API takes it: by text and country (GET), or inside an area (POST). */
export type PeopleQuery = { kind: 'text'; q?: string; country?: string } | { kind: 'area'; area: Polygon }

export const SHOWN = 100
export const CSV_MAX = 5000
