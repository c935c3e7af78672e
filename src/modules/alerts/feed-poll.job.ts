import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { defineJob } from '../../platform/queue/job.ts'
import { childElements } from '../../platform/xml/dom.ts'
import { withUntrustedXml } from '../../platform/xml/parse.ts'
import { type FeedKind, type IngestSummary, ingestCapXml, ingestFeed } from './alert.ingest.ts'

export const feedPollJobType = {
  name: 'alerts.poll-feeds',
  payload: z.object({}),
}

const MAX_BYTES = 10 * 1_048_576
/** An index of CAP messages (Atom or RSS) is followed this far per poll. */
const MAX_CAP_LINKS = 50

/** One retry on a network error: a kept-alive connection the other side just closed is common. */
async function fetchOnce(url: string, retried = false): Promise<Response> {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(20_000), redirect: 'follow' })
  } catch (err) {
    if (retried || !(err instanceof TypeError)) throw err
    return fetchOnce(url, true)
  }
}

async function fetchBody(url: string): Promise<Buffer> {
  const res = await fetchOnce(url)
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  const length = Number(res.headers.get('content-length') ?? 0)
  if (length > MAX_BYTES) throw new Error(`body of ${length} bytes is over ${MAX_BYTES}`)
  const body = Buffer.from(await res.arrayBuffer())
  if (body.length > MAX_BYTES) throw new Error(`body of ${body.length} bytes is over ${MAX_BYTES}`)
  return body
}

/** The CAP links of an Atom or RSS index; null when the document is a CAP message itself. */
function capLinks(body: Buffer, base: string): string[] | null {
  return withUntrustedXml(body, (doc) => {
    const root = doc.root
    if (root.name === 'alert') return null
    const items =
      root.name === 'feed'
        ? childElements(root, undefined, 'entry')
        : childElements(childElements(root)[0] ?? root, undefined, 'item')
    const links: string[] = []
    for (const item of items) {
      for (const link of childElements(item, undefined, 'link')) {
        const href = link.attr('href')?.value ?? link.content.trim()
        const type = link.attr('type')?.value ?? ''
        if (href && (type.includes('cap') || /\.(cap|xml)(\?|$)/.test(href)))
          links.push(new URL(href, base).href)
      }
    }
    return [...new Set(links)].slice(0, MAX_CAP_LINKS)
  })
}

async function pollCap(ctx: AppContext, url: string): Promise<IngestSummary> {
  const body = await fetchBody(url)
  const links = capLinks(body, url)
  const summary: IngestSummary = { created: [], held: [], skipped: [] }
  for (const [link, text] of links === null
    ? [[url, body] as const]
    : await Promise.all(links.map(async (l) => [l, await fetchBody(l)] as const))) {
    try {
      const r = await ingestCapXml(ctx, null, text)
      ;(r.created ? summary.created : summary.held).push(r.alert.id)
    } catch (err) {
      summary.skipped.push({ id: link, reason: (err as Error).message })
    }
  }
  return summary
}

/** Polls each configured feed once, records how it went, and never lets one feed stop the others. */
export async function pollFeeds(ctx: AppContext): Promise<void> {
  const { feeds, minMagnitude } = ctx.config.alertFeeds
  for (const feed of feeds) {
    const at = new Date()
    try {
      const summary =
        feed.kind === 'cap'
          ? await pollCap(ctx, feed.url)
          : await ingestFeed(ctx, null, feed.kind as FeedKind, await fetchBody(feed.url), { minMagnitude })
      const counts = {
        created: summary.created.length,
        held: summary.held.length,
        skipped: summary.skipped.length,
      }
      await ctx.db
        .insertInto('alert_feed_polls')
        .values({
          url: feed.url,
          kind: feed.kind,
          last_polled_at: at,
          last_ok_at: at,
          last_error: null,
          ...counts,
        })
        .onConflict((oc) =>
          oc.column('url').doUpdateSet({ last_polled_at: at, last_ok_at: at, last_error: null, ...counts }),
        )
        .execute()
    } catch (err) {
      const message = (err as Error).message.slice(0, 1000)
      ctx.log.warn({ feed: feed.url, err }, 'alert feed poll failed')
      await ctx.db
        .insertInto('alert_feed_polls')
        .values({ url: feed.url, kind: feed.kind, last_polled_at: at, last_error: message })
        .onConflict((oc) => oc.column('url').doUpdateSet({ last_polled_at: at, last_error: message }))
        .execute()
    }
  }
}

/** Polls, then queues the next poll: one chain per deployment (a `stately` queue holds one waiting job), surviving restarts. */
export function feedPollJob(ctx: AppContext) {
  const next = (startAfter?: Date) => ctx.queue.send(feedPollJobType, {}, startAfter ? { startAfter } : {})
  return defineJob({
    ...feedPollJobType,
    retryLimit: 0,
    policy: 'stately',
    async handle() {
      try {
        await pollFeeds(ctx)
      } finally {
        await next(new Date(Date.now() + ctx.config.alertFeeds.intervalSeconds * 1000))
      }
    },
    async resume() {
      if (ctx.config.alertFeeds.feeds.length > 0) await next()
    },
  })
}
