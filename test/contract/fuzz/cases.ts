import fc from 'fast-check'
import type { RequestParts } from '../matrix/index.ts'
import type { JsonSchema, Operation, Parameter } from '../openapi.ts'
import { breaks, breaksQuery, hasNamedKeys } from './schema-check.ts'
import { asUrlText, percentEncode, RAW_PATH_VALUES } from './url.ts'
import {
  boundaryValues,
  HOSTILE_NUMBERS,
  HOSTILE_STRINGS,
  type Hostile,
  hostileFor,
  randomHostile,
  WRONG_SHAPES,
} from './values.ts'

/** A request as the fuzzer holds it: raw path segments, query values, a JSON or raw body. */
export interface FuzzRequest {
  /** Path values already written for the URL (encoded, or raw on purpose). */
  readonly path: Readonly<Record<string, string>>
  readonly query: Readonly<Record<string, string>>
  readonly body?: unknown
  readonly raw?: RequestParts['raw']
}

/** One malformed request of an operation. */
export interface FuzzCase {
  /** Where the malformed part is: `body`, `body.caller.phone`, `query.q`, `path.id`. */
  readonly where: string
  /** What it is: 'NUL byte', 'missing', 'unknown field'… */
  readonly label: string
  readonly request: FuzzRequest
  /** The document's own schema refuses it: a 2xx is a defect. */
  readonly mustRefuse: boolean
}

type Key = string | number

interface Slot {
  readonly path: readonly Key[]
  readonly schema: JsonSchema
}

/** The schema an object or array property holds, looking through `anyOf` (a nullable, a union). */
function concrete(schema: JsonSchema): JsonSchema {
  const alternatives = schema.anyOf ?? schema.oneOf
  if (!alternatives) return schema
  return alternatives.find((s) => s.type === 'object' || s.type === 'array') ?? alternatives[0] ?? schema
}

/** The places of a JSON body worth breaking: every property down to `depth`, the first item of arrays. */
function bodySlots(schema: JsonSchema, value: unknown, path: readonly Key[] = [], depth = 4): Slot[] {
  if (depth === 0) return []
  const s = concrete(schema)
  const slots: Slot[] = []
  if (s.properties) {
    const obj = (value ?? {}) as Record<string, unknown>
    for (const [key, child] of Object.entries(s.properties)) {
      slots.push({ path: [...path, key], schema: child })
      slots.push(...bodySlots(child, obj[key], [...path, key], depth - 1))
    }
  } else if (s.type === 'array' && s.items && typeof s.items === 'object') {
    slots.push({ path: [...path, 0], schema: s.items })
    slots.push(...bodySlots(s.items, Array.isArray(value) ? value[0] : undefined, [...path, 0], depth - 1))
  }
  return slots
}

const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v))

/** A copy of `root` with `value` at `path` (made where missing); `undefined` removes the key. */
export function setAt(root: unknown, path: readonly Key[], value: unknown): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path as [Key, ...Key[]]
  const base: Record<Key, unknown> | unknown[] =
    typeof head === 'number'
      ? Array.isArray(root)
        ? [...root]
        : []
      : root !== null && typeof root === 'object' && !Array.isArray(root)
        ? { ...(root as Record<string, unknown>) }
        : {}
  const current = (base as Record<Key, unknown>)[head]
  const next = setAt(current, rest, value)
  if (next === undefined && rest.length === 0 && !Array.isArray(base))
    delete (base as Record<Key, unknown>)[head]
  else (base as Record<Key, unknown>)[head] = next
  return base
}

const dotted = (path: readonly Key[]) => path.join('.')

/** Systematic body cases per operation at most (the random ones reach the places left out). */
const SYSTEMATIC_BODY_CASES = 30

/**
 * The malformed requests of an operation: one of each kind for each place (systematic), then
 * `randomRuns` made up by fast-check from the seed (random).
 */
export function fuzzCases(op: Operation, base: FuzzRequest, seed: number, randomRuns: number): FuzzCase[] {
  const cases: FuzzCase[] = []
  const bodySchema = op.body
  const slots = bodySchema ? bodySlots(bodySchema, base.body) : []
  if (op.method !== 'GET' && op.method !== 'DELETE') cases.push(...rawBodies(base, bodySchema !== undefined))
  if (bodySchema) cases.push(...bodyCases(bodySchema, slots, base))
  for (const p of op.queryParams) cases.push(...queryCases(p, base))
  if (op.queryParams.length)
    cases.push({
      where: 'query',
      label: 'unknown parameter',
      request: { ...base, query: { ...base.query, zzUnknown: '1' } },
      mustRefuse: true,
    })
  op.pathParams.forEach((p, i) => {
    cases.push(...pathCases(p, base, i === 0))
  })
  if (base.raw) cases.push(...rawMutations(base))
  cases.push(...randomCases(op, base, slots, seed, randomRuns))
  return cases
}

