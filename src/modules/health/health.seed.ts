import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { missionPlaces } from '../reference/index.ts'
import { initPki } from './pki.ts'
import { addLots, assignClinician, ensureMissionSite } from './site.repository.ts'

/** Demo: the PKI, a vaccination site at each demo mission with a few lots, and the clinicians' sites. */
export async function seedHealthDemo(
  ctx: AppContext,
  missions: readonly string[],
  clinicians: ReadonlyArray<{ userId: string; mission: string }>,
): Promise<void> {
  await initPki(ctx)
  const bySite = new Map<string, string>()
  for (const m of await missionPlaces(ctx.db, missions)) {
    const id = await ensureMissionSite(ctx.db, {
      id: uuidv7(),
      mission_code: m.code,
      kind: 'mission',
      country: m.country,
      name_zh: `${m.name_zh}疫苗接种点`,
      name_en: `${m.name_en} vaccination site`,
      address: m.address,
      lon: m.lon,
      lat: m.lat,
    })
    bySite.set(m.code, id)
    await addLots(ctx.db, [
      { site_id: id, product: 'EU/1/20/1528', lot: 'FK1234' },
      { site_id: id, product: 'EU/1/20/1507', lot: 'MD5678' },
      { site_id: id, product: 'BBIBP-CorV', lot: 'SP2026A' },
    ])
  }
  for (const c of clinicians) {
    const site = bySite.get(c.mission)
    if (site) await assignClinician(ctx.db, c.userId, site)
  }
}
