import { describe, expect, it } from 'vitest'
import { canMove } from './application-status.ts'
import { APPLICATION_STATUSES } from './applications.enums.ts'

/** The moves the contract names, and no others. */
const ALLOWED = new Set([
  'draft>submitted',
  'submitted>accepted',
  'submitted>returned',
  'submitted>refused',
  'submitted>withdrawn',
  'returned>submitted',
  'returned>withdrawn',
  'accepted>approved',
  'accepted>returned',
  'accepted>refused',
  'approved>in_production',
  'in_production>ready',
  'ready>collected',
  'ready>posted',
])

describe('the status table', () => {
  const pairs = APPLICATION_STATUSES.flatMap((from) => APPLICATION_STATUSES.map((to) => [from, to] as const))
  it.each(pairs)('%s → %s is allowed exactly when the contract says so', (from, to) => {
    expect(canMove(from, to)).toBe(ALLOWED.has(`${from}>${to}`))
  })
})
