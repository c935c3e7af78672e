import countries from 'i18n-iso-countries'
import type { XmlElement } from 'libxml2-wasm'
import { childElements, childText } from '../../../platform/xml/dom.ts'
import { withUntrustedXml, XmlInputError } from '../../../platform/xml/parse.ts'
import { alertError } from '../alerts.errors.ts'
import { formatCapCircle, formatCapPolygon, isValidLatLon, type LatLon } from '../cap/cap.geometry.ts'
import type { CapAlertInput, CapInfo, CapNamedValue } from '../cap/cap.model.ts'
import { formatCapDateTime } from '../cap/cap.time.ts'
import { earthquakeRadiusKm } from './earthquake.ts'
import { clip, type FeedResult, feedCollector } from './feed.result.ts'

/**
 * The GDACS RSS feed (www.gdacs.org/xml/rss.xml) as CAP alerts, one per event episode:
 * `identifier` is event type, event id and episode id ("TC1000643-1"), `incidents` the event
 * ("TC1000643"). The country goes into `areaDesc` and parameters, not into a geocode, because a
 * geocode would widen the area (CAP areas are the union of their shapes) to the whole country.
 */

const GDACS = 'http://www.gdacs.org'
const GEORSS = 'http://www.georss.org/georss'
const GEO = 'http://www.w3.org/2003/01/geo/wgs84_pos#'

export interface GdacsOptions {
  sender?: string
  /** How long after publication the alert stays in force. */
  lifetimeHours?: number
}

/**
 * `box`: the event covers a region, and gdacs:bbox (when it holds the point) is its extent. `circle`:
 * the event has a centre, and the bbox is only a map frame around it (for EQ, exactly ±4°), far
 * wider than the harm. The radius is the reach of a typical event of the kind.
 */
type Kind = Pick<CapInfo, 'event' | 'category' | 'urgency' | 'certainty'> & {
  shape: 'box' | 'circle'
  radiusKm: number
}

const hazardKind = (
  event: string,
  category: CapInfo['category'][number],
  urgency: CapInfo['urgency'],
  certainty: CapInfo['certainty'],
  shape: Kind['shape'],
  radiusKm: number,
): Kind => ({ event, category: [category], urgency, certainty, shape, radiusKm })

const KINDS: Record<string, Kind> = {
  EQ: hazardKind('Earthquake', 'Geo', 'Past', 'Observed', 'circle', 100),
  TC: hazardKind('Tropical cyclone', 'Met', 'Expected', 'Likely', 'box', 300),
  FL: hazardKind('Flood', 'Met', 'Immediate', 'Observed', 'box', 50),
  VO: hazardKind('Volcanic eruption', 'Geo', 'Immediate', 'Observed', 'circle', 30),
  DR: hazardKind('Drought', 'Env', 'Expected', 'Observed', 'box', 200),
  WF: hazardKind('Wildfire', 'Fire', 'Immediate', 'Observed', 'circle', 30),
}

const otherKind = (type: string) =>
  hazardKind(`GDACS event ${type}`, 'Other', 'Unknown', 'Unknown', 'box', 50)

/** GDACS: Green no international help expected, Orange a possible national disaster, Red a likely one. */
const SEVERITY: Record<string, CapInfo['severity']> = { green: 'Minor', orange: 'Severe', red: 'Extreme' }

const present = (s: string | undefined) => (s?.trim() ? s.trim() : undefined)
const gdacs = (item: XmlElement, name: string) => present(childText(item, GDACS, name))
const rss = (item: XmlElement, name: string) => present(childText(item, '', name))

const numbers = (text: string | undefined) => (text ?? '').trim().split(/\s+/).filter(Boolean).map(Number)

/** georss:point is "lat lon"; older items carry geo:Point with geo:lat and geo:long instead. */
function pointOf(item: XmlElement): LatLon | undefined {
  const [lat, lon] = numbers(childText(item, GEORSS, 'point'))
  if (isValidLatLon(lat, lon)) return { lat: lat as number, lon: lon as number }
  const geo = childElements(item, GEO, 'Point')[0]
  const point = geo && { lat: Number(childText(geo, GEO, 'lat')), lon: Number(childText(geo, GEO, 'long')) }
  return point && isValidLatLon(point.lat, point.lon) ? point : undefined
}

/**
 * gdacs:bbox is "lonmin lonmax latmin latmax". A box across the antimeridian, or one that misses the
 * event's own point (GDACS frames a cyclone's forecast track, not where it is), is left to the point.
 */
function boxOf(item: XmlElement, point: LatLon | undefined): string | undefined {
  const box = numbers(gdacs(item, 'bbox'))
  if (box.length !== 4) return undefined
  const [west = 0, east = 0, south = 0, north = 0] = box
  if (!isValidLatLon(south, west) || !isValidLatLon(north, east) || west >= east || south >= north)
    return undefined
  if (point && (point.lat < south || point.lat > north || point.lon < west || point.lon > east))
    return undefined
  const corners = [
    { lat: south, lon: west },
    { lat: south, lon: east },
    { lat: north, lon: east },
    { lat: north, lon: west },
  ]
  return formatCapPolygon(corners)
}

