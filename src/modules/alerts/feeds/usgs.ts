import { z } from 'zod'
import { alertError } from '../alerts.errors.ts'
import { formatCapCircle, isValidLatLon } from '../cap/cap.geometry.ts'
import type { CapAlertInput, CapNamedValue } from '../cap/cap.model.ts'
import { formatCapDateTime } from '../cap/cap.time.ts'
import { earthquakeRadiusKm, earthquakeSeverity } from './earthquake.ts'
import { clip, type FeedResult, feedCollector } from './feed.result.ts'

/**
 * The USGS earthquake summary feed (GeoJSON, earthquake.usgs.gov/earthquakes/feed/v1.0/summary/)
 * as CAP alerts, one per event revision: `identifier` is the USGS event id and its `updated`
 * time, so polling the same feed again gives the same identifiers, and `incidents` is the event id
 * that ties an event's revisions together.
 */

export interface UsgsOptions {
  /** Events below this magnitude, or of unknown magnitude, are skipped. */
  minMagnitude?: number
  /** The CAP sender; USGS publishes no CAP of its own for these feeds. */
  sender?: string
  /** How long after the origin time the alert stays in force. */
  lifetimeHours?: number
  /**
   * Event types left out: controlled blasts are not hazards to people. Every other type is kept,
   * including ones this list does not know, so a new natural type is never dropped silently.
   */
  excludedTypes?: string[]
}

export const USGS_EXCLUDED_TYPES = [
  'quarry blast',
  'explosion',
  'chemical explosion',
  'mining explosion',
  'experimental explosion',
  'sonic boom',
]

const nullableNumber = z.number().finite().nullish()
const nullableString = z.string().nullish()

const usgsFeature = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.array(z.number().nullable()).min(2) }),
  properties: z.object({
    mag: nullableNumber,
    magType: nullableString,
    place: nullableString,
    time: z.number().finite(),
    updated: nullableNumber,
    url: nullableString,
    title: nullableString,
    alert: nullableString,
    status: nullableString,
    tsunami: nullableNumber,
    type: nullableString,
    felt: nullableNumber,
  }),
})

const usgsFeed = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
})

type UsgsFeature = z.infer<typeof usgsFeature>

/** PAGER's estimate of losses says more about harm to people than magnitude does, so it wins when present. */
const PAGER_SEVERITY = { red: 'Extreme', orange: 'Severe', yellow: 'Moderate', green: 'Minor' } as const

