import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestRuntime, type TestRuntime } from '../helpers/test-runtime.ts'

let rt: TestRuntime
beforeAll(async () => {
  rt = await startTestRuntime()
})
afterAll(async () => {
  await rt?.close()
})

interface ZodDef {
  type: string
  coerce?: boolean
  shape?: Record<string, unknown>
  catchall?: unknown
  element?: unknown
  innerType?: unknown
  in?: unknown
  out?: unknown
  options?: unknown[]
  left?: unknown
  right?: unknown
  keyType?: unknown
  valueType?: unknown
  items?: unknown[]
  rest?: unknown
  getter?: () => unknown
}

const defOf = (schema: unknown): ZodDef | undefined => (schema as { _zod?: { def?: ZodDef } })?._zod?.def
const join = (path: string, key: string) => (path ? `${path}.${key}` : key)

/**
 * Where a Zod input schema is lax: objects that accept or silently drop unknown fields and, for
 * JSON bodies, values coerced from another type (`z.coerce`, or a preprocess before the check).
 */
function laxPlaces(schema: unknown, part: 'body' | 'querystring'): string[] {
  const found: string[] = []
  // Only a schema's own ancestors are skipped (a recursive schema); one used in several places is
  // reported in each.
  const ancestors = new Set<unknown>()
  const walk = (node: unknown, path: string): void => {
    const def = defOf(node)
    if (!def || ancestors.has(node)) return
    ancestors.add(node)
    visit(def, path)
    ancestors.delete(node)
  }
  const visit = (def: ZodDef, path: string): void => {
    const where = `${part}${path ? `.${path}` : ''}`
    if (part === 'body' && def.coerce) found.push(`${where}: coerces ${def.type}`)
    if (def.type === 'object') {
      const extra = defOf(def.catchall)?.type
      if (extra !== 'never') found.push(`${where}: unknown fields are ${extra ? 'accepted' : 'dropped'}`)
    }
    if (part === 'body' && def.type === 'pipe' && defOf(def.in)?.type === 'transform')
      found.push(`${where}: preprocessed before it is checked`)
    for (const [child, childPath] of children(def, path)) walk(child, childPath)
  }
  walk(schema, '')
  return found
}

interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema | JsonSchema[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
}

/** Objects with named properties that do not say `additionalProperties: false`. */
function openObjects(schema: JsonSchema | undefined, path: string, found: string[]): void {
  if (!schema || typeof schema !== 'object') return
  if (schema.properties && schema.additionalProperties !== false) found.push(path || '(body)')
  for (const [key, value] of Object.entries(schema.properties ?? {}))
    openObjects(value, join(path, key), found)
  if (typeof schema.additionalProperties === 'object')
    openObjects(schema.additionalProperties, join(path, '*'), found)
  for (const item of [schema.items ?? []].flat()) openObjects(item, join(path, '[]'), found)
  for (const option of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    openObjects(option, path, found)
}

/** The schemas inside a Zod schema, with their paths. */
function children(def: ZodDef, path: string): [unknown, string][] {
  switch (def.type) {
    case 'object': {
      const fields = Object.entries(def.shape ?? {}).map(([key, value]): [unknown, string] => [
        value,
        join(path, key),
      ])
      return [...fields, [def.catchall, join(path, '*')]]
    }
    case 'pipe':
      return [
        [def.in, path],
        [def.out, path],
      ]
    case 'array':
      return [[def.element, join(path, '[]')]]
    case 'union':
      return (def.options ?? []).map((option): [unknown, string] => [option, path])
    case 'intersection':
      return [
        [def.left, path],
        [def.right, path],
      ]
    case 'record':
      return [[def.valueType, join(path, '*')]]
    case 'tuple':
      return [
        ...(def.items ?? []).map((item, i): [unknown, string] => [item, join(path, String(i))]),
        [def.rest, join(path, '*')],
      ]
    case 'lazy':
      return [[def.getter?.(), path]]
    default:
      return [[def.innerType, path]]
  }
}

/**
 * Bodies that are documents written by others, taken as their publishers write them: a USGS
 * GeoJSON feed carries fields we do not read, and refusing them would refuse the feed.
 */
const FOREIGN_DOCUMENTS = new Set(['POST /api/v1/alerts/feeds/{kind}'])

describe('every route refuses unknown fields and wrong types (issue #16, finding 8)', () => {
  it('sees the schemas of every API route', () => {
    expect(rt.app.routeSchemas.size).toBe(rt.app.routeAccess.size)
    expect(rt.app.routeSchemas.size).toBeGreaterThan(100)
  })

  it('has strict objects in every body and query schema, and no coercion in JSON bodies', () => {
    const lax: string[] = []
    for (const [route, schema] of rt.app.routeSchemas) {
      for (const place of [
        ...laxPlaces(schema.body, 'body'),
        ...laxPlaces(schema.querystring, 'querystring'),
      ])
        lax.push(`${route} ${place}`)
    }
    expect(lax, `lax input schemas:\n${lax.join('\n')}`).toEqual([])
  })

  it('publishes additionalProperties: false for every JSON body object in the OpenAPI document', async () => {
    const doc = (await rt.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>
      >
    }
    const open: string[] = []
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (FOREIGN_DOCUMENTS.has(`${method.toUpperCase()} ${path}`)) continue
        const found: string[] = []
        openObjects(operation.requestBody?.content?.['application/json']?.schema, '', found)
        for (const place of found) open.push(`${method.toUpperCase()} ${path} ${place}`)
      }
    }
    expect(open, `open body objects:\n${open.join('\n')}`).toEqual([])
  })

  it('finds a lax schema when there is one (the walk can fail)', async () => {
    const { z } = await import('zod')
    expect(laxPlaces(z.object({ a: z.string() }), 'body')).toEqual(['body: unknown fields are dropped'])
    expect(laxPlaces(z.looseObject({}), 'body')).toEqual(['body: unknown fields are accepted'])
    expect(laxPlaces(z.strictObject({ n: z.coerce.number() }), 'body')).toEqual(['body.n: coerces number'])
    expect(laxPlaces(z.strictObject({ n: z.preprocess(Number, z.number()) }), 'body')).toEqual([
      'body.n: preprocessed before it is checked',
    ])
    expect(laxPlaces(z.strictObject({ n: z.coerce.number() }), 'querystring')).toEqual([])
    expect(laxPlaces(z.strictObject({ list: z.array(z.object({})).optional() }), 'body')).toEqual([
      'body.list.[]: unknown fields are dropped',
    ])
    const found: string[] = []
    openObjects(
      { type: 'object', properties: { a: { type: 'object', properties: {} } }, additionalProperties: false },
      '',
      found,
    )
    expect(found).toEqual(['a'])
  })
})
