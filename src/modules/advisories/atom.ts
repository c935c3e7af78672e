import { atomFeed } from '../../platform/xml/atom.ts'
import { levelInfo } from './levels.ts'

export interface FeedEntry {
  id: string
  country: string
  version: number | null
  level: number
  summary_zh: string
  summary_en: string
  published_at: Date | null
  name_zh: string
  name_en: string
  /** Set when the change is to a region of the country. */
  region: { key: string; name_zh: string; name_en: string; retired: boolean } | null
}

function entryTitle(e: FeedEntry, en: boolean): string {
  const info = levelInfo(e.level)
  const r = e.region
  if (!r)
    return en
      ? `${e.name_en}: level ${e.level}, ${info.label.en}`
      : `${e.name_zh}：${info.label['zh-CN']}（${e.level}级）`
  if (r.retired)
    return en
      ? `${e.name_en}, ${r.name_en}: regional advisory lifted`
      : `${e.name_zh}${r.name_zh}：地区旅行提醒已解除`
  return en
    ? `${e.name_en}, ${r.name_en}: level ${e.level}, ${info.label.en}`
    : `${e.name_zh}${r.name_zh}：${info.label['zh-CN']}（${e.level}级）`
}

/** An Atom 1.0 feed (RFC 4287) of published advisory changes, in one language. */
export function advisoriesAtom(entries: FeedEntry[], lang: 'zh-CN' | 'en', baseUrl: string): string {
  const en = lang === 'en'
  const self = `${baseUrl}/api/v1/feeds/advisories.atom?lang=${lang}`
  return atomFeed({
    id: self,
    title: en ? 'Lingshi travel advisories' : '领事 旅行提醒',
    links: [{ rel: 'self', href: self }, { href: `${baseUrl}/advisories` }],
    updated: new Date(entries[0]?.published_at ?? 0),
    author: en ? 'Lingshi consular service' : '领事服务平台',
    lang,
    entries: entries.map((e) => {
      const path = e.region ? `${e.country}/regions/${e.region.key}` : e.country
      return {
        id: `urn:uuid:${e.id}`,
        title: entryTitle(e, en),
        links: [{ href: `${baseUrl}/advisories/${path}` }],
        updated: new Date(e.published_at ?? 0),
        categories: [{ term: e.country, label: en ? e.name_en : e.name_zh }],
        summary: en ? e.summary_en : e.summary_zh,
      }
    }),
  })
}
