import type { AppContext } from '../../context.ts'
import { callsSince } from './queue.repository.ts'
import type { Called } from './queue.schema.ts'
import { isoInZone } from './zoned-time.ts'

type Listener = (c: Called) => void

interface Feed {
  listeners: Set<Listener>
  since: Date
  timer: NodeJS.Timeout
  busy: boolean
}

/** How often a location with someone listening is asked for new calls (every instance sees every call). */
const POLL_MS = 1_000

/**
 * Calls of each location, fanned out to the event streams that listen to it. One poll of the
 * database per location and instance while anyone listens, so a call made on any instance reaches
 * every display.
 */
export class QueueFeeds {
  private readonly feeds = new Map<string, Feed>()

  constructor(private readonly ctx: AppContext) {}

  listen(mission: string, location: string, timezone: string, listener: Listener): () => void {
    const key = `${mission}/${location}`
    let feed = this.feeds.get(key)
    if (!feed) {
      const created: Feed = {
        listeners: new Set(),
        since: new Date(),
        busy: false,
        timer: setInterval(() => void this.poll(created, mission, location, timezone), POLL_MS),
      }
      created.timer.unref()
      this.feeds.set(key, created)
      feed = created
    }
    feed.listeners.add(listener)
    const f = feed
    return () => {
      f.listeners.delete(listener)
      if (f.listeners.size === 0) {
        clearInterval(f.timer)
        this.feeds.delete(key)
      }
    }
  }

  private async poll(feed: Feed, mission: string, location: string, timezone: string): Promise<void> {
    if (feed.busy) return
    feed.busy = true
    try {
      const rows = await callsSince(this.ctx.db, mission, location, feed.since)
      for (const r of rows) {
        if (!r.called_at) continue
        if (r.called_at > feed.since) feed.since = r.called_at
        const event = { ticket: r.ticket, counter: r.counter ?? 0, at: isoInZone(r.called_at, timezone) }
        for (const l of feed.listeners) l(event)
      }
    } catch (err) {
      this.ctx.log.warn({ err }, 'queue feed poll failed')
    } finally {
      feed.busy = false
    }
  }

  close(): void {
    for (const f of this.feeds.values()) clearInterval(f.timer)
    this.feeds.clear()
  }
}
