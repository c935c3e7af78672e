import { describe, expect, it } from 'vitest'
import { ALERT_STATUS } from './alert.schema.ts'
import { canMove, checkMove, TRANSITIONS } from './alert-status.ts'

describe('the alert status table', () => {
  it('names every status, and only known ones as targets', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ALERT_STATUS].sort())
    for (const targets of Object.values(TRANSITIONS))
      for (const to of targets) expect(ALERT_STATUS).toContain(to)
  })

  it('lets a draft go out or wait for approval, and a sent alert only be cancelled', () => {
    expect(canMove('draft', 'sending')).toBe(true)
    expect(canMove('draft', 'pending_approval')).toBe(true)
    expect(canMove('pending_approval', 'sending')).toBe(true)
    expect(canMove('sending', 'sent')).toBe(true)
    expect(canMove('sent', 'cancelled')).toBe(true)
    expect(canMove('sent', 'draft')).toBe(false)
    expect(canMove('cancelled', 'sent')).toBe(false)
    expect(canMove('expired', 'sending')).toBe(false)
    expect(canMove('draft', 'sent')).toBe(false)
  })

  it('refuses any other move with 409 alert.bad_transition', () => {
    expect(() => checkMove('sent', 'sending')).toThrow(
      expect.objectContaining({ status: 409, code: 'alert.bad_transition' }),
    )
    expect(() => checkMove('draft', 'sending')).not.toThrow()
  })
})
