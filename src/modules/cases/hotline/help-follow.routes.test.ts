import { describe, expect, it } from 'vitest'
import { citizenWithPhone, OSAKA, TOKYO, withCasesRuntime } from '../../../../test/helpers/cases.ts'
import { expectProblem } from '../../../../test/helpers/http.ts'

const { runtime, staff, call } = withCasesRuntime()

/** A citizen in Tokyo and their SOS, as the POST answered it. */
async function sos(where: { lat: number; lon: number } | null = TOKYO, body: object = { message: 'Help' }) {
  const citizen = await citizenWithPhone(runtime().app, where ?? undefined)
  const res = await call('POST', '/api/v1/me/help', citizen.cookie, body)
  expect(res.statusCode, res.body).toBe(201)
  return { citizen, help: res.json() as { id: string; reference: string; status: string } }
}

const mine = async (cookie: string, id: string) => (await call('GET', `/api/v1/me/help/${id}`, cookie)).json()
const onHotline = async (cookie: string, id: string) => {
  const contacts = (await call('GET', '/api/v1/contacts?channel=app&limit=500', cookie)).json().contacts
  return contacts.find((c: { id: string }) => c.id === id)
}
const ack = (id: string, cookie = staff.operator.cookie) =>
  call('POST', `/api/v1/contacts/${id}/acknowledge`, cookie)
const claim = (id: string, cookie = staff.operator.cookie) =>
  call('POST', `/api/v1/contacts/${id}/claim`, cookie)
const cancel = (id: string, cookie: string, reason: unknown = 'false_alarm') =>
  call('POST', `/api/v1/me/help/${id}/cancel`, cookie, { reason })
