import { describe, expect, it } from 'vitest'
import { citizenWithPhone, OSAKA, TOKYO, withCasesRuntime } from '../../../../test/helpers/cases.ts'
import { expectProblem } from '../../../../test/helpers/http.ts'
import { recordHelpRequest } from '../index.ts'

const { runtime, staff, call } = withCasesRuntime()

const openContacts = async (cookie: string) =>
  (await call('GET', '/api/v1/contacts?open=true', cookie)).json().contacts as { id: string }[]

describe('POST /api/v1/me/help', () => {
  it('arrives at once as a P1 app contact with the registry location, in the caller look-up and the open list', async () => {
    const citizen = await citizenWithPhone(runtime().app, TOKYO)
    const res = await call('POST', '/api/v1/me/help', citizen.cookie, {
      message: 'Earthquake, trapped in a building',
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      priority: 'P1',
      location: TOKYO,
      locationSource: 'registry',
      country: 'JP',
      mission: { code: 'JP-TYO-EMB' },
    })
    const id = res.json().id

    const lookup = await call(
      'GET',
      `/api/v1/contacts?caller=${encodeURIComponent(citizen.phone)}`,
      staff.operator.cookie,
    )
    expect(lookup.json().person).toMatchObject({ id: citizen.userId, nameLatin: 'ZHANG WEI', nameZh: '张伟' })
    expect(lookup.json().contacts[0]).toMatchObject({
      id,
      kind: 'help_request',
      channel: 'app',
      priority: 'P1',
      summary: 'Earthquake, trapped in a building',
      caller: { phone: citizen.phone, personId: citizen.userId, name: 'ZHANG WEI' },
      person: { nameZh: '张伟' },
      location: TOKYO,
      takenBy: null,
    })
    expect((await openContacts(staff.operator.cookie)).map((c) => c.id)).toContain(id)
    expect((await openContacts(staff.tokyo.cookie)).map((c) => c.id)).toContain(id)
    expect((await openContacts(staff.paris.cookie)).map((c) => c.id)).not.toContain(id)
    const apps = (await call('GET', '/api/v1/contacts?channel=app', staff.duty.cookie)).json().contacts
    expect(apps[0]).toMatchObject({ id })

    const exported = (await call('GET', '/api/v1/me/export', citizen.cookie)).json()
    expect(exported.helpRequests).toEqual([
      expect.objectContaining({ id, message: 'Earthquake, trapped in a building', country: 'JP' }),
    ])
  })

  it('takes the point the citizen gives over the registry, and routes it by district', async () => {
    const citizen = await citizenWithPhone(runtime().app, TOKYO)
    const res = await call('POST', '/api/v1/me/help', citizen.cookie, { message: 'Help', ...OSAKA })
    expect(res.json()).toMatchObject({
      location: OSAKA,
      locationSource: 'given',
      mission: { code: 'JP-OSA-CG' },
    })
  })

  it('records a request from someone the registry cannot place, without a location', async () => {
    const citizen = await citizenWithPhone(runtime().app)
    const res = await call('POST', '/api/v1/me/help', citizen.cookie, { message: 'Help' })
    expect(res.json()).toMatchObject({ location: null, locationSource: null, mission: null })
  })

  it('leaves the open list once linked to a case', async () => {
    const citizen = await citizenWithPhone(runtime().app, TOKYO)
    const help = (await call('POST', '/api/v1/me/help', citizen.cookie, { message: 'Robbed' })).json()
    const opened = await call('POST', '/api/v1/cases', staff.operator.cookie, {
      type: 'assault',
      summary: 'Robbed and hurt',
      contactId: help.id,
    })
    expect(opened.statusCode, opened.body).toBe(201)
    expect(opened.json()).toMatchObject({
      mission: { code: 'JP-TYO-EMB' },
      location: TOKYO,
      people: [{ personId: citizen.userId }],
    })
    expect((await openContacts(staff.operator.cookie)).map((c) => c.id)).not.toContain(help.id)
  })

  it('refuses bad input, staff and strangers', async () => {
    const citizen = await citizenWithPhone(runtime().app)
    expectProblem(
      await call('POST', '/api/v1/me/help', citizen.cookie, { message: '' }),
      400,
      'validation.failed',
    )
    expectProblem(
      await call('POST', '/api/v1/me/help', citizen.cookie, { message: 'x', lat: 35 }),
      400,
      'validation.failed',
    )
    expectProblem(
      await call('POST', '/api/v1/me/help', citizen.cookie, { message: 'x', lat: 95, lon: 0 }),
      400,
      'validation.failed',
    )
    expectProblem(
      await call('POST', '/api/v1/me/help', citizen.cookie, { message: 'x', urgent: true }),
      400,
      'validation.failed',
    )
    expectProblem(
      await call('POST', '/api/v1/me/help', staff.operator.cookie, { message: 'x' }),
      403,
      'auth.forbidden',
    )
    expectProblem(
      await call('POST', '/api/v1/me/help', undefined, { message: 'x' }),
      401,
      'auth.unauthenticated',
    )
  })
})

describe('recordHelpRequest (for the alerts module)', () => {
  it('records a need_help answer inside the caller’s transaction, and refuses an unknown person', async () => {
    const citizen = await citizenWithPhone(runtime().app, OSAKA)
    const contact = await runtime()
      .ctx.db.transaction()
      .execute((trx) =>
        recordHelpRequest(
          runtime().ctx,
          { personId: citizen.userId, message: 'need_help', about: { type: 'alert', id: 'a1' } },
          trx,
        ),
      )
    expect(contact).toMatchObject({ kind: 'help_request', priority: 'P1', mission: { code: 'JP-OSA-CG' } })
    await expect(
      recordHelpRequest(runtime().ctx, { personId: '01900000-0000-7000-8000-000000000000', message: 'x' }),
    ).rejects.toMatchObject({ code: 'contact.unknown_person', status: 400 })
  })
})
