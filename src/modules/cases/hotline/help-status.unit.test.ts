import { describe, expect, it } from 'vitest'
import { HELP_STATUSES } from './help.enums.ts'
import { checkHelpMove, HELP_TRANSITIONS, helpStatusOf } from './help-status.ts'

const at = new Date('2026-12-07T10:00:00Z')
const facts = { cancelled_at: null, acknowledged_at: null, case_id: null, case_status: null } as const

describe('the status an SOS sender sees', () => {
  it('follows the marks and the case: received, acknowledged, case_opened, closed, cancelled', () => {
    expect(helpStatusOf(facts)).toBe('received')
    expect(helpStatusOf({ ...facts, acknowledged_at: at })).toBe('acknowledged')
    expect(helpStatusOf({ ...facts, case_id: 'c', case_status: 'new' })).toBe('case_opened')
    expect(helpStatusOf({ ...facts, case_id: 'c', case_status: 'waiting_authority' })).toBe('case_opened')
    expect(helpStatusOf({ ...facts, case_id: 'c', case_status: 'resolved' })).toBe('closed')
    expect(helpStatusOf({ ...facts, case_id: 'c', case_status: 'closed' })).toBe('closed')
  })

  it('keeps a cancellation whatever the case does next', () => {
    expect(helpStatusOf({ ...facts, cancelled_at: at, case_id: 'c', case_status: 'closed' })).toBe(
      'cancelled',
    )
  })

  it('allows only the moves of its table; nothing leaves cancelled', () => {
    for (const from of HELP_STATUSES)
      for (const to of HELP_STATUSES) {
        const allowed = HELP_TRANSITIONS[from].includes(to)
        if (allowed) expect(() => checkHelpMove(from, to)).not.toThrow()
        else
          expect(() => checkHelpMove(from, to)).toThrow(
            expect.objectContaining({ code: 'help.bad_transition' }),
          )
      }
    expect(HELP_TRANSITIONS.cancelled).toEqual([])
  })
})
