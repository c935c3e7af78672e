import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../database.ts'

/** The alpha-2 codes of the countries named by alpha-2 or alpha-3 codes; unknown codes are left out. */
export async function alpha2Codes(db: Db, codes: readonly string[]): Promise<string[]> {
  if (!codes.length) return []
  const rows = await db
    .selectFrom('countries')
    .select('code')
    .where((eb) => eb.or([eb('code', 'in', [...codes]), eb('alpha3', 'in', [...codes])]))
    .execute()
  return rows.map((r) => r.code)
}

/**
 * The codes of the countries whose (subdivided) shape touches a geometry, for another module to
 * compose into its own statement: one row per touching part, so `distinct` when it matters.
 */
export function countriesTouchingSql(geometry: RawBuilder<unknown>): RawBuilder<{ code: string }> {
  return sql<{ code: string }>`select cp.code from country_parts cp where ST_Intersects(cp.geom, ${geometry})`
}
