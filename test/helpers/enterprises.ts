import { randomInt } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { expect } from 'vitest'
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../../src/modules/enterprises/credit-code.ts'
import { caller } from './http.ts'

/** A made-up unified social credit code with a right check character (unique enough for a run). */
export function creditCode(): string {
  let body = '9144030'
  while (body.length < 17) body += CREDIT_CODE_ALPHABET.charAt(randomInt(31))
  return `${body}${creditCodeCheckChar(body)}`
}

/** Central Nairobi as CAP writes a polygon: "lat,lon" pairs, closed. */
export const NAIROBI_CAP_POLYGON = '-1.40,36.65 -1.40,37.00 -1.15,37.00 -1.15,36.65 -1.40,36.65'
export const NAIROBI_SITE = { lat: -1.3, lon: 36.8 }

export function enterpriseBody(overrides: object = {}) {
  return {
    name: 'Test Road and Bridge Co.',
    nameZh: '测试路桥有限公司',
    creditCode: creditCode(),
    province: 'CN-GD',
    industry: 'construction',
    ...overrides,
  }
}

export function siteBody(overrides: object = {}) {
  return {
    name: 'Nairobi expressway camp',
    kind: 'camp',
    country: 'KE',
    ...NAIROBI_SITE,
    staff: { chinese: 40, local: 120, other: 5 },
    securityOfficer: { name: 'Chen Jun 陈军', phone: '+254712000111', email: 'security@example.org' },
    ...overrides,
  }
}

/** Registers an enterprise as the session's account (which becomes its administrator); verified by `verifier` if given. */
export async function registeredEnterprise(
  app: FastifyInstance,
  cookie: string,
  verifier?: string,
  overrides: object = {},
): Promise<string> {
  const call = caller(app)
  const res = await call('POST', '/api/v1/enterprises', cookie, enterpriseBody(overrides))
  expect(res.statusCode, res.body).toBe(201)
  const id = res.json().id as string
  if (verifier) {
    const v = await call('POST', `/api/v1/enterprises/${id}/verify`, verifier)
    expect(v.statusCode, v.body).toBe(200)
  }
  return id
}

export async function addSite(
  app: FastifyInstance,
  cookie: string,
  enterpriseId: string,
  overrides: object = {},
) {
  const res = await caller(app)(
    'POST',
    `/api/v1/enterprises/${enterpriseId}/sites`,
    cookie,
    siteBody(overrides),
  )
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; advisory: { country: number | null } }
}
