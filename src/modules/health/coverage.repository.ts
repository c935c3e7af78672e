import { sql } from 'kysely'
import type { Db } from '../../database.ts'
import { presenceSql } from '../registrations/index.ts'

const now = () => ({ from: new Date(), to: new Date() })

/** People registered in each country now (residence, a current trip, a fresh location). */
export async function registeredIn(db: Db, countries: readonly string[]) {
  if (countries.length === 0) return new Map<string, number>()
  const r = await sql<{ country: string; n: number }>`
    select p.country, count(distinct p.user_id)::int as n from (${presenceSql(now())}) p
     where p.country = any(${sql.val([...countries])}::text[])
     group by p.country`.execute(db)
  return new Map(r.rows.map((x) => [x.country, x.n]))
}

/** Doses given and people vaccinated at the sites of each country (all countries when none named). */
export async function dosesByCountry(db: Db, countries: readonly string[] | null) {
  const r = await sql<{ country: string; doses: number; people: number }>`
    select s.country, count(*)::int as doses, count(distinct d.person_id)::int as people
      from health_doses d join health_sites s on s.id = d.site_id
     where d.kind = 'v' ${countries ? sql`and s.country = any(${sql.val([...countries])}::text[])` : sql``}
     group by s.country order by s.country`.execute(db)
  return r.rows
}

/** Every country with a vaccination site. */
export async function siteCountries(db: Db): Promise<string[]> {
  const r = await sql<{
    country: string
  }>`select distinct country from health_sites order by country`.execute(db)
  return r.rows.map((x) => x.country)
}

export async function dosesBySite(db: Db, country: string) {
  const r = await sql<{ site_id: string; name_zh: string; name_en: string; doses: number; people: number }>`
    select s.id as site_id, s.name_zh, s.name_en, count(d.id)::int as doses,
           count(distinct d.person_id)::int as people
      from health_sites s left join health_doses d on d.site_id = s.id and d.kind = 'v'
     where s.country = ${country}
     group by s.id, s.name_zh, s.name_en order by s.name_en, s.id`.execute(db)
  return r.rows
}

/** Doses per ISO week (the Monday it starts), oldest first. */
export async function dosesByWeek(db: Db, country: string) {
  const r = await sql<{ week: string; doses: number }>`
    select to_char(date_trunc('week', d.date::timestamp), 'YYYY-MM-DD') as week, count(*)::int as doses
      from health_doses d join health_sites s on s.id = d.site_id
     where d.kind = 'v' and s.country = ${country}
     group by 1 order by 1`.execute(db)
  return r.rows
}
