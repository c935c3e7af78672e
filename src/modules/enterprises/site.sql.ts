// What other modules compose into their own statements (the alerts' reach, fan-out and headcounts),
// so that they never name this module's tables.
import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../database.ts'
import type { SiteOrigin } from '../cases/index.ts'
import { accountsSql } from '../identity/index.ts'
import { siteOrigin } from './site.origin.ts'
import { findSiteRow } from './site.repository.ts'

/**
 * Verified enterprises' sites whose point or drawn area lies in `area` (a geometry; null matches
 * nothing, as ST_Intersects is then null: no coalesce, which would hide the GiST indexes),
 * or which lie in one of `countries` (an alert's ISO geocodes).
 */
export function sitesInAreaSql(
  area: RawBuilder<unknown>,
  countries: RawBuilder<string[]>,
): RawBuilder<{ site_id: string; enterprise_id: string }> {
  return sql<{ site_id: string; enterprise_id: string }>`
    select s.id as site_id, s.enterprise_id from enterprise_sites s
      join enterprises e on e.id = s.enterprise_id
     where e.status = 'verified'
       and (ST_Intersects(s.location, ${area})
            or (s.area is not null and ST_Intersects(s.area, ${area}))
            or s.country = any(${countries}))`
}

/**
 * Who answers for these sites: the members of their enterprises, and the account (if any) whose
 * e-mail is a site's security officer's.
 */
export function siteContactsSql(siteIds: RawBuilder<{ site_id: string }>): RawBuilder<{ user_id: string }> {
  return sql<{ user_id: string }>`
    select m.user_id from enterprise_members m
      join enterprise_sites s on s.enterprise_id = m.enterprise_id
     where s.id in (select x.site_id from (${siteIds}) x)
    union
    select u.id as user_id from enterprise_sites s
      join ${accountsSql()} u on lower(u.email) = lower(s.officer_email)
     where s.id in (select x.site_id from (${siteIds}) x) and u.disabled_at is null`
}

/** The sites of the enterprises the person is a member of. */
export function memberSiteIdsSql(userId: string): RawBuilder<{ site_id: string }> {
  return sql<{ site_id: string }>`
    select s.id as site_id from enterprise_sites s
      join enterprise_members m on m.enterprise_id = s.enterprise_id
     where m.user_id = ${userId}::uuid`
}

/** The site as the hotline gets it, when the person is a member of its enterprise; else undefined. */
export async function siteOfMember(db: Db, siteId: string, userId: string): Promise<SiteOrigin | undefined> {
  const site = await findSiteRow(db, siteId)
  if (!site) return undefined
  const member = await db
    .selectFrom('enterprise_members')
    .select('role')
    .where('enterprise_id', '=', site.enterprise_id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return member ? siteOrigin(site, userId) : undefined
}

export interface SiteCard {
  id: string
  name: string
  kind: string
  enterpriseId: string
  enterprise: { name: string; nameZh: string }
  country: string
  lat: number
  lon: number
  staff: number
  securityOfficer: { name: string; phone: string; email: string }
}

/** Sites by id for another module's page (the alert board): name, enterprise, place, head count, officer. */
export async function siteCards(db: Db, ids: readonly string[]): Promise<SiteCard[]> {
  if (ids.length === 0) return []
  const { rows } = await sql<{
    id: string
    name: string
    kind: string
    enterprise_id: string
    enterprise_name: string
    enterprise_name_zh: string
    country: string
    lat: number
    lon: number
    staff: number
    officer_name: string
    officer_phone: string
    officer_email: string
  }>`select s.id, s.name, s.kind, s.enterprise_id, e.name as enterprise_name, e.name_zh as enterprise_name_zh,
        s.country, ST_Y(s.location) as lat, ST_X(s.location) as lon,
        (s.staff_chinese + s.staff_local + s.staff_other)::int as staff,
        s.officer_name, s.officer_phone, s.officer_email
      from enterprise_sites s join enterprises e on e.id = s.enterprise_id
     where s.id = any(${[...ids]}::uuid[]) order by e.name, s.name, s.id`.execute(db)
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    enterpriseId: r.enterprise_id,
    enterprise: { name: r.enterprise_name, nameZh: r.enterprise_name_zh },
    country: r.country,
    lat: r.lat,
    lon: r.lon,
    staff: r.staff,
    securityOfficer: { name: r.officer_name, phone: r.officer_phone, email: r.officer_email },
  }))
}
