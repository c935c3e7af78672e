import { parse } from 'csv-parse/sync'
import { z } from 'zod'
import { type MissionKind, missionKind, storedCountryCode } from './reference.schema.ts'

export interface MissionRecord {
  code: string
  kind: MissionKind
  country: string
  name: { 'zh-CN': string; en: string }
  city: { 'zh-CN': string; en: string }
  address?: string
  phone?: string
  email?: string
  /** The 24-hour consular protection line. */
  emergencyPhone?: string
  hours?: { 'zh-CN': string; en: string }
  lat?: number
  lon?: number
  /** Whole countries covered, and drawn areas (GeoJSON Polygon/MultiPolygon) that win over them. */
  district: { countries?: string[]; areas?: unknown[] }
}

export interface MissionFileError {
  /** JSON: position in the list (1-based); CSV: line in the file (the header is line 1). */
  line: number
  field?: string
  reason: string
}

export type MissionFileResult =
  | { ok: true; missions: MissionRecord[] }
  | { ok: false; errors: MissionFileError[] }

export const CSV_COLUMNS = [
  'code',
  'kind',
  'country',
  'name_zh',
  'name_en',
  'city_zh',
  'city_en',
  'address',
  'phone',
  'email',
  'lat',
  'lon',
  'district_countries',
  'district_geojson',
] as const

const position = z.array(z.number()).min(2)
const ring = z.array(position).min(4)
const areaGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
])
const text = z.string().trim().min(1)
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))

const missionSchema = z
  .object({
    code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{2,6}-(EMB|CG|CON)$/, 'must look like JP-TYO-EMB'),
    kind: missionKind,
    country: storedCountryCode,
    name: z.object({ 'zh-CN': text, en: text }),
    city: z.object({ 'zh-CN': text, en: text }),
    address: optionalText,
    phone: optionalText,
    email: z.email().optional(),
    emergencyPhone: optionalText,
    hours: z.object({ 'zh-CN': text, en: text }).optional(),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    district: z.object({
      countries: z.array(storedCountryCode).optional(),
      areas: z.array(areaGeometry).optional(),
    }),
  })
  .refine((m) => (m.lat === undefined) === (m.lon === undefined), {
    message: 'lat and lon go together',
    path: ['lat'],
  })

function checkRings(area: z.infer<typeof areaGeometry>): string | undefined {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates
  for (const polygon of polygons)
    for (const r of polygon) {
      const first = r[0]
      const last = r[r.length - 1]
      if (!first || !last || first[0] !== last[0] || first[1] !== last[1])
        return 'a ring must end where it starts'
      if (r.some(([lon = 0, lat = 0]) => Math.abs(lon) > 180 || Math.abs(lat) > 90))
        return 'coordinates out of range'
    }
  return undefined
}

function checkOne(raw: unknown, line: number, known: ReadonlySet<string>, seen: Set<string>) {
  const errors: MissionFileError[] = []
  const parsed = missionSchema.safeParse(raw)
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      errors.push({ line, field: issue.path.join('.') || undefined, reason: issue.message })
    return { errors }
  }
  const m = parsed.data
  if (!known.has(m.country)) errors.push({ line, field: 'country', reason: `unknown country ${m.country}` })
  for (const c of m.district.countries ?? [])
    if (!known.has(c)) errors.push({ line, field: 'district.countries', reason: `unknown country ${c}` })
  for (const a of m.district.areas ?? []) {
    const reason = checkRings(a)
    if (reason) errors.push({ line, field: 'district.areas', reason })
  }
  if (!m.district.countries?.length && !m.district.areas?.length)
    errors.push({ line, field: 'district', reason: 'a district needs countries or an area' })
  if (seen.has(m.code)) errors.push({ line, field: 'code', reason: `duplicate code ${m.code}` })
  seen.add(m.code)
  return { errors, mission: m as MissionRecord }
}

function fromCsvRow(
  row: Record<string, string>,
  line: number,
): { value?: unknown; error?: MissionFileError } {
  const num = (v: string | undefined) => (v?.trim() ? Number(v) : undefined)
  let areas: unknown[] | undefined
  if (row.district_geojson?.trim()) {
    try {
      areas = [JSON.parse(row.district_geojson)]
    } catch {
      return { error: { line, field: 'district_geojson', reason: 'not valid JSON' } }
    }
  }
  return {
    value: {
      code: row.code?.trim(),
      kind: row.kind?.trim(),
      country: row.country?.trim().toUpperCase(),
      name: { 'zh-CN': row.name_zh ?? '', en: row.name_en ?? '' },
      city: { 'zh-CN': row.city_zh ?? '', en: row.city_en ?? '' },
      address: row.address,
      phone: row.phone,
      email: row.email?.trim() || undefined,
      lat: num(row.lat),
      lon: num(row.lon),
      district: {
        countries: row.district_countries?.trim()
          ? row.district_countries.split(/[\s;|]+/).map((c) => c.trim().toUpperCase())
          : undefined,
        areas,
      },
    },
  }
}

function readCsv(source: string): {
  rows: Array<{ value?: unknown; line: number }>
  errors: MissionFileError[]
} {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>
  try {
    records = parse(source.replace(/^\uFEFF/, ''), {
      columns: true,
      skip_empty_lines: true,
      info: true,
      relax_column_count: false,
    })
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1
    return { rows: [], errors: [{ line, reason: (e as Error).message }] }
  }
  const header = Object.keys(records[0]?.record ?? {})
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c))
  if (records.length > 0 && missing.length > 0)
    return { rows: [], errors: [{ line: 1, reason: `missing columns: ${missing.join(', ')}` }] }
  const rows: Array<{ value?: unknown; line: number }> = []
  const errors: MissionFileError[] = []
  for (const { record, info } of records) {
    const { value, error } = fromCsvRow(record, info.lines)
    if (error) errors.push(error)
    else rows.push({ value, line: info.lines })
  }
  return { rows, errors }
}

function readJson(source: string): {
  rows: Array<{ value?: unknown; line: number }>
  errors: MissionFileError[]
} {
  let data: unknown
  try {
    data = JSON.parse(source)
  } catch (e) {
    return { rows: [], errors: [{ line: 1, reason: `not valid JSON: ${(e as Error).message}` }] }
  }
  const list = Array.isArray(data) ? data : (data as { missions?: unknown })?.missions
  if (!Array.isArray(list)) return { rows: [], errors: [{ line: 1, reason: 'expected a list of missions' }] }
  return { rows: list.map((value, i) => ({ value, line: i + 1 })), errors: [] }
}

/** Reads a ministry's mission list in full: every mission valid, or every error with where it is. */
export function parseMissionFile(
  source: string,
  format: 'json' | 'csv',
  knownCountries: ReadonlySet<string>,
): MissionFileResult {
  const { rows, errors } = format === 'csv' ? readCsv(source) : readJson(source)
  const missions: MissionRecord[] = []
  const seen = new Set<string>()
  for (const row of rows) {
    const checked = checkOne(row.value, row.line, knownCountries, seen)
    errors.push(...checked.errors)
    if (checked.mission) missions.push(checked.mission)
  }
  if (errors.length === 0 && missions.length === 0)
    errors.push({ line: 1, reason: 'the file holds no missions' })
  return errors.length > 0 ? { ok: false, errors } : { ok: true, missions }
}
