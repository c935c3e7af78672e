import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { findStaff } from '../identity/index.ts'
import { findPeopleByPassport } from '../registrations/index.ts'
import {
  certificatesOf,
  findCertificate,
  markRevoked,
  revokedCertificates,
} from './certificate.repository.ts'
import { ISSUING_COUNTRY } from './health.enums.ts'
import { healthError } from './health.errors.ts'
import type { MyCertificate, RevocationList } from './health.schema.ts'
import { revocationHashOf } from './revocation.ts'
import { assignClinician, findSite, listSites, siteOfClinician } from './site.repository.ts'
import { forgetVerifierState } from './trust.service.ts'

type SiteRow = { id: string; name_zh: string; name_en: string; mission_code: string | null }
const toSite = (s: SiteRow) => ({
  id: s.id,
  name: { 'zh-CN': s.name_zh, en: s.name_en },
  mission: s.mission_code,
})

export async function sites(ctx: AppContext) {
  return { sites: (await listSites(ctx.db)).map(toSite) }
}

/** For `GET /me`: the site a clinician works at (null for everyone else). */
export async function healthSiteOf(ctx: AppContext, userId: string) {
  const site = await siteOfClinician(ctx.db, userId)
  return site ? { id: site.id, name: { 'zh-CN': site.name_zh, en: site.name_en } } : null
}

/** An administrator puts a clinician at a site (a clinician works at one site at a time). */
export async function assignClinicianSite(
  ctx: AppContext,
  principal: Principal,
  userId: string,
  siteId: string,
  ip: string | null,
) {
  const [member] = await findStaff(ctx.db, [userId])
  if (!member?.roles.includes('clinician'))
    throw healthError('health.clinician_not_found', 'No clinician with this id')
  const site = await findSite(ctx.db, siteId)
  if (!site) throw healthError('health.site_not_found', 'No such vaccination site')
  await ctx.db.transaction().execute(async (trx) => {
    await assignClinician(trx, userId, siteId)
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'health.clinician_assigned',
      subjectType: 'user',
      subjectId: userId,
      ip,
      details: { siteId },
    })
  })
  return { userId, site: toSite(site) }
}

/** A clinician finds the person to vaccinate by passport number (audited: a staff read of people). */
export async function findPeopleForDose(
  ctx: AppContext,
  principal: Principal,
  passport: string,
  ip: string | null,
) {
  const people = await findPeopleByPassport(ctx, passport)
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'health.person_search',
    ip,
    details: { passportLast4: passport.slice(-4), found: people.map((p) => p.id) },
  })
  return { people }
}

export async function myCertificates(ctx: AppContext, userId: string): Promise<MyCertificate[]> {
  return (await certificatesOf(ctx.db, userId)).map((c) => ({
    id: c.id,
    uvci: c.uvci,
    type: c.type,
    qr: c.qr,
    issuedAt: c.issued_at.toISOString(),
    expiresAt: c.expires_at.toISOString(),
    revokedAt: c.revoked_at?.toISOString() ?? null,
  }))
}

/** One of my certificates; another person's id is not found. */
export async function myCertificate(ctx: AppContext, userId: string, id: string) {
  const c = await findCertificate(ctx.db, id)
  if (!c || c.person_id !== userId) throw healthError('health.certificate_not_found', 'No such certificate')
  return c
}

export async function revokeCertificate(
  ctx: AppContext,
  principal: Principal,
  id: string,
  reason: string,
  ip: string | null,
) {
  const c = await findCertificate(ctx.db, id)
  if (!c) throw healthError('health.certificate_not_found', 'No such certificate')
  const at = new Date()
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await markRevoked(trx, id, principal.userId, reason, at)))
      throw healthError('health.already_revoked', 'The certificate was revoked already')
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'health.certificate_revoked',
      subjectType: 'person',
      subjectId: c.person_id,
      ip,
      details: { certificateId: id, uvci: c.uvci, reason },
    })
  })
  forgetVerifierState(ctx)
  return { id, uvci: c.uvci, revokedAt: at.toISOString(), reason }
}

/** The DCC revocation batches: one per signer key, COUNTRYCODEUCI hashes. */
export async function revocations(ctx: AppContext): Promise<RevocationList> {
  const rows = await revokedCertificates(ctx.db)
  const byKid = new Map<string, { expires: Date; hashes: string[] }>()
  for (const r of rows) {
    const batch = byKid.get(r.kid) ?? { expires: r.expires_at, hashes: [] }
    if (r.expires_at > batch.expires) batch.expires = r.expires_at
    batch.hashes.push(revocationHashOf(r.uvci))
    byKid.set(r.kid, batch)
  }
  return {
    batches: [...byKid].map(([kid, b]) => ({
      country: ISSUING_COUNTRY,
      kid,
      hashType: 'COUNTRYCODEUCI' as const,
      expires: b.expires.toISOString(),
      entries: b.hashes.map((hash) => ({ hash })),
    })),
  }
}
