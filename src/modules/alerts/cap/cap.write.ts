import { type AtomEntry, atomFeed } from '../../../platform/xml/atom.ts'
import { escapeXml } from '../../../platform/xml/escape.ts'
import { CAP_NAMESPACE } from './cap.map.ts'
import type { CapAlert, CapArea, CapInfo, CapNamedValue } from './cap.model.ts'
import { toCapDateTime } from './cap.time.ts'

/** xs:decimal has no exponent form, which String() uses for very large or small numbers. */
function decimal(n: number): string {
  const s = String(n)
  return /e/i.test(s) ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : s
}

type Lines = string[]

const leaf = (indent: string, name: string, value: string | undefined): Lines =>
  value === undefined ? [] : [`${indent}<${name}>${escapeXml(value)}</${name}>`]

const leaves = (indent: string, name: string, values: string[]): Lines =>
  values.flatMap((v) => leaf(indent, name, v))

const group = (indent: string, name: string, body: (inner: string) => Lines): Lines => [
  `${indent}<${name}>`,
  ...body(`${indent}  `),
  `${indent}</${name}>`,
]

const namedValues = (indent: string, name: string, values: CapNamedValue[]): Lines =>
  values.flatMap((v) =>
    group(indent, name, (i) => [...leaf(i, 'valueName', v.valueName), ...leaf(i, 'value', v.value)]),
  )

const optionalNumber = (n: number | undefined) => (n === undefined ? undefined : decimal(n))
const optionalTime = (t: string | undefined) => (t === undefined ? undefined : toCapDateTime(t))

const areaLines = (indent: string, area: CapArea): Lines =>
  group(indent, 'area', (i) => [
    ...leaf(i, 'areaDesc', area.areaDesc),
    ...leaves(i, 'polygon', area.polygon),
    ...leaves(i, 'circle', area.circle),
    ...namedValues(i, 'geocode', area.geocode),
    ...leaf(i, 'altitude', optionalNumber(area.altitude)),
    ...leaf(i, 'ceiling', optionalNumber(area.ceiling)),
  ])

const infoLines = (indent: string, info: CapInfo): Lines =>
  group(indent, 'info', (i) => [
    ...leaf(i, 'language', info.language),
    ...leaves(i, 'category', info.category),
    ...leaf(i, 'event', info.event),
    ...leaves(i, 'responseType', info.responseType),
    ...leaf(i, 'urgency', info.urgency),
    ...leaf(i, 'severity', info.severity),
    ...leaf(i, 'certainty', info.certainty),
    ...leaf(i, 'audience', info.audience),
    ...namedValues(i, 'eventCode', info.eventCode),
    ...leaf(i, 'effective', optionalTime(info.effective)),
    ...leaf(i, 'onset', optionalTime(info.onset)),
    ...leaf(i, 'expires', optionalTime(info.expires)),
    ...leaf(i, 'senderName', info.senderName),
    ...leaf(i, 'headline', info.headline),
    ...leaf(i, 'description', info.description),
    ...leaf(i, 'instruction', info.instruction),
    ...leaf(i, 'web', info.web),
    ...leaf(i, 'contact', info.contact),
    ...namedValues(i, 'parameter', info.parameter),
    ...info.resource.flatMap((r) =>
      group(i, 'resource', (j) => [
        ...leaf(j, 'resourceDesc', r.resourceDesc),
        ...leaf(j, 'mimeType', r.mimeType),
        ...leaf(j, 'size', optionalNumber(r.size)),
        ...leaf(j, 'uri', r.uri),
        ...leaf(j, 'derefUri', r.derefUri),
        ...leaf(j, 'digest', r.digest),
      ]),
    ),
    ...info.area.flatMap((a) => areaLines(i, a)),
  ])

/**
 * The alert as a CAP 1.2 document (UTF-8) that the official schema accepts, elements in the schema's
 * order; times go through `toCapDateTime`, since the schema's pattern refuses "Z" and fractions.
 */
