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

const escapeXml = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  )

/** An Atom 1.0 feed (RFC 4287) of published advisory changes, in one language. */
export function advisoriesAtom(entries: FeedEntry[], lang: 'zh-CN' | 'en', baseUrl: string): string {
  const en = lang === 'en'
  const updated = entries[0]?.published_at ?? new Date(0)
  const items = entries.map((e) => {
    const title = entryTitle(e, en)
    const path = e.region ? `${e.country}/regions/${e.region.key}` : e.country
    const link = `${baseUrl}/advisories/${path}`
    return `  <entry>
    <id>urn:uuid:${e.id}</id>
    <title>${escapeXml(title)}</title>
    <link href="${escapeXml(link)}"/>
    <updated>${new Date(e.published_at ?? 0).toISOString()}</updated>
    <category term="${e.country}" label="${escapeXml(en ? e.name_en : e.name_zh)}"/>
    <summary>${escapeXml(en ? e.summary_en : e.summary_zh)}</summary>
  </entry>`
  })
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
  <id>${escapeXml(`${baseUrl}/api/v1/feeds/advisories.atom?lang=${lang}`)}</id>
  <title>${en ? 'Lingshi travel advisories' : '领事 旅行提醒'}</title>
  <link rel="self" href="${escapeXml(`${baseUrl}/api/v1/feeds/advisories.atom?lang=${lang}`)}"/>
  <link href="${escapeXml(`${baseUrl}/advisories`)}"/>
  <updated>${new Date(updated).toISOString()}</updated>
  <author><name>${en ? 'Lingshi consular service' : '领事服务平台'}</name></author>
${items.join('\n')}
</feed>
`
}
