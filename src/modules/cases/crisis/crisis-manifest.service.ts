import type { AppContext } from '../../../context.ts'
import { recordAudit } from '../../../platform/audit/audit.ts'
import type { Principal } from '../../../platform/http/access.ts'
import { latestAnswers } from '../../alerts/index.ts'
import { personCards } from '../../registrations/index.ts'
import { csvCell } from '../case/board.service.ts'
import { crisisAlertIdsSql } from './crisis.repository.ts'
import type { PersonStatus } from './crisis.schema.ts'
import { loadCrisis, toCrisis, toLeg } from './crisis.service.ts'
import { type ManifestEntry, manifestCounts, manifestPage } from './crisis-manifest.repository.ts'
import type { Manifest, ManifestPerson, ManifestQuery } from './crisis-manifest.schema.ts'
import { listLegs } from './evacuation.repository.ts'

/** A CSV export walks the manifest in pages of this size, up to the cap. */
const CSV_PAGE = 1000
export const CSV_LIMIT = 200_000

async function toPeople(
  ctx: AppContext,
  crisisId: string,
  rows: readonly ManifestEntry[],
): Promise<ManifestPerson[]> {
  const ids = rows.map((r) => r.person_id)
  const cards = await personCards(ctx.db, ids)
  const answers = await latestAnswers(ctx.db, crisisAlertIdsSql(crisisId), ids)
  return rows.map((r) => {
    const card = cards.get(r.person_id)
    const answer = answers.get(r.person_id)
    return {
      id: r.person_id,
      name: card?.name ?? '',
      nameLatin: card?.nameLatin ?? null,
      nameZh: card?.nameZh ?? null,
      phone: card?.phone ?? null,
      inArea: r.in_area,
      where:
        r.source && r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon, source: r.source } : null,
      dependants: r.dependants,
      status: r.status,
      assemblyPointId: r.assembly_point_id,
      legId: r.leg_id,
      note: r.note,
      updatedAt: r.updated_at?.toISOString() ?? null,
      answer: answer?.answer ?? null,
      answeredAt: answer?.answeredAt.toISOString() ?? null,
    }
  })
}

async function auditRead(
  ctx: AppContext,
  principal: Principal,
  id: string,
  ip: string | null,
  details: object,
) {
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'crisis.manifest',
    subjectType: 'crisis',
    subjectId: id,
    ip,
    details: { ...details },
  })
}

export async function getManifest(
  ctx: AppContext,
  principal: Principal,
  id: string,
  q: ManifestQuery,
  ip: string | null,
): Promise<Manifest> {
  const crisis = toCrisis(await loadCrisis(ctx, principal, id))
  const now = new Date()
  const rows = await manifestPage(ctx.db, id, now, { status: q.status, after: q.cursor, limit: q.limit + 1 })
  const page = rows.slice(0, q.limit)
  const counts = await manifestCounts(ctx.db, id, now)
  const legs = await listLegs(ctx.db, id)
  await auditRead(ctx, principal, id, ip, {
    status: q.status ?? null,
    cursor: q.cursor ?? null,
    rows: page.length,
  })
  return {
    crisis: { id, name: crisis.name, country: crisis.country, status: crisis.status },
    counts: {
      peopleInArea: counts.reduce((n, c) => n + c.in_area, 0),
      total: counts.reduce((n, c) => n + c.n, 0),
      byStatus: Object.fromEntries(counts.map((c) => [c.status, c.n])),
    },
    legs: legs.map(toLeg),
    people: await toPeople(ctx, id, page),
    nextCursor: rows.length > q.limit ? (page.at(-1)?.person_id ?? null) : null,
  }
}

type Cell = (p: ManifestPerson) => string | number | boolean | null | undefined

/** The spreadsheet's columns in order. Numbers go in as they are: csvCell would quote a minus sign. */
const CSV_COLUMNS: Record<string, { cell: Cell; number?: true }> = {
  id: { cell: (p) => p.id },
  nameLatin: { cell: (p) => p.nameLatin },
  nameZh: { cell: (p) => p.nameZh },
  phone: { cell: (p) => p.phone },
  status: { cell: (p) => p.status },
  inArea: { cell: (p) => p.inArea },
  source: { cell: (p) => p.where?.source },
  lat: { cell: (p) => p.where?.lat ?? '', number: true },
  lon: { cell: (p) => p.where?.lon ?? '', number: true },
  dependants: { cell: (p) => p.dependants, number: true },
  assemblyPointId: { cell: (p) => p.assemblyPointId },
  legId: { cell: (p) => p.legId },
  note: { cell: (p) => p.note },
  updatedAt: { cell: (p) => p.updatedAt },
  answer: { cell: (p) => p.answer },
}

const csvLine = (p: ManifestPerson) =>
  Object.values(CSV_COLUMNS)
    .map((c) => (c.number ? String(c.cell(p)) : csvCell(c.cell(p))))
    .join(',')

/** The whole manifest (optionally one status) as a spreadsheet, walked page by page (audited). */
export async function exportManifest(
  ctx: AppContext,
  principal: Principal,
  id: string,
  status: PersonStatus | undefined,
  ip: string | null,
): Promise<string> {
  await loadCrisis(ctx, principal, id)
  const now = new Date()
  const lines: string[] = []
  let after: string | undefined
  while (lines.length < CSV_LIMIT) {
    const rows = await manifestPage(ctx.db, id, now, { status, after, limit: CSV_PAGE })
    for (const p of await toPeople(ctx, id, rows)) lines.push(csvLine(p))
    if (rows.length < CSV_PAGE) break
    after = rows.at(-1)?.person_id
  }
  await auditRead(ctx, principal, id, ip, { status: status ?? null, export: 'csv', rows: lines.length })
  return `\uFEFF${[Object.keys(CSV_COLUMNS).join(','), ...lines].join('\r\n')}\r\n`
}