const openCaseFrom = async (contactId: string) => {
  const res = await call('POST', '/api/v1/cases', staff.operator.cookie, {
    type: 'assault',
    summary: 'Robbed',
    contactId,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; reference: string }
}

describe('an SOS its sender can follow (issue #14)', () => {
  it('answers 201 {id, reference, status: received} with the profile phone to call back; GET reads it back', async () => {
    const { citizen, help } = await sos()
    expect(help).toMatchObject({ status: 'received', callbackPhone: citizen.phone, priority: 'P1' })
    expect(help.reference).toMatch(/^SOS-[0-9A-HJKMNP-TV-Z]{6}$/)
    expect(await mine(citizen.cookie, help.id)).toMatchObject({
      id: help.id,
      reference: help.reference,
      status: 'received',
      acknowledgedAt: null,
    })
    const list = (await call('GET', '/api/v1/me/help', citizen.cookie)).json()
    expect(list.map((h: { id: string }) => h.id)).toEqual([help.id])
    expect(await onHotline(staff.operator.cookie, help.id)).toMatchObject({
      help: { reference: help.reference, status: 'received', callbackPhone: citizen.phone, claimedBy: null },
    })
  })

  it('takes a call-back number in any usual writing, an empty body too, and refuses a bad number', async () => {
    const citizen = await citizenWithPhone(runtime().app, TOKYO)
    const res = await call('POST', '/api/v1/me/help', citizen.cookie, { callbackPhone: '+81 90 1234 5678' })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ callbackPhone: '+819012345678', message: 'SOS', status: 'received' })
    expectProblem(
      await call('POST', '/api/v1/me/help', citizen.cookie, { callbackPhone: '12' }),
      400,
      'contact.bad_phone',
    )
  })

  it('shows the sender `acknowledged` once an operator acknowledges it; repeating changes nothing', async () => {
    const { citizen, help } = await sos()
    const res = await ack(help.id)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().help).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: { name: expect.any(String) },
    })
    const first = res.json().help.acknowledgedAt
    expect(await mine(citizen.cookie, help.id)).toMatchObject({
      status: 'acknowledged',
      acknowledgedAt: first,
    })
    const audited = await runtime()
      .ctx.db.selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('subject_id', '=', help.id)
      .orderBy('id')
      .execute()
    expect(audited.map((a) => a.action)).toEqual(['help.request', 'help.acknowledge'])
    const again = await ack(help.id, staff.tokyo.cookie)
    expect(again.statusCode, again.body).toBe(200)
    expect(again.json().help).toMatchObject({
      acknowledgedAt: first,
      acknowledgedBy: res.json().help.acknowledgedBy,
    })
  })

  it('lets one member of staff claim it (which acknowledges it) and tells the next it is taken', async () => {
    const { citizen, help } = await sos()
    const taken = await claim(help.id, staff.tokyo.cookie)
    expect(taken.statusCode, taken.body).toBe(200)
    expect(taken.json().help).toMatchObject({ status: 'acknowledged', claimedBy: { id: staff.tokyo.userId } })
    expect((await mine(citizen.cookie, help.id)).status).toBe('acknowledged')
    expect((await claim(help.id, staff.tokyo.cookie)).statusCode).toBe(200)
    expectProblem(await claim(help.id, staff.operator.cookie), 409, 'contact.claimed')
  })

  it('follows the case opened from it to case_opened and closed, and links the case on the hotline', async () => {
    const { citizen, help } = await sos()
    const opened = await openCaseFrom(help.id)
    expect((await mine(citizen.cookie, help.id)).status).toBe('case_opened')
    expect(await onHotline(staff.operator.cookie, help.id)).toMatchObject({
      caseId: opened.id,
      help: { status: 'case_opened', caseReference: opened.reference },
    })
    // Opening a case is being seen: an acknowledge after it changes nothing.
    expect((await ack(help.id)).json().help.status).toBe('case_opened')
    const closed = await call('POST', `/api/v1/cases/${opened.id}/events`, staff.operator.cookie, {
      kind: 'status',
      status: 'closed',
      reason: 'The citizen is home',
    })
    expect(closed.statusCode, closed.body).toBe(201)
    expect((await mine(citizen.cookie, help.id)).status).toBe('closed')
    expectProblem(await cancel(help.id, citizen.cookie, 'safe_now'), 409, 'help.bad_transition')
    expectProblem(await claim(help.id), 409, 'help.bad_transition')
  })

  it('cancels as a false alarm: the hotline sees it cancelled; twice is a 409, a wrong reason a 400', async () => {
    const { citizen, help } = await sos()
    expectProblem(await cancel(help.id, citizen.cookie, 'bored'), 400, 'validation.failed')
    expectProblem(
      await call('POST', `/api/v1/me/help/${help.id}/cancel`, citizen.cookie, {}),
      400,
      'validation.failed',
    )
    expect((await mine(citizen.cookie, help.id)).status).toBe('received')
    const res = await cancel(help.id, citizen.cookie)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ id: help.id, status: 'cancelled', cancelReason: 'false_alarm' })
    expect(await onHotline(staff.operator.cookie, help.id)).toMatchObject({
      help: { status: 'cancelled', cancelReason: 'false_alarm', cancelledAt: expect.any(String) },
    })
    expectProblem(await cancel(help.id, citizen.cookie, 'safe_now'), 409, 'help.bad_transition')
    expect((await mine(citizen.cookie, help.id)).cancelReason).toBe('false_alarm')
    expectProblem(await ack(help.id), 409, 'help.bad_transition')
    expectProblem(await claim(help.id), 409, 'help.bad_transition')
  })

  it('keeps the case when the sender cancels after it was opened, and tells whoever works it', async () => {
    const { citizen, help } = await sos()
    await ack(help.id)
    const opened = await openCaseFrom(help.id)
    const res = await cancel(help.id, citizen.cookie, 'safe_now')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().status).toBe('cancelled')
    const kase = (await call('GET', `/api/v1/cases/${opened.id}`, staff.operator.cookie)).json()
    expect(kase.status).toBe('new')
    expect(kase.timeline.map((e: { kind: string }) => e.kind)).toContain('sos_cancelled')
    expect(await onHotline(staff.operator.cookie, help.id)).toMatchObject({
      caseId: opened.id,
      help: { status: 'cancelled', cancelReason: 'safe_now', caseReference: opened.reference },
    })
  })

  it('takes the location again while open, routes one sent without a place, and stops once cancelled', async () => {
    const { citizen, help } = await sos(null)
    expect(help).toMatchObject({ location: null, mission: null })
    const moved = await call('PUT', `/api/v1/me/help/${help.id}/location`, citizen.cookie, OSAKA)
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json()).toMatchObject({
      location: OSAKA,
      locationSource: 'given',
      locationUpdatedAt: expect.any(String),
      mission: { code: 'JP-OSA-CG' },
      status: 'received',
    })
    expect(await onHotline(staff.operator.cookie, help.id)).toMatchObject({
      location: OSAKA,
      help: { locationUpdatedAt: moved.json().locationUpdatedAt },
    })
    // Routed once: a later point moves the pin, not the request to another mission.
    const again = await call('PUT', `/api/v1/me/help/${help.id}/location`, citizen.cookie, TOKYO)
    expect(again.json()).toMatchObject({ location: TOKYO, mission: { code: 'JP-OSA-CG' } })
    expectProblem(
      await call('PUT', `/api/v1/me/help/${help.id}/location`, citizen.cookie, { lat: 95, lon: 0 }),
      400,
      'validation.failed',
    )
    await cancel(help.id, citizen.cookie, 'safe_now')
    expectProblem(
      await call('PUT', `/api/v1/me/help/${help.id}/location`, citizen.cookie, OSAKA),
      409,
      'help.not_open',
    )
  })

  it("answers 404 for another citizen's request and an unknown one, 403 to staff, and scopes the hotline", async () => {
    const { help } = await sos()
    const other = await citizenWithPhone(runtime().app, TOKYO)
    const unknown = '01900000-0000-7000-8000-000000000000'
    for (const id of [help.id, unknown]) {
      expectProblem(await call('GET', `/api/v1/me/help/${id}`, other.cookie), 404, 'help.not_found')
      expectProblem(await cancel(id, other.cookie), 404, 'help.not_found')
      expectProblem(
        await call('PUT', `/api/v1/me/help/${id}/location`, other.cookie, TOKYO),
        404,
        'help.not_found',
      )
    }
    expect((await call('GET', '/api/v1/me/help', other.cookie)).json()).toEqual([])
    expectProblem(
      await call('GET', `/api/v1/me/help/${help.id}`, staff.operator.cookie),
      403,
      'auth.forbidden',
    )
    expectProblem(await ack(help.id, staff.paris.cookie), 404, 'contact.not_found')
    expectProblem(await claim(help.id, staff.paris.cookie), 404, 'contact.not_found')
    expectProblem(await ack(unknown), 404, 'contact.not_found')
    expect((await ack(help.id, staff.tokyo.cookie)).statusCode).toBe(200)
  })

  it('acknowledges and claims help requests only, not calls recorded by staff', async () => {
    const call1 = await call('POST', '/api/v1/contacts', staff.operator.cookie, {
      channel: 'phone',
      caller: { name: 'A caller' },
      summary: 'Asks about visas',
    })
    expect(call1.json().help).toBeNull()
    expectProblem(await ack(call1.json().id), 409, 'contact.not_help_request')
    expectProblem(await claim(call1.json().id), 409, 'contact.not_help_request')
  })
})
