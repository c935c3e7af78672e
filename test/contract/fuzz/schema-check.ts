import type { JsonSchema } from '../openapi.ts'

/**
 * Whether a value certainly breaks its JSON Schema, for the keywords the generated document uses.
 * Lenient where the server may be stricter than the document (Zod refinements, trimming): a value
 * this calls valid may still be refused; one it calls invalid must be.
 */
export function breaks(schema: JsonSchema | boolean | undefined, value: unknown): boolean {
  return !conforms(schema, value)
}

function conforms(schema: JsonSchema | boolean | undefined, value: unknown): boolean {
  if (schema === undefined || schema === true) return true
  if (schema === false) return false
  if (schema.anyOf && !schema.anyOf.some((s) => conforms(s, value))) return false
  if (schema.oneOf && !schema.oneOf.some((s) => conforms(s, value))) return false
  if (schema.allOf && !schema.allOf.every((s) => conforms(s, value))) return false
  if (schema.enum && !schema.enum.some((e) => e === value)) return false
  if (schema.const !== undefined && schema.const !== value) return false
  if (schema.type !== undefined) {
    const types = typeof schema.type === 'string' ? [schema.type] : schema.type
    if (!types.some((t) => hasType(t, value))) return false
  }
  if (typeof value === 'string') return stringConforms(schema, value)
  if (typeof value === 'number') return numberConforms(schema, value)
  if (Array.isArray(value)) return arrayConforms(schema, value)
  if (value !== null && typeof value === 'object')
    return objectConforms(schema, value as Record<string, unknown>)
  return true
}

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string'
    case 'number':
      return typeof value === 'number'
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'null':
      return value === null
    case 'array':
      return Array.isArray(value)
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value)
    default:
      return true
  }
}

function stringConforms(schema: JsonSchema, value: string): boolean {
  // JSON Schema counts code points, Zod UTF-16 units: only a value out of bounds by both counts.
  const units = value.length
  const points = [...value].length
  if (schema.maxLength !== undefined && units > schema.maxLength && points > schema.maxLength) return false
  if (schema.minLength !== undefined && units < schema.minLength && points < schema.minLength) return false
  if (schema.pattern !== undefined) {
    const re = compile(schema.pattern)
    if (re && !re.test(value)) return false
  }
  return true
}

function numberConforms(schema: JsonSchema, value: number): boolean {
  if (schema.minimum !== undefined && value < schema.minimum) return false
  if (schema.maximum !== undefined && value > schema.maximum) return false
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return false
  if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) return false
  return true
}

function arrayConforms(schema: JsonSchema, value: readonly unknown[]): boolean {
  if (schema.minItems !== undefined && value.length < schema.minItems) return false
  if (schema.maxItems !== undefined && value.length > schema.maxItems) return false
  const prefix = schema.prefixItems ?? []
  for (const [i, item] of value.entries()) {
    const itemSchema = i < prefix.length ? prefix[i] : schema.items
    if (!conforms(itemSchema as JsonSchema | boolean | undefined, item)) return false
  }
  return true
}

function objectConforms(schema: JsonSchema, value: Record<string, unknown>): boolean {
  for (const key of schema.required ?? []) if (!(key in value)) return false
  const properties = schema.properties ?? {}
  for (const [key, item] of Object.entries(value)) {
    const own = properties[key]
    if (own) {
      if (!conforms(own, item)) return false
    } else if (!conforms(schema.additionalProperties as JsonSchema | boolean | undefined, item)) return false
  }
  return true
}

const compiled = new Map<string, RegExp | null>()
function compile(pattern: string): RegExp | null {
  if (!compiled.has(pattern)) {
    try {
      compiled.set(pattern, new RegExp(pattern))
    } catch {
      compiled.set(pattern, null)
    }
  }
  return compiled.get(pattern) ?? null
}

/** A query value (always a string on the wire) that its parameter's schema refuses after coercion. */
export function breaksQuery(schema: JsonSchema, value: string): boolean {
  const types = schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type
  if (types.includes('integer') || types.includes('number')) {
    // z.coerce.number(): Number(value), so '' and ' ' are 0; NaN is refused, and so are the bounds.
    const n = Number(value)
    if (Number.isNaN(n)) return true
    if (types.includes('integer') && !types.includes('number') && !Number.isInteger(n)) return true
    return !numberConforms(schema, n)
  }
  if (schema.enum) return !schema.enum.includes(value)
  if (types.includes('boolean')) return value !== 'true' && value !== 'false'
  return !stringConforms(schema, value)
}

/**
 * An object with named keys (not a record of any keys): the house makes every such object strict,
 * so a key it does not name must be refused whether or not the document says so.
 */
export function hasNamedKeys(schema: JsonSchema | undefined): boolean {
  return (
    schema !== undefined &&
    schema.properties !== undefined &&
    (schema.additionalProperties === undefined || schema.additionalProperties === false)
  )
}