function bodyCases(schema: JsonSchema, slots: readonly Slot[], base: FuzzRequest): FuzzCase[] {
  const withBody = (where: string, label: string, body: unknown, forceRefuse = false): FuzzCase => ({
    where,
    label,
    request: { path: base.path, query: base.query, body },
    mustRefuse: forceRefuse || breaks(schema, body),
  })
  const whole = WRONG_SHAPES.filter((h) =>
    ['null', 'array', 'string', 'empty object', 'deep nesting (10,000 arrays)'].includes(h.label),
  ).map((h) => withBody('body', h.label, h.value))
  const root = concrete(schema)
  const unknown = hasNamedKeys(root)
    ? [withBody('body', 'unknown field', { ...(base.body as object), zzUnknown: 1 }, true)]
    : []
  const missing = (root.required ?? []).map((key) =>
    withBody(`body.${key}`, 'missing', setAt(clone(base.body), [key], undefined)),
  )
  const places = slots.flatMap((slot) => {
    const where = `body.${dotted(slot.path)}`
    const values = systematicFor(slot.schema, slot.path.length === 1).map((h) =>
      withBody(where, h.label, setAt(clone(base.body), slot.path, h.value)),
    )
    // Strict objects all the way down: an unknown key inside is refused as one at the top.
    if (hasNamedKeys(concrete(slot.schema)) && slot.path.length <= 2)
      values.push(
        withBody(where, 'unknown field', setAt(clone(base.body), [...slot.path, 'zzUnknown'], 1), true),
      )
    return values
  })
  return [...whole, ...unknown, ...missing, ...places.slice(0, SYSTEMATIC_BODY_CASES)]
}

const pick = (labels: readonly string[]) => HOSTILE_STRINGS.filter((h) => labels.includes(h.label))
const looksLikeTime = (schema: JsonSchema) =>
  schema.format === 'date' || schema.format === 'date-time' || (schema.pattern ?? '').includes('\\d{4}')

/** The systematic values for one place: its first bound, NUL, a lone surrogate, a wrong type, sizes, times. */
function systematicFor(schema: JsonSchema, topLevel: boolean): Hostile[] {
  const s = concrete(schema)
  const wrongType = WRONG_SHAPES.find((h) => breaks(schema, h.value))
  const strings = s.type === 'string' || s.type === undefined
  const numbers = s.type === 'number' || s.type === 'integer'
  const values = topLevel
    ? [
        ...boundaryValues(s).slice(0, 1),
        ...(numbers ? HOSTILE_NUMBERS.filter((h) => ['5e-324', '1.5'].includes(h.label)) : []),
        ...pick(['NUL byte', 'lone high surrogate']),
        ...(strings && s.maxLength === undefined ? pick(['huge string (100,000 characters)']) : []),
        ...(looksLikeTime(s) ? pick(['time in year 0000', 'time in year 9999', 'date 9999-12-31']) : []),
      ]
    : pick(['NUL byte'])
  return [...values, ...(wrongType ? [wrongType] : [])]
}

function queryCases(p: Parameter, base: FuzzRequest): FuzzCase[] {
  const numeric = p.schema.type === 'integer' || p.schema.type === 'number'
  const values: Hostile[] = [
    ...boundaryValues(p.schema).slice(0, 1),
    ...pick(['NUL byte', 'lone high surrogate']),
    ...(numeric || p.schema.enum ? [{ label: 'not a number', value: 'abc' }] : []),
    ...(looksLikeTime(p.schema) || (!numeric && !p.schema.enum)
      ? pick(['time in year 0000', 'date 9999-12-31'])
      : []),
  ]
  return values.map((h) => {
    const text = asUrlText(h.value)
    return {
      where: `query.${p.name}`,
      label: h.label,
      request: { ...base, query: { ...base.query, [p.name]: text } },
      mustRefuse: breaksQuery(p.schema, text),
    }
  })
}

/**
 * Broken URLs (bad escapes, overlong segments) are the router's business, the same for every
 * parameter: sent in the first one only; every parameter gets the values its route must refuse.
 */
function pathCases(p: Parameter, base: FuzzRequest, first: boolean): FuzzCase[] {
  const raw = first ? RAW_PATH_VALUES : []
  const encoded = pick(['bad UUID', 'NUL byte']).map((h) => ({
    label: h.label,
    raw: percentEncode(asUrlText(h.value)),
  }))
  return [...raw, ...encoded].map((v) => ({
    where: `path.${p.name}`,
    label: v.label,
    request: { ...base, path: { ...base.path, [p.name]: v.raw } },
    mustRefuse: false,
  }))
}