function severityOf(mag: number | null | undefined, pager: string | null | undefined) {
  const level = pager?.toLowerCase()
  if (level && level in PAGER_SEVERITY) return PAGER_SEVERITY[level as keyof typeof PAGER_SEVERITY]
  return earthquakeSeverity(mag)
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

function parametersOf(f: UsgsFeature, depth: number | null | undefined): CapNamedValue[] {
  const p = f.properties
  const pairs: Array<[string, string | number | null | undefined]> = [
    ['magnitude', p.mag],
    ['magnitudeType', p.magType],
    ['depthKm', depth],
    ['pagerAlert', p.alert && p.alert.toLowerCase() in PAGER_SEVERITY ? p.alert.toLowerCase() : undefined],
    ['tsunamiFlag', p.tsunami === 1 ? '1' : undefined],
    ['feltReports', p.felt],
    ['usgsStatus', p.status],
  ]
  return pairs
    .filter((pair): pair is [string, string | number] => pair[1] !== null && pair[1] !== undefined)
    .map(([valueName, value]) => ({ valueName, value: String(value) }))
}

function toAlert(f: UsgsFeature, lat: number, lon: number, opts: Required<UsgsOptions>): CapAlertInput {
  const p = f.properties
  const depth = f.geometry.coordinates[2]
  const updated = p.updated ?? p.time
  const place = p.place?.trim() || `${lat.toFixed(3)}, ${lon.toFixed(3)}`
  const magnitude = p.mag === null || p.mag === undefined ? 'unknown magnitude' : `magnitude ${p.mag}`
  const depthText = typeof depth === 'number' ? ` at a depth of ${depth} km` : ''
  const origin = new Date(p.time)
  const event = capitalize(p.type?.trim() || 'earthquake')
  return {
    identifier: `${f.id}-${updated}`,
    sender: opts.sender,
    sent: formatCapDateTime(new Date(updated)),
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    incidents: f.id,
    info: [
      {
        language: 'en-US',
        category: ['Geo'],
        event,
        urgency: 'Past',
        severity: severityOf(p.mag, p.alert),
        certainty: 'Observed',
        onset: formatCapDateTime(origin),
        expires: formatCapDateTime(new Date(p.time + opts.lifetimeHours * 3_600_000)),
        senderName: 'USGS Earthquake Hazards Program',
        headline: clip(p.title?.trim() || `M ${p.mag ?? '?'} - ${place}`),
        description: `${event} of ${magnitude}${depthText}, ${place}, at ${origin.toISOString()}.`,
        web: p.url ?? undefined,
        parameter: parametersOf(f, depth),
        area: [
          {
            areaDesc: clip(place, 2000),
            circle: [formatCapCircle({ center: { lat, lon }, radiusKm: earthquakeRadiusKm(p.mag) })],
          },
        ],
      },
    ],
  }
}

/** Reads a USGS GeoJSON summary feed (parsed JSON, or its text). A body that is no such feed at all throws. */
export function parseUsgsFeed(feed: unknown, options: UsgsOptions = {}): FeedResult {
  const opts: Required<UsgsOptions> = {
    minMagnitude: options.minMagnitude ?? Number.NEGATIVE_INFINITY,
    sender: options.sender ?? 'usgs.gov',
    lifetimeHours: options.lifetimeHours ?? 24,
    excludedTypes: options.excludedTypes ?? USGS_EXCLUDED_TYPES,
  }
  const parsed = usgsFeed.safeParse(typeof feed === 'string' || Buffer.isBuffer(feed) ? readJson(feed) : feed)
  if (!parsed.success)
    throw alertError(
      'feed.usgs_invalid',
      'Not a USGS GeoJSON feed: expected a FeatureCollection with features.',
    )
  const out = feedCollector()
  parsed.data.features.forEach((raw, index) => {
    const item = usgsFeature.safeParse(raw)
    if (!item.success) {
      const issue = item.error.issues[0]
      out.skip(idOf(raw, index), `not a USGS event: ${issue?.path.join('.')}: ${issue?.message}`)
      return
    }
    const [lon, lat] = item.data.geometry.coordinates
    const reason = skipReason(item.data, opts)
    if (reason) out.skip(item.data.id, reason)
    else out.keep(item.data.id, toAlert(item.data, lat as number, lon as number, opts))
  })
  return out.result
}

function idOf(raw: unknown, index: number): string {
  const id = (raw as { id?: unknown } | null)?.id
  return typeof id === 'string' || typeof id === 'number' ? String(id) : `#${index}`
}

function skipReason(f: UsgsFeature, opts: Required<UsgsOptions>): string | undefined {
  const [lon, lat] = f.geometry.coordinates
  const type = f.properties.type?.trim().toLowerCase() ?? ''
  const mag = f.properties.mag
  if (!isValidLatLon(lat, lon)) return `coordinates [${lon}, ${lat}] are not a longitude and latitude`
  if (opts.excludedTypes.includes(type)) return `event type "${type}" is not a natural hazard`
  if (f.properties.status?.toLowerCase() === 'deleted') return 'deleted by USGS'
  const belowMinimum = mag === null || mag === undefined || mag < opts.minMagnitude
  if (opts.minMagnitude > Number.NEGATIVE_INFINITY && belowMinimum)
    return `magnitude ${mag ?? 'unknown'} is below the minimum ${opts.minMagnitude}`
  return undefined
}

function readJson(body: string | Buffer): unknown {
  try {
    return JSON.parse(body.toString().replace(/^\uFEFF/, ''))
  } catch {
    throw alertError('feed.usgs_invalid', 'The USGS feed is not valid JSON.')
  }
}
