import { type RawBuilder, sql } from 'kysely'
import type { CountryRow } from './reference.table.ts'

export type CountryNames = Pick<CountryRow, 'code' | 'name_zh' | 'name_en'>

/**
 * Every country with its names, for other modules to join where a table goes: `join
 * ${countryNamesSql()} c on c.code = …` in SQL, `countryNamesSql().as('c')` in Kysely. A plain
 * projection of the table, which PostgreSQL flattens into the caller's statement.
 */
export function countryNamesSql(): RawBuilder<CountryNames> {
  return sql<CountryNames>`(select code, name_zh, name_en from countries)`
}
