import { describe, expect, it } from 'vitest'
import { type AtomEntry, atomFeed, EMPTY_FEED_UPDATED } from './atom.ts'

const feed = (entries: AtomEntry[], updated?: Date | string) =>
  atomFeed({
    id: 'urn:test:feed',
    title: 'Test',
    links: [{ rel: 'self', href: 'https://lingshi.example/feed.atom' }],
    entries,
    ...(updated === undefined ? {} : { updated }),
  })
const feedUpdated = (xml: string) => xml.match(/^ {2}<updated>([^<]+)<\/updated>$/m)?.[1]
const entry = (id: string, updated: Date | string): AtomEntry => ({ id, title: id, updated })

describe('the Atom writer', () => {
  it('gives an empty feed a fixed time, never 1970, whatever it is given', () => {
    expect(feedUpdated(feed([]))).toBe(EMPTY_FEED_UPDATED)
    expect(feedUpdated(feed([], new Date(0)))).toBe(EMPTY_FEED_UPDATED)
    expect(feedUpdated(feed([], new Date(0)))).not.toMatch(/^1970/)
  })

  it('says when the newest entry changed, or the later time the caller knows', () => {
    const entries = [entry('a', '2024-05-01T08:00:00+08:00'), entry('b', new Date('2024-05-02T00:00:00Z'))]
    expect(feedUpdated(feed(entries))).toBe('2024-05-02T00:00:00.000Z')
    expect(feedUpdated(feed(entries, new Date('2024-05-03T00:00:00Z')))).toBe('2024-05-03T00:00:00.000Z')
    expect(feedUpdated(feed(entries, new Date(0)))).toBe('2024-05-02T00:00:00.000Z')
  })
})
