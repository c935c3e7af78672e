import type { AppContext } from '../../context.ts'
import type { ServiceCode } from './applications.enums.ts'
import { servicesOfMission, upsertService } from './catalogue.repository.ts'

/** The demo missions' own fees, in their local currency (the defaults give everything else). */
const DEMO_FEES: Readonly<Record<string, { currency: string; fees: Record<ServiceCode, number> }>> = {
  'JP-TYO-EMB': {
    currency: 'JPY',
    fees: { passport_renewal: 2600, passport_replacement: 2600, passport_first: 2600, travel_document: 2100 },
  },
  'FR-PAR-EMB': {
    currency: 'EUR',
    fees: { passport_renewal: 17, passport_replacement: 17, passport_first: 17, travel_document: 14 },
  },
}

/** Gives each demo mission its own catalogue once (an administrator's later edits are kept). */
export async function seedDemoCatalogue(ctx: AppContext): Promise<void> {
  for (const [mission, { currency, fees }] of Object.entries(DEMO_FEES)) {
    const rows = await servicesOfMission(ctx.db, mission)
    if (rows.some((r) => r.mission_code === mission)) continue
    for (const r of rows)
      await upsertService(ctx.db, {
        ...r,
        mission_code: mission,
        fee_amount: fees[r.code].toFixed(2),
        fee_currency: currency,
        updated_by: null,
      })
  }
}
