import { parse as parseMrz } from 'mrz'
import { z } from 'zod'
import { applicationsError } from './applications.errors.ts'

export const mrzBody = z.strictObject({ mrz: z.string().min(1).max(200) })

export const mrzResult = z.object({
  valid: z.boolean(),
  documentType: z.string(),
  issuingState: z.string(),
  surname: z.string(),
  givenNames: z.string(),
  documentNumber: z.string(),
  nationality: z.string(),
  dateOfBirth: z.string().nullable(),
  sex: z.enum(['F', 'M']).nullable(),
  expiryDate: z.string().nullable(),
  checks: z.object({
    documentNumber: z.boolean(),
    dateOfBirth: z.boolean(),
    expiryDate: z.boolean(),
    optional: z.boolean(),
    composite: z.boolean(),
  }),
})
export type MrzResult = z.infer<typeof mrzResult>

const LINE = /^[A-Z0-9<]{44}$/

/** The two lines of a TD3 (passport) MRZ, or `mrz.format`: whitespace around lines is forgiven. */
export function mrzLines(text: string): [string, string] {
  const lines = text
    .trim()
    .split(/\r?\n/)
    .map((l) => l.trim().toUpperCase())
  const [one, two] = lines
  if (lines.length !== 2 || !one || !two || !LINE.test(one) || !LINE.test(two))
    throw applicationsError(
      'mrz.format',
      'Give the two lines of 44 characters (A–Z, 0–9, <) of the passport MRZ',
    )
  return [one, two]
}

const field = (s: string) => s.replace(/<+$/, '').replace(/</g, ' ').trim()

function date(yymmdd: string, birth: boolean, today: Date): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null
  const yy = Number(yymmdd.slice(0, 2))
  const mm = yymmdd.slice(2, 4)
  const dd = yymmdd.slice(4, 6)
  let year = 2000 + yy
  const iso = (y: number) => `${y}-${mm}-${dd}`
  if (birth && iso(year) > today.toISOString().slice(0, 10)) year -= 100
  const d = new Date(`${iso(year)}T00:00:00Z`)
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso(year)) return null
  return iso(year)
}

/** ICAO 9303 TD3: fields by position; the check digits as the `mrz` package computes them. */
export function parseTd3(text: string, today = new Date()): MrzResult {
  const [one, two] = mrzLines(text)
  const details = parseMrz([one, two]).details
  const ok = (name: string) => details.find((d) => d.field === name)?.valid === true
  const names = one.slice(5)
  const split = names.indexOf('<<')
  const checks = {
    documentNumber: ok('documentNumberCheckDigit'),
    dateOfBirth: ok('birthDateCheckDigit'),
    expiryDate: ok('expirationDateCheckDigit'),
    optional: ok('personalNumberCheckDigit'),
    composite: ok('compositeCheckDigit'),
  }
  const sex = two[20]
  const dateOfBirth = date(two.slice(13, 19), true, today)
  const expiryDate = date(two.slice(21, 27), false, today)
  return {
    valid:
      Object.values(checks).every(Boolean) && one[0] === 'P' && dateOfBirth !== null && expiryDate !== null,
    documentType: field(one.slice(0, 2)),
    issuingState: field(one.slice(2, 5)),
    surname: field(split < 0 ? names : names.slice(0, split)),
    givenNames: split < 0 ? '' : field(names.slice(split + 2)),
    documentNumber: field(two.slice(0, 9)),
    nationality: field(two.slice(10, 13)),
    dateOfBirth,
    sex: sex === 'F' || sex === 'M' ? sex : null,
    expiryDate,
    checks,
  }
}
