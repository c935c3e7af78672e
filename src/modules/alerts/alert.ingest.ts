import type { AppContext } from '../../context.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { Principal } from '../../platform/http/access.ts'
import type { AlertOrigin } from './alert.schema.ts'
import { type Created, createAlert } from './alert.service.ts'
import { parseCapXml } from './cap/cap.xml.ts'
import type { FeedResult, FeedSkip } from './feeds/feed.result.ts'
import { parseGdacsRss } from './feeds/gdacs.ts'
import { parseUsgsFeed } from './feeds/usgs.ts'

/**
 * A CAP message from outside becomes a draft for a duty officer, its reach counted: validated
 * first (XSD and CAP rules), then a message already held returns the alert we have. Nothing is
 * sent without a person.
 */
export async function ingestCapXml(
  ctx: AppContext,
  principal: Principal | null,
  body: Buffer | string,
): Promise<Created> {
  const cap = parseCapXml(body)
  return createAlert(ctx, principal, { cap, safetyCheck: true, origin: 'cap' })
}

export type FeedKind = 'usgs' | 'gdacs'

export interface IngestSummary {
  readonly created: string[]
  readonly held: string[]
  readonly skipped: FeedSkip[]
}

/** Each item of a hazard feed becomes a draft alert (or is already held); one bad item never sinks the batch. */
export async function ingestFeed(
  ctx: AppContext,
  principal: Principal | null,
  kind: FeedKind,
  body: Buffer | string | unknown,
  options: { minMagnitude?: number } = {},
): Promise<IngestSummary> {
  const parsed: FeedResult =
    kind === 'usgs'
      ? parseUsgsFeed(body, { minMagnitude: options.minMagnitude })
      : parseGdacsRss(body as Buffer | string)
  const summary = { created: [] as string[], held: [] as string[], skipped: [...parsed.skipped] }
  const origin: AlertOrigin = kind
  for (const cap of parsed.alerts) {
    try {
      const r = await createAlert(ctx, principal, { cap, safetyCheck: true, origin })
      ;(r.created ? summary.created : summary.held).push(r.alert.id)
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err
      summary.skipped.push({ id: cap.identifier, reason: `${err.code}: ${err.message}` })
    }
  }
  return summary
}