export function toCapXml(alert: CapAlert): string {
  const references = alert.references.map((r) => `${r.sender},${r.identifier},${toCapDateTime(r.sent)}`)
  const body = [
    ...leaf('  ', 'identifier', alert.identifier),
    ...leaf('  ', 'sender', alert.sender),
    ...leaf('  ', 'sent', toCapDateTime(alert.sent)),
    ...leaf('  ', 'status', alert.status),
    ...leaf('  ', 'msgType', alert.msgType),
    ...leaf('  ', 'source', alert.source),
    ...leaf('  ', 'scope', alert.scope),
    ...leaf('  ', 'restriction', alert.restriction),
    ...leaf('  ', 'addresses', alert.addresses),
    ...leaves('  ', 'code', alert.code),
    ...leaf('  ', 'note', alert.note),
    ...leaf('  ', 'references', references.length > 0 ? references.join(' ') : undefined),
    ...leaf('  ', 'incidents', alert.incidents),
    ...alert.info.flatMap((info) => infoLines('  ', info)),
  ]
  return `<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="${CAP_NAMESPACE}">\n${body.join('\n')}\n</alert>\n`
}

export interface CapFeedEntry {
  alert: CapAlert
  /** Where this alert's CAP XML is served. */
  capUrl: string
  /** A page for people, if there is one. */
  pageUrl?: string
}

export interface CapFeedOptions {
  title: string
  selfUrl: string
  id: string
  /** When the feed last changed, if later than its newest entry (platform/xml/atom.ts). */
  updated?: Date | string
  author?: string
  /** Which `info` block to summarise: the first whose language starts with this, else the first. */
  language?: string
}

function pickInfo(alert: CapAlert, language: string | undefined): CapInfo | undefined {
  const wanted = language?.toLowerCase()
  return (wanted && alert.info.find((i) => i.language.toLowerCase().startsWith(wanted))) || alert.info[0]
}

function capEntry(e: CapFeedEntry, language: string | undefined): AtomEntry {
  const { alert } = e
  const info = pickInfo(alert, language)
  const cap = (name: string, value: string | undefined) =>
    value === undefined ? [] : [{ prefix: 'cap', name, value }]
  const areaDesc = info?.area.map((a) => a.areaDesc).join('; ')
  return {
    id: e.capUrl,
    title: info?.headline ?? info?.event ?? `${alert.msgType}: ${alert.identifier}`,
    updated: toCapDateTime(alert.sent),
    links: [
      { rel: 'alternate', type: 'application/cap+xml', href: e.capUrl },
      ...(e.pageUrl ? [{ rel: 'related', type: 'text/html', href: e.pageUrl }] : []),
    ],
    author: info?.senderName ?? alert.sender,
    summary: info?.description ?? info?.headline,
    extensions: [
      ...cap('identifier', alert.identifier),
      ...cap('sender', alert.sender),
      ...cap('sent', toCapDateTime(alert.sent)),
      ...cap('status', alert.status),
      ...cap('msgType', alert.msgType),
      ...cap('scope', alert.scope),
      ...cap('event', info?.event),
      ...cap('urgency', info?.urgency),
      ...cap('severity', info?.severity),
      ...cap('certainty', info?.certainty),
      ...cap('effective', optionalTime(info?.effective)),
      ...cap('onset', optionalTime(info?.onset)),
      ...cap('expires', optionalTime(info?.expires)),
      ...cap('areaDesc', areaDesc || undefined),
    ],
  }
}

/**
 * An Atom index of alerts as peers publish them (the US NWS, MeteoAlarm): one entry per alert, linking
 * to its CAP XML and repeating the fields a reader filters on as `cap:` elements.
 */
export function capAtomFeed(entries: CapFeedEntry[], options: CapFeedOptions): string {
  return atomFeed({
    id: options.id,
    title: options.title,
    updated: options.updated,
    links: [{ rel: 'self', type: 'application/atom+xml', href: options.selfUrl }],
    author: options.author ?? 'Lingshi consular service',
    namespaces: { cap: CAP_NAMESPACE },
    entries: entries.map((e) => capEntry(e, options.language)),
  })
}
