import type { FastifyInstance } from 'fastify'
import type { Method } from './client.ts'

/** The part of JSON Schema the OpenAPI document of the routes uses (generated from Zod). */
export interface JsonSchema {
  readonly type?: string | readonly string[]
  readonly properties?: Readonly<Record<string, JsonSchema>>
  readonly required?: readonly string[]
  readonly additionalProperties?: boolean | JsonSchema
  readonly items?: JsonSchema
  readonly prefixItems?: readonly JsonSchema[]
  readonly anyOf?: readonly JsonSchema[]
  readonly oneOf?: readonly JsonSchema[]
  readonly allOf?: readonly JsonSchema[]
  readonly enum?: readonly unknown[]
  readonly const?: unknown
  readonly format?: string
  readonly pattern?: string
  readonly minLength?: number
  readonly maxLength?: number
  readonly minimum?: number
  readonly maximum?: number
  readonly exclusiveMinimum?: number
  readonly exclusiveMaximum?: number
  readonly minItems?: number
  readonly maxItems?: number
  readonly default?: unknown
}

export interface Parameter {
  readonly name: string
  readonly in: 'path' | 'query' | 'header' | 'cookie'
  readonly required?: boolean
  readonly schema: JsonSchema
}

/** One operation of the OpenAPI document: a method on a path. */
export interface Operation {
  readonly method: Method
  /** The path as the document writes it: `/api/v1/cases/{id}`. */
  readonly path: string
  /** `METHOD path`, the key of the matrix. */
  readonly key: string
  readonly pathParams: readonly Parameter[]
  readonly queryParams: readonly Parameter[]
  /** The JSON body's schema, when the document declares one. */
  readonly body: JsonSchema | undefined
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: OpenApiBody }>>
}
interface OpenApiBody {
  content?: Record<string, { schema?: JsonSchema }>
}

const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const

/** Every operation of `/api/openapi.json`, as the running app publishes it. */
export async function loadOperations(app: FastifyInstance): Promise<Operation[]> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' })
  if (res.statusCode !== 200) throw new Error(`GET /api/openapi.json answered ${res.statusCode}`)
  const doc = res.json() as OpenApiDocument
  const operations: Operation[] = []
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const lower of METHODS) {
      const op = item[lower]
      if (!op) continue
      const method = lower.toUpperCase() as Method
      const parameters = op.parameters ?? []
      operations.push({
        method,
        path,
        key: `${method} ${path}`,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema,
      })
    }
  }
  return operations.sort((a, b) => a.key.localeCompare(b.key))
}

/** The URL of an operation with its path parameters filled in (each value URL-encoded unless raw). */
export function fillPath(path: string, params: Readonly<Record<string, string>>, raw = false): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`no value for path parameter ${name} of ${path}`)
    return raw ? value : encodeURIComponent(value)
  })
}

/** `GET /api/v1/cases/:id` (Fastify's form, as `app.routeAccess` keys it) for an operation. */
export function fastifyKey(op: Operation): string {
  return `${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`
}
