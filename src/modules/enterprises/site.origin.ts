import type { SiteOrigin } from '../cases/index.ts'
import type { SiteRow } from './site.repository.ts'

/** A site as the hotline gets it: where it is, whose it is, whom to call back. */
export function siteOrigin(site: SiteRow, reporterId: string): SiteOrigin {
  return {
    siteId: site.id,
    enterpriseId: site.enterprise_id,
    label: `${site.enterprise_name_zh} ${site.enterprise_name} — ${site.name}`,
    country: site.country,
    lat: site.lat,
    lon: site.lon,
    phone: site.officer_phone,
    reporterId,
  }
}
