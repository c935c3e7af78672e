import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { attachmentParams, removeAttachmentBody } from './case/attachment.schema.ts'
import { statsQuery } from './case/board.schema.ts'
import { caseExportQuery, caseQuery, createCaseBody, detentionBody, eventBody } from './case/case.schema.ts'
import { idParams } from './common.schema.ts'
import {
  assemblyPointBody,
  createCrisisBody,
  crisisQuery,
  legBody,
  linkCaseBody,
} from './crisis/crisis.schema.ts'
import {
  citizenStatusBody,
  manifestCsvQuery,
  manifestQuery,
  personParams,
  setStatusBody,
} from './crisis/crisis-manifest.schema.ts'
import { contactBody, contactQuery, linkContactBody } from './hotline/contact.schema.ts'
import { helpBody, helpCancelBody, helpLocationBody } from './hotline/help.schema.ts'

/** Issue #16 finding 8: every request of the module refuses unknown fields and wrong types. */
const ID = '01900000-0000-7000-8000-000000000000'
const AREA = {
  type: 'Polygon',
  coordinates: [
    [
      [139.5, 35.5],
      [140, 35.5],
      [140, 35.9],
      [139.5, 35.5],
    ],
  ],
}

const bodies: [string, z.ZodType, Record<string, unknown>][] = [
  ['contact', contactBody, { channel: 'phone', caller: { name: 'X' }, summary: 's', lat: 1, lon: 2 }],
  ['link contact', linkContactBody, { contactId: ID }],
  ['help', helpBody, { message: 'm', lat: 1, lon: 2, callbackPhone: '+8613800138000' }],
  ['help cancel', helpCancelBody, { reason: 'safe_now' }],
  ['help location', helpLocationBody, { lat: 1, lon: 2 }],
  [
    'case',
    createCaseBody,
    { type: 'other', summary: 's', people: [{ personId: ID }], answers: { injured: true }, force: true },
  ],
  ['event', eventBody, { kind: 'note', note: 'n', rescued: 1 }],
  [
    'detention',
    detentionBody,
    { arrestedAt: '2026-01-01T00:00:00Z', authorityNotifiedAt: null, facility: 'f', charges: 'c' },
  ],
  ['remove attachment', removeAttachmentBody, { reason: 'r' }],
  ['crisis', createCrisisBody, { name: 'n', country: 'JP', area: AREA }],
  ['link case', linkCaseBody, { caseId: ID }],
  ['assembly point', assemblyPointBody, { name: 'n', lat: 35, lon: 139 }],
  [
    'leg',
    legBody,
    {
      name: 'n',
      mode: 'bus',
      fromPointId: ID,
      destination: 'd',
      departsAt: '2026-01-01T00:00:00Z',
      capacity: 5,
    },
  ],
  ['person status', setStatusBody, { status: 'safe', note: 'n' }],
  ['my status', citizenStatusBody, { status: 'safe' }],
]

const queries: [string, z.ZodType, Record<string, unknown>][] = [
  ['contacts', contactQuery, { limit: '5' }],
  ['cases', caseQuery, { limit: '5', open: 'true' }],
  ['cases export', caseExportQuery, { open: 'true' }],
  ['stats', statsQuery, { year: '2026' }],
  ['manifest', manifestQuery, { limit: '5' }],
  ['manifest csv', manifestCsvQuery, { status: 'safe' }],
  ['crises', crisisQuery, { status: 'active' }],
  ['id', idParams, { id: ID }],
  ['attachment', attachmentParams, { id: ID, attachmentId: ID }],
  ['person', personParams, { id: ID, personId: ID }],
]

describe('request schemas', () => {
  it.each([...bodies, ...queries])(
    '%s: takes a good request, refuses an unknown field',
    (_, schema, good) => {
      expect(schema.safeParse(good).error).toBeUndefined()
      expect(schema.safeParse({ ...good, unexpected: 1 }).success).toBe(false)
    },
  )

  it.each(bodies)('%s: refuses every field of the wrong type, nothing coerced', (_, schema, good) => {
    for (const key of Object.keys(good)) {
      for (const wrong of [[1], { x: [1] }, key === 'authorityNotifiedAt' ? 1 : null])
        expect(schema.safeParse({ ...good, [key]: wrong }).success, `${key}: ${JSON.stringify(wrong)}`).toBe(
          false,
        )
      const value = good[key]
      if (typeof value === 'number' || typeof value === 'boolean')
        expect(schema.safeParse({ ...good, [key]: String(value) }).success, `${key} as a string`).toBe(false)
    }
  })

  it('refuses unknown fields inside nested objects too', () => {
    expect(
      contactBody.safeParse({ channel: 'phone', caller: { name: 'X', age: 3 }, summary: 's' }).success,
    ).toBe(false)
    const people = [{ personId: ID, role: 'victim' }]
    expect(createCaseBody.safeParse({ type: 'other', summary: 's', people }).success).toBe(false)
    expect(
      createCrisisBody.safeParse({ name: 'n', country: 'JP', area: { ...AREA, bbox: [] } }).success,
    ).toBe(false)
  })
})