function parametersOf(item: XmlElement): CapNamedValue[] {
  const iso3 = gdacs(item, 'iso3')
  const alpha2 = iso3 ? countries.alpha3ToAlpha2(iso3.toUpperCase()) : undefined
  const severity = childElements(item, GDACS, 'severity')[0]
  const pairs: Array<[string, string | undefined]> = [
    ['gdacsAlertLevel', gdacs(item, 'alertlevel')],
    ['gdacsAlertScore', gdacs(item, 'alertscore')],
    ['gdacsEventName', gdacs(item, 'eventname')],
    ['gdacsSeverity', present(severity?.content)],
    ['gdacsSeverityValue', present(severity?.attr('value')?.value)],
    ['gdacsSeverityUnit', present(severity?.attr('unit')?.value)],
    ['gdacsPopulation', present(childElements(item, GDACS, 'population')[0]?.content)],
    ['gdacsVulnerability', gdacs(item, 'vulnerability')],
    ['country', gdacs(item, 'country')],
    ['iso3166Alpha3', iso3],
    ['iso3166Alpha2', alpha2],
  ]
  return pairs
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([valueName, value]) => ({ valueName, value: clip(value, 2000) }))
}

/** For earthquakes GDACS gives the magnitude as gdacs:severity's value, in unit "M". */
function radiusOf(item: XmlElement, kind: Kind): number {
  const severity = childElements(item, GDACS, 'severity')[0]
  const magnitude = Number(severity?.attr('value')?.value)
  const isMagnitude = kind.event === 'Earthquake' && severity?.attr('unit')?.value === 'M'
  return isMagnitude && Number.isFinite(magnitude) ? earthquakeRadiusKm(magnitude) : kind.radiusKm
}

type ItemResult = { ok: true; alert: CapAlertInput } | { ok: false; reason: string }

function toAlert(item: XmlElement, type: string, eventKey: string, opts: Required<GdacsOptions>): ItemResult {
  const episode = gdacs(item, 'episodeid')
  const published = Date.parse(rss(item, 'pubDate') ?? '')
  if (Number.isNaN(published)) return { ok: false, reason: 'pubDate is missing or not a date' }
  const kind = KINDS[type] ?? otherKind(type)
  const point = pointOf(item)
  const box = boxOf(item, point)
  const polygon = box && (kind.shape === 'box' || !point) ? box : undefined
  if (!point && !polygon) return { ok: false, reason: 'neither a valid georss:point nor a valid gdacs:bbox' }
  const area = {
    areaDesc: clip(gdacs(item, 'country') ?? gdacs(item, 'eventname') ?? `${kind.event} ${eventKey}`, 2000),
    polygon: polygon ? [polygon] : [],
    circle: !polygon && point ? [formatCapCircle({ center: point, radiusKm: radiusOf(item, kind) })] : [],
  }
  const { radiusKm: _radius, shape: _shape, ...info } = kind
  const title = rss(item, 'title')
  const description = rss(item, 'description')
  return {
    ok: true,
    alert: {
      identifier: episode ? `${eventKey}-${episode}` : eventKey,
      sender: opts.sender,
      sent: formatCapDateTime(new Date(published)),
      status: 'Actual',
      msgType: 'Alert',
      scope: 'Public',
      incidents: eventKey,
      info: [
        {
          ...info,
          language: 'en-US',
          severity: SEVERITY[gdacs(item, 'alertlevel')?.toLowerCase() ?? ''] ?? 'Unknown',
          expires: formatCapDateTime(new Date(published + opts.lifetimeHours * 3_600_000)),
          senderName: 'GDACS, Global Disaster Alert and Coordination System',
          headline: title && clip(title),
          description: description && clip(description, 20_000),
          web: rss(item, 'link'),
          parameter: parametersOf(item),
          area: [area],
        },
      ],
    },
  }
}

/** Reads a GDACS RSS document. A body that is not XML, or not RSS, throws; a bad item is skipped. */
export function parseGdacsRss(body: Buffer | string, options: GdacsOptions = {}): FeedResult {
  const opts: Required<GdacsOptions> = {
    sender: options.sender ?? 'gdacs.org',
    lifetimeHours: options.lifetimeHours ?? 72,
  }
  const out = feedCollector()
  try {
    withUntrustedXml(body, (doc) => {
      const channel = doc.root.name === 'rss' ? childElements(doc.root, '', 'channel')[0] : undefined
      if (!channel) throw alertError('feed.gdacs_invalid', 'Not an RSS document: expected <rss><channel>.')
      childElements(channel, '', 'item').forEach((item, index) => {
        const type = gdacs(item, 'eventtype')?.toUpperCase()
        const eventId = gdacs(item, 'eventid')
        const id = type && eventId ? `${type}${eventId}` : (rss(item, 'guid') ?? `#${index}`)
        const result: ItemResult =
          type && eventId
            ? toAlert(item, type, id, opts)
            : { ok: false, reason: 'gdacs:eventtype or gdacs:eventid is missing' }
        if (result.ok) out.keep(id, result.alert)
        else out.skip(id, result.reason)
      })
    })
  } catch (err) {
    if (err instanceof XmlInputError) throw alertError(`feed.${err.problem}`, err.message)
    throw err
  }
  return out.result
}