/** Bodies that are not the JSON they should be. */
function rawBodies(base: FuzzRequest, json: boolean): FuzzCase[] {
  const raw = (label: string, payload: string | Buffer, contentType: string): FuzzCase => ({
    where: 'body',
    label,
    request: { path: base.path, query: base.query, raw: { payload, contentType } },
    mustRefuse: json,
  })
  return [
    raw('malformed JSON', '{"a":', 'application/json'),
    raw('empty JSON body', '', 'application/json'),
    raw('plain text', 'hello', 'text/plain'),
    raw('body over the size limit (3 MB)', Buffer.alloc(3 * 1024 * 1024, 0x61), 'application/json'),
  ]
}

/** For raw bodies (CAP XML, feeds, uploads): the same bytes with one element or part broken. */
function rawMutations(base: FuzzRequest): FuzzCase[] {
  const raw = base.raw
  if (!raw || typeof raw.payload !== 'string') return multipartMutations(base)
  const text = raw.payload
  const leaves = [...text.matchAll(/<(\w+)>([^<]*)<\/\1>/g)].slice(0, 12)
  const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const values = pick(['NUL byte', 'time in year 9999', 'empty string'])
  return leaves.flatMap((m) =>
    values.map((h) => ({
      where: `body.${m[1]}`,
      label: h.label,
      request: {
        ...base,
        raw: {
          payload: text.replace(m[0], `<${m[1]}>${xmlText(String(h.value))}</${m[1]}>`),
          contentType: raw.contentType,
        },
      },
      mustRefuse: false,
    })),
  )
}

function multipartMutations(base: FuzzRequest): FuzzCase[] {
  const raw = base.raw
  if (!raw) return []
  const boundary = /boundary=(.+)$/.exec(raw.contentType)?.[1]
  const text = Buffer.isBuffer(raw.payload) ? raw.payload.toString('latin1') : raw.payload
  const mutate = (label: string, payload: string, contentType = raw.contentType): FuzzCase => ({
    where: 'body',
    label,
    request: { ...base, raw: { payload: Buffer.from(payload, 'latin1'), contentType } },
    mustRefuse: false,
  })
  const out = [
    mutate('file name with a NUL byte', text.replace(/filename="[^"]*"/, 'filename="a\u0000b.pdf"')),
    mutate(
      'file name of 5,000 characters',
      text.replace(/filename="[^"]*"/, `filename="${'a'.repeat(5000)}.pdf"`),
    ),
    mutate('file name with a path', text.replace(/filename="[^"]*"/, 'filename="../../etc/passwd"')),
    mutate('no closing boundary', text.slice(0, text.lastIndexOf('--'))),
    mutate('empty multipart body', ''),
  ]
  if (boundary) out.push(mutate('no boundary in the type', text, 'multipart/form-data'))
  return out
}

/** Made up by fast-check: any hostile or random value in any place. */
function randomCases(
  op: Operation,
  base: FuzzRequest,
  slots: Slot[],
  seed: number,
  runs: number,
): FuzzCase[] {
  const places: fc.Arbitrary<FuzzCase>[] = []
  const bodySchema = op.body
  const valueFor = (schema: JsonSchema | undefined) =>
    fc.oneof(fc.constantFrom(...hostileFor(schema)), randomHostile)
  if (bodySchema && slots.length)
    places.push(
      fc.constantFrom(...slots).chain((slot) =>
        valueFor(slot.schema).map((h) => {
          const body = setAt(clone(base.body), slot.path, h.value)
          return {
            where: `body.${dotted(slot.path)}`,
            label: `${h.label}: ${preview(h.value)}`,
            request: { path: base.path, query: base.query, body },
            mustRefuse: breaks(bodySchema, body),
          }
        }),
      ),
    )
  for (const p of op.queryParams)
    places.push(
      valueFor(p.schema).map((h) => {
        const text = asUrlText(h.value)
        return {
          where: `query.${p.name}`,
          label: `${h.label}: ${preview(h.value)}`,
          request: { ...base, query: { ...base.query, [p.name]: text } },
          mustRefuse: breaksQuery(p.schema, text),
        }
      }),
    )
  for (const p of op.pathParams)
    places.push(
      valueFor(p.schema).map((h) => ({
        where: `path.${p.name}`,
        label: `${h.label}: ${preview(h.value)}`,
        request: { ...base, path: { ...base.path, [p.name]: percentEncode(asUrlText(h.value)) } },
        mustRefuse: false,
      })),
    )
  if (places.length === 0) return []
  return fc.sample(fc.oneof(...places), { seed, numRuns: runs })
}

function preview(value: unknown): string {
  const text = asUrlText(value)
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…(${text.length})` : text)
}
