import { sql } from 'kysely'
import type { Db } from '../../database.ts'
import { levelsAt, type PlaceLevel } from '../advisories/index.ts'
import { sitesOfEnterprise } from './site.repository.ts'

const YEAR_MS = 365 * 86_400_000

/** The higher of a site's country level and its region's (0 when nothing is published). */
export const siteLevel = (l: PlaceLevel | undefined) => Math.max(l?.country ?? 0, l?.region?.level ?? 0)

export interface DueReason {
  readonly kind: 'first' | 'yearly' | 'level_rose'
  /** Names this reason for this assessment: a reminder is sent once per key. */
  readonly key: string
  readonly siteId?: string
  readonly siteName?: string
  readonly from?: number
  readonly to?: number
}

/** Each site's level now, by site id: what an assessment made now is made under. */
export async function currentSiteLevels(db: Db, enterpriseId: string): Promise<Record<string, number>> {
  const sites = await sitesOfEnterprise(db, enterpriseId)
  const levels = await levelsAt(db, sites)
  return Object.fromEntries(sites.map((s, i) => [s.id, siteLevel(levels[i])]))
}

async function latestAssessment(db: Db, enterpriseId: string) {
  const { rows } = await sql<{ id: string; submitted_at: Date; site_levels: Record<string, number> }>`
    select id, submitted_at, site_levels from enterprise_assessments where enterprise_id = ${enterpriseId}::uuid
     order by submitted_at desc, id desc limit 1`.execute(db)
  return rows[0]
}

/**
 * Why a new self-assessment is due: none was ever made, the latest is a year old, or a site's
 * country or region level rose above the level it was assessed under.
 */
export async function assessmentDue(db: Db, enterpriseId: string, now = new Date()) {
  const latest = await latestAssessment(db, enterpriseId)
  if (!latest) return { lastSubmittedAt: null, reasons: [{ kind: 'first', key: 'first' }] as DueReason[] }
  const reasons: DueReason[] = []
  const at = new Date(latest.submitted_at)
  if (now.getTime() - at.getTime() >= YEAR_MS) reasons.push({ kind: 'yearly', key: `yearly:${latest.id}` })
  const sites = await sitesOfEnterprise(db, enterpriseId)
  const levels = await levelsAt(db, sites)
  sites.forEach((s, i) => {
    const then = latest.site_levels[s.id]
    const level = siteLevel(levels[i])
    // A site added after the assessment has no level to rise from: the yearly one covers it.
    if (then !== undefined && level > then)
      reasons.push({
        kind: 'level_rose',
        key: `level:${latest.id}:${s.id}:${level}`,
        siteId: s.id,
        siteName: s.name,
        from: then,
        to: level,
      })
  })
  return { lastSubmittedAt: at.toISOString(), reasons }
}
