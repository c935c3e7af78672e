import type { AppContext } from '../../context.ts'
import { recentPublished } from './advisory.repository.ts'
import type { FeedEntry } from './atom.ts'
import { recentRegionPublished } from './region.repository.ts'

/** The latest published changes, countries and regions together, newest first. */
export async function feedEntries(ctx: AppContext, limit: number): Promise<FeedEntry[]> {
  const [countries, regions] = await Promise.all([
    recentPublished(ctx.db, limit),
    recentRegionPublished(ctx.db, limit),
  ])
  const entries: FeedEntry[] = [
    ...countries.map((c) => ({ ...c, region: null })),
    ...regions.map(({ region_key, region_zh, region_en, retired, ...r }) => ({
      ...r,
      region: { key: region_key, name_zh: region_zh, name_en: region_en, retired },
    })),
  ]
  const at = (e: FeedEntry) => new Date(e.published_at ?? 0).getTime()
  return entries.sort((a, b) => at(b) - at(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, limit)
}
