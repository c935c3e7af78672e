import { escapeXml } from './escape.ts'

/** An Atom 1.0 (RFC 4287) writer shared by every feed the platform publishes. */

export interface AtomLink {
  href: string
  rel?: string
  type?: string
}

export interface AtomCategory {
  term: string
  label?: string
  scheme?: string
}

/** A simple element from another vocabulary, e.g. `<cap:severity>`; its prefix must be declared on the feed. */
export interface AtomExtension {
  prefix: string
  name: string
  value: string
}

export interface AtomEntry {
  id: string
  title: string
  /** A Date, or a string already in RFC 3339 form. */
  updated: Date | string
  links?: AtomLink[]
  categories?: AtomCategory[]
  author?: string
  summary?: string
  extensions?: AtomExtension[]
}

export interface AtomFeed {
  id: string
  title: string
  /**
   * When the feed last changed, if the caller knows a later time than its newest entry's (an alert's
   * sending after its CAP `sent`). The feed says the later of the two; with no entry, it says
   * EMPTY_FEED_UPDATED whatever it is given.
   */
  updated?: Date | string
  /** The first should be `rel="self"`, the feed's own address. */
  links: AtomLink[]
  /** Required by RFC 4287 unless every entry names its own author. */
  author?: string
  lang?: string
  /** Extra namespaces by prefix, for entries' extensions. */
  namespaces?: Record<string, string>
  entries: AtomEntry[]
}

const time = (t: Date | string) => (typeof t === 'string' ? t : t.toISOString())

/**
 * The `updated` of a feed with no entry yet. RFC 4287 requires one; a fixed time before anything
 * could be published means a reader polling an empty feed sees no change (where the Unix epoch,
 * a feed's old fallback, told readers it was last updated in 1970).
 */
export const EMPTY_FEED_UPDATED = '2026-01-01T00:00:00Z'

/** The newest entry's time, or the caller's if later; the fixed time for an empty feed. */
function feedUpdated(feed: AtomFeed): string {
  if (feed.entries.length === 0) return EMPTY_FEED_UPDATED
  const candidates = [
    ...feed.entries.map((e) => e.updated),
    ...(feed.updated === undefined ? [] : [feed.updated]),
  ]
  const latest = candidates.reduce((a, b) => (Date.parse(time(b)) > Date.parse(time(a)) ? b : a))
  return time(latest)
}

function attrs(pairs: Array<[string, string | undefined]>): string {
  return pairs
    .filter((p): p is [string, string] => p[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('')
}

const link = (l: AtomLink) =>
  `<link${attrs([
    ['rel', l.rel],
    ['type', l.type],
    ['href', l.href],
  ])}/>`

const category = (c: AtomCategory) =>
  `<category${attrs([
    ['term', c.term],
    ['scheme', c.scheme],
    ['label', c.label],
  ])}/>`

const extension = (x: AtomExtension) => `<${x.prefix}:${x.name}>${escapeXml(x.value)}</${x.prefix}:${x.name}>`

function entryXml(e: AtomEntry): string {
  const lines = [
    `<id>${escapeXml(e.id)}</id>`,
    `<title>${escapeXml(e.title)}</title>`,
    ...(e.links ?? []).map(link),
    `<updated>${escapeXml(time(e.updated))}</updated>`,
    ...(e.author === undefined ? [] : [`<author><name>${escapeXml(e.author)}</name></author>`]),
    ...(e.categories ?? []).map(category),
    ...(e.summary === undefined ? [] : [`<summary>${escapeXml(e.summary)}</summary>`]),
    ...(e.extensions ?? []).map(extension),
  ]
  return `  <entry>\n${lines.map((l) => `    ${l}\n`).join('')}  </entry>\n`
}

export function atomFeed(feed: AtomFeed): string {
  const namespaces = Object.entries(feed.namespaces ?? {})
    .map(([prefix, uri]) => ` xmlns:${prefix}="${escapeXml(uri)}"`)
    .join('')
  const head = [
    `<id>${escapeXml(feed.id)}</id>`,
    `<title>${escapeXml(feed.title)}</title>`,
    ...feed.links.map(link),
    `<updated>${escapeXml(feedUpdated(feed))}</updated>`,
    ...(feed.author === undefined ? [] : [`<author><name>${escapeXml(feed.author)}</name></author>`]),
  ]
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"${namespaces}${attrs([['xml:lang', feed.lang]])}>
${head.map((l) => `  ${l}\n`).join('')}${feed.entries.map(entryXml).join('')}</feed>
`
}
