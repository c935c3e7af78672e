import { sql, type Transaction } from 'kysely'
import type { AppContext } from '../../context.ts'
import type { Database } from '../../database.ts'
import type { Localized } from '../../platform/i18n/locale.ts'
import { notify } from '../notifications/index.ts'
import { countryNames } from '../reference/index.ts'
import { presenceInArea, presenceSql } from '../registrations/index.ts'
import { levelInfo } from './levels.ts'
import type { RegionRow } from './region.repository.ts'

function regionMessage(row: RegionRow, country: Localized, retired: boolean) {
  const region = { zh: row.name_zh, en: row.name_en }
  const info = levelInfo(row.level)
  const common = {
    about: { type: 'region', id: `${row.country}/${row.region_key}` },
    link: `/advisories/${row.country}/regions/${row.region_key}`,
  }
  if (retired)
    return {
      ...common,
      kind: 'advisory.region_retired',
      title: {
        'zh-CN': `${country['zh-CN']}${region.zh}地区旅行提醒已解除`,
        en: `${country.en}, ${region.en}: regional travel advisory lifted`,
      },
      body: {
        'zh-CN': `${region.zh}的单独旅行提醒已解除，请以${country['zh-CN']}全国旅行提醒为准。`,
        en: `The separate advisory for ${region.en} has been lifted; the advisory for ${country.en} applies.`,
      },
    }
  return {
    ...common,
    kind: 'advisory.region_published',
    title: {
      'zh-CN': `${country['zh-CN']}${region.zh}地区旅行提醒更新：${info.label['zh-CN']}（${row.level}级）`,
      en: `${country.en}, ${region.en}: travel advisory updated: level ${row.level}, ${info.label.en}`,
    },
    body: { 'zh-CN': row.summary_zh, en: row.summary_en },
  }
}

/**
 * The country's subscribers, and people whose residence, trip or "I am here now" point lies
 * inside the region during the next year. People in the country elsewhere, or registered
 * without a point, are not told: the country advisory is theirs. A region without a drawn
 * area reaches subscribers only.
 */
export async function notifyRegionChange(
  ctx: AppContext,
  trx: Transaction<Database>,
  row: RegionRow,
  retired: boolean,
): Promise<number> {
  const country = (await countryNames(trx, [row.country])).get(row.country)
  if (!country) throw new Error(`country ${row.country} vanished`)
  const now = new Date()
  const window = { from: now, to: new Date(now.getTime() + 366 * 86_400_000) }
  const inside = row.area
    ? sql`union
      select p.user_id from (${presenceSql(window)}) p where ${presenceInArea('p', row.area)}`
    : sql``
  const recipients = sql<{ user_id: string }>`
    select s.user_id from subscriptions s where s.country = ${row.country}
    ${inside}`
  const sent = await notify(ctx, trx, regionMessage(row, country, retired), recipients)
  return sent.recipients
}
