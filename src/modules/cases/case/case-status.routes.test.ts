import { describe, expect, it } from 'vitest'
import { withCasesRuntime } from '../../../../test/helpers/cases.ts'
import { expectProblem } from '../../../../test/helpers/http.ts'
import { CASE_STATUSES, type CaseStatus, findTransition, TRANSITIONS } from './case-status.ts'

const { staff, call } = withCasesRuntime()

/** A path of allowed moves from `new` to every status (reasons given where needed). */
const PATH: Record<CaseStatus, CaseStatus[]> = {
  new: [],
  triaged: ['triaged'],
  in_progress: ['in_progress'],
  waiting_citizen: ['in_progress', 'waiting_citizen'],
  waiting_authority: ['in_progress', 'waiting_authority'],
  resolved: ['in_progress', 'resolved'],
  closed: ['in_progress', 'resolved', 'closed'],
}

const move = (id: string, status: string, extra: object = {}) =>
  call('POST', `/api/v1/cases/${id}/events`, staff.tokyo.cookie, { kind: 'status', status, ...extra })

async function caseAt(status: CaseStatus): Promise<string> {
  const res = await call('POST', '/api/v1/cases', staff.operator.cookie, {
    type: 'other',
    summary: status,
    country: 'JP',
  })
  expect(res.statusCode, res.body).toBe(201)
  const id = res.json().id
  for (const s of PATH[status]) expect((await move(id, s, { reason: 'path' })).statusCode).toBe(201)
  return id
}

describe('the transition table', () => {
  it('is exactly the one in the issue', () => {
    const allowed = Object.entries(TRANSITIONS).flatMap(([from, ts]) =>
      ts.map((t) => `${from}>${t.to}${t.reason ? '!' : ''}`),
    )
    expect(allowed.sort()).toEqual(
      [
        'new>triaged',
        'new>in_progress',
        'new>closed!',
        'triaged>in_progress',
        'in_progress>waiting_citizen',
        'in_progress>waiting_authority',
        'in_progress>resolved',
        'waiting_citizen>in_progress',
        'waiting_citizen>resolved',
        'waiting_authority>in_progress',
        'waiting_authority>resolved',
        'resolved>closed',
        'resolved>in_progress!',
        'closed>in_progress!',
      ].sort(),
    )
  })

  for (const from of CASE_STATUSES) {
    it(`from ${from}: allows its moves and refuses every other with 409 case.bad_transition`, async () => {
      const id = await caseAt(from)
      for (const to of CASE_STATUSES) {
        if (findTransition(from, to)) continue
        const res = await move(id, to, { reason: 'try' })
        expectProblem(res, 409, 'case.bad_transition')
        expect(res.json()).toMatchObject({ from, to })
      }
      for (const t of TRANSITIONS[from]) {
        const fresh = await caseAt(from)
        if (t.reason) expectProblem(await move(fresh, t.to), 400, 'case.reason_required')
        const res = await move(fresh, t.to, t.reason ? { reason: 'because' } : {})
        expect(res.statusCode, res.body).toBe(201)
        expect(res.json().status).toBe(t.to)
        const entry = res.json().timeline.at(-1)
        expect(entry).toMatchObject({
          kind: 'status',
          by: { id: staff.tokyo.userId },
          details: { from, to: t.to, reason: t.reason ? 'because' : null },
        })
      }
    })
  }
})

describe('around the moves', () => {
  it('records resolution and closing times, and clears them on reopening', async () => {
    const id = await caseAt('resolved')
    const resolved = (await call('GET', `/api/v1/cases/${id}`, staff.tokyo.cookie)).json()
    expect(resolved.resolvedAt).not.toBeNull()
    const closed = (await move(id, 'closed')).json()
    expect(closed.closedAt).not.toBeNull()
    const reopened = (await move(id, 'in_progress', { reason: 'New facts' })).json()
    expect(reopened).toMatchObject({ status: 'in_progress', resolvedAt: null, closedAt: null })
  })

  it('closes a new case as a duplicate with a reason', async () => {
    const id = await caseAt('new')
    expectProblem(await move(id, 'closed'), 400, 'case.reason_required')
    const res = await move(id, 'closed', { reason: 'Duplicate of C-2026-000001' })
    expect(res.json()).toMatchObject({ status: 'closed' })
  })

  it('takes rescued only on resolution', async () => {
    const id = await caseAt('in_progress')
    expectProblem(await move(id, 'waiting_citizen', { rescued: 2 }), 400, 'case.rescued_on_resolve_only')
    expect((await move(id, 'resolved', { rescued: 2 })).json()).toMatchObject({
      status: 'resolved',
      rescued: 2,
    })
  })

  it('refuses a status event without a status or with an unknown one', async () => {
    const id = await caseAt('new')
    expectProblem(
      await call('POST', `/api/v1/cases/${id}/events`, staff.tokyo.cookie, { kind: 'status' }),
      400,
      'case.status_required',
    )
    expectProblem(await move(id, 'lost'), 400, 'validation.failed')
  })
})
