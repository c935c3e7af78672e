import { parse } from 'csv-parse/sync'
import { z } from 'zod'
import { type StaffBody, staffBody } from './staff.schema.ts'

export interface RosterError {
  /** The line in the file (the header is line 1). */
  line: number
  field?: string
  reason: string
}

export type RosterParse = { ok: true; rows: StaffBody[] } | { ok: false; errors: RosterError[] }

export const MAX_ROSTER_ROWS = 2000

/** Header names accepted for each field, in English and Chinese. */
const HEADERS: Record<keyof StaffBody, readonly string[]> = {
  name: ['name', '姓名'],
  phone: ['phone', '电话', '手机', '手机号'],
  passportNumber: ['passport', 'passport_number', 'passportnumber', '护照', '护照号', '护照号码'],
}

function columnsOf(header: readonly string[]): Partial<Record<keyof StaffBody, number>> | RosterError {
  const found: Partial<Record<keyof StaffBody, number>> = {}
  header.forEach((raw, i) => {
    const h = raw
      .trim()
      .toLowerCase()
      .replace(/^\ufeff/, '')
    for (const [field, names] of Object.entries(HEADERS))
      if (names.includes(h)) found[field as keyof StaffBody] = i
  })
  const missing = (['name', 'phone'] as const).filter((f) => found[f] === undefined)
  if (missing.length)
    return {
      line: 1,
      reason: `the header must name the columns ${missing.join(' and ')} (name, phone, passport)`,
    }
  return found
}

/**
 * A roster as a spreadsheet exports it (UTF-8, comma-separated, a header row): each row checked as
 * one added by hand would be; every bad row is reported with its line, and a phone number twice in
 * the file is a bad row too.
 */
export function parseRoster(text: string): RosterParse {
  let records: string[][]
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true })
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1
    return { ok: false, errors: [{ line, reason: 'not a readable CSV file' }] }
  }
  const [header, ...body] = records
  if (!header) return { ok: false, errors: [{ line: 1, reason: 'the file is empty' }] }
  const cols = columnsOf(header)
  if ('reason' in cols) return { ok: false, errors: [cols] }
  if (body.length === 0) return { ok: false, errors: [{ line: 2, reason: 'no rows under the header' }] }
  if (body.length > MAX_ROSTER_ROWS)
    return {
      ok: false,
      errors: [{ line: MAX_ROSTER_ROWS + 2, reason: `at most ${MAX_ROSTER_ROWS} rows per file` }],
    }
  const errors: RosterError[] = []
  const rows: StaffBody[] = []
  const seen = new Map<string, number>()
  body.forEach((record, i) => {
    const line = i + 2
    const cell = (f: keyof StaffBody) => {
      const at = cols[f]
      return at === undefined ? undefined : (record[at] ?? '')
    }
    const passport = cell('passportNumber')
    const parsed = staffBody.safeParse({
      name: cell('name'),
      phone: cell('phone'),
      passportNumber: passport ? passport : null,
    })
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ line, field: String(issue.path[0] ?? ''), reason: issue.message })
      return
    }
    const earlier = seen.get(parsed.data.phone)
    if (earlier !== undefined) {
      errors.push({ line, field: 'phone', reason: `the same phone number as line ${earlier}` })
      return
    }
    seen.set(parsed.data.phone, line)
    rows.push(parsed.data)
  })
  return errors.length ? { ok: false, errors } : { ok: true, rows }
}

export const rosterErrors = z.array(
  z.object({ line: z.int(), field: z.string().optional(), reason: z.string() }),
)
