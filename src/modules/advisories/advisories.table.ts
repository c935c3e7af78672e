import type { ColumnType, Generated, Selectable } from 'kysely'

/** A version is drafted, then published; a published version never changes (a change is a new version). */
export type AdvisoryStatus = 'draft' | 'published'

export interface AdvisoryVersionsTable {
  id: string
  country: string
  version: number | null
  status: AdvisoryStatus
  level: number
  summary_zh: string
  summary_en: string
  advice: ColumnType<AdviceText, string, string>
  drafted_by: string | null
  drafted_at: Generated<Date>
  published_by: string | null
  published_at: Date | null
}

/** PostGIS columns are written through SQL expressions and read back with ST_AsGeoJSON. */
type Geometry = ColumnType<unknown, unknown, unknown>

export interface AdvisoryRegionVersionsTable {
  id: string
  country: string
  /** The ISO 3166-2 code (upper case) or a lower-case slug naming a drawn area. */
  region_key: string
  version: number | null
  status: AdvisoryStatus
  retired: Generated<boolean>
  level: number
  name_zh: string
  name_en: string
  summary_zh: string
  summary_en: string
  advice: ColumnType<AdviceText, string, string>
  area: Geometry | null
  drafted_by: string | null
  drafted_at: Generated<Date>
  published_by: string | null
  published_at: Date | null
}

export interface AdviceSections {
  safety?: string
  laws?: string
  health?: string
  entry?: string
  contacts?: string
}

export type AdviceText = { 'zh-CN'?: AdviceSections; en?: AdviceSections }

export interface SubscriptionsTable {
  user_id: string
  country: string
  created_at: Generated<Date>
}

/** An e-mail address following a country without an account; mail goes out once confirmed. */
export interface EmailSubscriptionsTable {
  id: string
  email: string
  country: string
  lang: 'zh-CN' | 'en'
  confirm_token_hash: string | null
  confirm_sent_at: Date | null
  confirmed_at: Date | null
  created_at: Generated<Date>
}

export interface EmailSubscriptionSendsTable {
  subscription_id: string
  about: string
  sent_at: Generated<Date>
}

export interface AdvisoryTables {
  email_subscriptions: EmailSubscriptionsTable
  email_subscription_sends: EmailSubscriptionSendsTable
  advisory_versions: AdvisoryVersionsTable
  advisory_region_versions: AdvisoryRegionVersionsTable
  subscriptions: SubscriptionsTable
}

export type AdvisoryVersionRow = Selectable<AdvisoryVersionsTable>
export type AdvisoryRegionVersionRow = Selectable<AdvisoryRegionVersionsTable>
export type SubscriptionRow = Selectable<SubscriptionsTable>
