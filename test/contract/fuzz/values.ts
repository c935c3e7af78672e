import fc from 'fast-check'
import type { JsonSchema } from '../openapi.ts'

/** A value to put somewhere in a request, named so a finding says what was sent. */
export interface Hostile {
  readonly label: string
  readonly value: unknown
}

/**
 * Deep nesting cannot be a value here (JSON.stringify recurses, and overflows long before a
 * server's JSON.parse does): it travels as this token, replaced by its text when sent.
 */
export const DEEP_TOKEN = '\u0001deep-nesting\u0001'
export const DEEP_TEXT = `${'['.repeat(10_000)}0${']'.repeat(10_000)}`

/** The JSON text of a body, the deep-nesting token written out. */
export function jsonText(value: unknown): string {
  return (JSON.stringify(value) ?? '').replaceAll(JSON.stringify(DEEP_TOKEN), DEEP_TEXT)
}

/** Strings that have broken servers: control characters, broken UTF-16, sizes, dates at the ends of time. */
export const HOSTILE_STRINGS: readonly Hostile[] = [
  { label: 'empty string', value: '' },
  { label: 'spaces', value: '   ' },
  { label: 'NUL byte', value: 'x\u0000y' },
  { label: 'lone NUL', value: '\u0000' },
  { label: 'lone high surrogate', value: 'a\ud800b' },
  { label: 'lone low surrogate', value: '\udfff' },
  { label: 'huge string (100,000 characters)', value: 'x'.repeat(100_000) },
  { label: 'astral characters', value: '𝕏😀'.repeat(50) },
  { label: 'right-to-left override', value: '\u202egnp.exe' },
  { label: 'SQL', value: "'; drop table users; --" },
  { label: 'percent-encoded NUL', value: '%00' },
  { label: 'date 0000-01-01', value: '0000-01-01' },
  { label: 'date 9999-12-31', value: '9999-12-31' },
  { label: 'time in year 0000', value: '0000-01-01T00:00:00Z' },
  { label: 'time in year 9999', value: '9999-12-31T23:59:59+00:00' },
  { label: 'February 30th', value: '2026-02-30' },
  { label: 'bad UUID', value: 'not-a-uuid' },
  { label: 'nil UUID', value: '00000000-0000-0000-0000-000000000000' },
  { label: 'max UUID', value: 'ffffffff-ffff-ffff-ffff-ffffffffffff' },
  { label: 'unknown UUID', value: '0190a0a0-0000-7000-8000-000000000000' },
  { label: 'short UUID', value: '0190a0a0-0000-7000-8000-00000000000' },
]

export const HOSTILE_NUMBERS: readonly Hostile[] = [
  { label: '-1', value: -1 },
  { label: '0', value: 0 },
  { label: '1.5', value: 1.5 },
  { label: '1e308', value: 1e308 },
  { label: '-1e308', value: -1e308 },
  { label: '2^53 + 2', value: 2 ** 53 + 2 },
  { label: '2^31', value: 2 ** 31 },
  { label: '5e-324', value: 5e-324 },
]

export const WRONG_SHAPES: readonly Hostile[] = [
  { label: 'true', value: true },
  { label: 'null', value: null },
  { label: 'number', value: 12345 },
  { label: 'string', value: 'text' },
  { label: 'empty array', value: [] },
  { label: 'array', value: [1] },
  { label: 'empty object', value: {} },
  { label: 'object', value: { a: 1 } },
  { label: 'deep nesting (10,000 arrays)', value: DEEP_TOKEN },
  { label: 'array of 100,000 items', value: new Array(100_000).fill(0) },
]

/** Values aimed at one schema: just past each bound, outside the enum, against the pattern. */
export function boundaryValues(schema: JsonSchema): Hostile[] {
  const out: Hostile[] = []
  if (schema.maxLength !== undefined)
    out.push({ label: `${schema.maxLength + 1} characters`, value: 'x'.repeat(schema.maxLength + 1) })
  if (schema.minLength !== undefined && schema.minLength > 0)
    out.push({ label: `${schema.minLength - 1} characters`, value: 'x'.repeat(schema.minLength - 1) })
  if (schema.minimum !== undefined) out.push({ label: `below ${schema.minimum}`, value: schema.minimum - 1 })
  if (schema.maximum !== undefined) out.push({ label: `above ${schema.maximum}`, value: schema.maximum + 1 })
  if (schema.enum) out.push({ label: 'not in the enum', value: 'zz-not-a-choice' })
  if (schema.pattern) out.push({ label: 'against the pattern', value: '!!' })
  if (schema.maxItems !== undefined)
    out.push({ label: `${schema.maxItems + 1} items`, value: new Array(schema.maxItems + 1).fill('x') })
  return out
}

/** Every hostile value for a slot: its boundaries, then the general ones. */
export function hostileFor(schema: JsonSchema | undefined): Hostile[] {
  return [...(schema ? boundaryValues(schema) : []), ...HOSTILE_STRINGS, ...HOSTILE_NUMBERS, ...WRONG_SHAPES]
}

/** Random values fast-check makes up: any Unicode (lone surrogates included), any double, any JSON. */
export const randomHostile: fc.Arbitrary<Hostile> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 64 }).map((value) => ({ label: 'random string', value })),
  fc
    .string({ unit: fc.constantFrom('\u0000', '\ud800', '\udc00', '\u202e', 'a', '%', '\\'), maxLength: 20 })
    .map((value) => ({ label: 'random control string', value })),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .map((value) => ({ label: 'random number', value: Object.is(value, -0) ? 0 : value })),
  fc.integer().map((value) => ({ label: 'random integer', value })),
  fc.jsonValue({ maxDepth: 4 }).map((value) => ({ label: 'random JSON', value })),
  fc.date({ noInvalidDate: true }).map((d) => ({ label: 'random date', value: d.toISOString() })),
)
