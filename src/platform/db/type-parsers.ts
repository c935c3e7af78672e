/** Both engines return the same JS types: counts as numbers, dates as 'YYYY-MM-DD' strings. */
export const INT8_OID = 20
export const NUMERIC_OID = 1700
export const DATE_OID = 1082

export const textParsers: Record<number, (value: string) => unknown> = {
  [INT8_OID]: (v) => Number(v),
  [NUMERIC_OID]: (v) => Number(v),
  [DATE_OID]: (v) => v,
}
