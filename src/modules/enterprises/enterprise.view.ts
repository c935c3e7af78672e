import type { PlaceLevel } from '../advisories/index.ts'
import type { EnterpriseListRow } from './enterprise.repository.ts'
import type { Enterprise } from './enterprise.schema.ts'
import type { Industry, MemberRole } from './enterprises.enums.ts'
import type { SecurityMeasures } from './enterprises.table.ts'
import type { SiteRow } from './site.repository.ts'
import type { Site } from './site.schema.ts'

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null)

export function toEnterprise(row: EnterpriseListRow, myRole: MemberRole | null): Enterprise {
  return {
    id: row.id,
    name: row.name,
    nameZh: row.name_zh,
    creditCode: row.credit_code,
    province: row.province,
    industry: row.industry as Industry,
    status: row.status,
    contact:
      row.contact_name && row.contact_phone && row.contact_email
        ? { name: row.contact_name, phone: row.contact_phone, email: row.contact_email }
        : null,
    createdAt: new Date(row.created_at).toISOString(),
    verifiedAt: iso(row.verified_at),
    sites: row.sites,
    myRole,
  }
}

export function toSite(row: SiteRow, level: PlaceLevel | undefined): Site {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterprise: { name: row.enterprise_name, nameZh: row.enterprise_name_zh },
    name: row.name,
    kind: row.kind,
    country: row.country,
    lat: row.lat,
    lon: row.lon,
    area: row.area ? (JSON.parse(row.area) as unknown) : null,
    staff: { chinese: row.staff_chinese, local: row.staff_local, other: row.staff_other },
    securityOfficer: { name: row.officer_name, phone: row.officer_phone, email: row.officer_email },
    measures: row.measures as SecurityMeasures,
    advisory: level ?? { country: null, region: null },
    assessmentScore: row.assessment_score,
    training: {
      roster: row.roster_size,
      trained: row.roster_trained,
      coverage: row.roster_size === 0 ? null : Math.round((row.roster_trained / row.roster_size) * 100),
    },
    evacuationPlan:
      row.plan_name && row.plan_size !== null && row.plan_uploaded_at
        ? {
            name: row.plan_name,
            size: row.plan_size,
            uploadedAt: new Date(row.plan_uploaded_at).toISOString(),
          }
        : null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}
