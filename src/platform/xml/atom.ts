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
  updated: Date | string
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
    `<updated>${escapeXml(time(feed.updated))}</updated>`,
    ...(feed.author === undefined ? [] : [`<author><name>${escapeXml(feed.author)}</name></author>`]),
  ]
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"${namespaces}${attrs([['xml:lang', feed.lang]])}>
${head.map((l) => `  ${l}\n`).join('')}${feed.entries.map(entryXml).join('')}</feed>
`
}
