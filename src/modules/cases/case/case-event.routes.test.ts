import { describe, expect, it } from 'vitest'
import { TOKYO, withCasesRuntime } from '../../../../test/helpers/cases.ts'
import { expectProblem, registerCitizen } from '../../../../test/helpers/http.ts'

const { runtime, staff, call } = withCasesRuntime()

const UNKNOWN = '01900000-0000-7000-8000-000000000000'

async function newCase(body: object = {}) {
  const res = await call('POST', '/api/v1/cases', staff.operator.cookie, {
    type: 'medical',
    summary: 'In hospital',
    ...TOKYO,
    ...body,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}
const event = (id: string, body: object, cookie = staff.tokyo.cookie) =>
  call('POST', `/api/v1/cases/${id}/events`, cookie, body)

describe('POST /api/v1/cases/{id}/events', () => {
  it('adds notes, calls and tasks to the timeline with who and when; the first one is the first response', async () => {
    const c = await newCase()
    expect(c.firstResponseAt).toBeNull()
    const noted = await event(c.id, { kind: 'note', note: 'Spoke to the hospital' })
    expect(noted.statusCode, noted.body).toBe(201)
    expect(noted.json().firstResponseAt).not.toBeNull()
    expect(noted.json().updateDue).not.toBeNull()
    await event(c.id, { kind: 'call', note: 'Called the family' })
    const due = new Date(Date.now() + 86_400_000).toISOString()
    const tasked = await event(c.id, { kind: 'task', note: 'Arrange an interpreter', at: due })
    const kinds = tasked.json().timeline.map((e: { kind: string }) => e.kind)
    expect(kinds).toEqual(['created', 'note', 'call', 'task'])
    expect(tasked.json().timeline.at(-1)).toMatchObject({
      kind: 'task',
      note: 'Arrange an interpreter',
      by: { id: staff.tokyo.userId, name: expect.stringContaining('Tokyo') },
      details: { due },
    })
    expectProblem(await event(c.id, { kind: 'note' }), 400, 'case.note_required')
    expectProblem(await event(c.id, { kind: 'gossip', note: 'x' }), 400, 'validation.failed')
    expectProblem(await event(c.id, { kind: 'note', note: 'x', colour: 'red' }), 400, 'validation.failed')
    expectProblem(await event(UNKNOWN, { kind: 'note', note: 'x' }), 404, 'case.not_found')
  })

  it('assigns to staff only, and unassigns', async () => {
    const c = await newCase()
    const citizen = await registerCitizen(runtime().app)
    expectProblem(await event(c.id, { kind: 'assignment' }), 400, 'case.assignee_required')
    expectProblem(
      await event(c.id, { kind: 'assignment', assigneeId: citizen.userId }),
      400,
      'case.bad_assignee',
    )
    expectProblem(await event(c.id, { kind: 'assignment', assigneeId: UNKNOWN }), 400, 'case.bad_assignee')
    const assigned = await event(c.id, { kind: 'assignment', assigneeId: staff.tokyo.userId })
    expect(assigned.json()).toMatchObject({ assignee: { id: staff.tokyo.userId } })
    expect(assigned.json().timeline.at(-1)).toMatchObject({
      kind: 'assignment',
      details: { from: null, to: staff.tokyo.userId },
    })
    const cleared = await event(c.id, { kind: 'assignment', assigneeId: null })
    expect(cleared.json().assignee).toBeNull()
  })

  it('changes the priority with a reason, and the update target follows it', async () => {
    const c = await newCase({ type: 'lost_documents' })
    expect(c.priority).toBe('P3')
    expectProblem(await event(c.id, { kind: 'priority', priority: 'P1' }), 400, 'case.reason_required')
    expectProblem(await event(c.id, { kind: 'priority', reason: 'x' }), 400, 'case.priority_required')
    expectProblem(
      await event(c.id, { kind: 'priority', priority: 'P3', reason: 'x' }),
      400,
      'case.priority_unchanged',
    )
    const res = await event(c.id, { kind: 'priority', priority: 'P1', reason: 'The child is with them' })
    expect(res.json()).toMatchObject({ priority: 'P1' })
    expect(res.json().timeline.at(-1)).toMatchObject({
      kind: 'priority',
      details: { from: 'P3', to: 'P1', reason: 'The child is with them' },
    })
    const minutes = (new Date(res.json().updateDue).getTime() - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(55)
    expect(minutes).toBeLessThanOrEqual(60)
  })

  it('adds and removes team members', async () => {
    const c = await newCase({ needToKnow: true })
    const add = await event(c.id, { kind: 'team', memberId: staff.paris.userId }, staff.duty.cookie)
    expect(add.json().team).toEqual([expect.objectContaining({ id: staff.paris.userId })])
    expect((await call('GET', `/api/v1/cases/${c.id}`, staff.paris.cookie)).statusCode).toBe(200)
    await event(c.id, { kind: 'team', memberId: staff.paris.userId, remove: true }, staff.duty.cookie)
    expectProblem(await call('GET', `/api/v1/cases/${c.id}`, staff.paris.cookie), 404, 'case.not_found')
    expectProblem(
      await event(c.id, { kind: 'team', memberId: staff.paris.userId, remove: true }, staff.duty.cookie),
      404,
      'case.not_a_member',
    )
    expectProblem(await event(c.id, { kind: 'team' }, staff.duty.cookie), 400, 'case.member_required')
  })

  it('takes only notes, calls and status changes on a resolved or closed case', async () => {
    const c = await newCase()
    await event(c.id, { kind: 'status', status: 'in_progress' })
    await event(c.id, { kind: 'status', status: 'resolved' })
    expect((await event(c.id, { kind: 'note', note: 'Thanked us' })).statusCode).toBe(201)
    expectProblem(await event(c.id, { kind: 'task', note: 'x' }), 409, 'case.closed')
    expectProblem(await event(c.id, { kind: 'assignment', assigneeId: null }), 409, 'case.closed')
  })

  it('is for hotline staff only', async () => {
    const c = await newCase()
    const citizen = await registerCitizen(runtime().app)
    expectProblem(await event(c.id, { kind: 'note', note: 'x' }, citizen.cookie), 403, 'auth.forbidden')
    expectProblem(
      await call('POST', `/api/v1/cases/${c.id}/events`, undefined, { kind: 'note', note: 'x' }),
      401,
      'auth.unauthenticated',
    )
  })
})

describe('POST /api/v1/cases/{id}/contacts', () => {
  it('links an earlier contact to the case instead of opening a duplicate', async () => {
    const c = await newCase()
    const contact = await call('POST', '/api/v1/contacts', staff.operator.cookie, {
      channel: 'chat',
      caller: { name: 'Brother' },
      summary: 'Asks how he is',
    })
    const link = () =>
      call('POST', `/api/v1/cases/${c.id}/contacts`, staff.operator.cookie, { contactId: contact.json().id })
    const res = await link()
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().timeline.at(-1)).toMatchObject({
      kind: 'contact',
      note: 'Asks how he is',
      details: { contactId: contact.json().id, channel: 'chat' },
    })
    expectProblem(await link(), 409, 'contact.already_linked')
    expectProblem(
      await call('POST', `/api/v1/cases/${c.id}/contacts`, staff.operator.cookie, { contactId: UNKNOWN }),
      404,
      'contact.not_found',
    )
    expectProblem(
      await call('POST', `/api/v1/cases/${c.id}/contacts`, staff.paris.cookie, {
        contactId: contact.json().id,
      }),
      404,
      'case.not_found',
    )
    // A contact recorded with caseId joins the timeline too.
    const direct = await call('POST', '/api/v1/contacts', staff.operator.cookie, {
      channel: 'phone',
      caller: { name: 'Mother' },
      summary: 'Calls again',
      caseId: c.id,
    })
    expect(direct.json()).toMatchObject({ caseId: c.id, mission: { code: 'JP-TYO-EMB' } })
  })
})
