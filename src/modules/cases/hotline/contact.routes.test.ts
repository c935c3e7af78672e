import { describe, expect, it } from 'vitest'
import { citizenWithPhone, newPhone, PARIS, TOKYO, withCasesRuntime } from '../../../../test/helpers/cases.ts'
import { expectProblem, registerCitizen } from '../../../../test/helpers/http.ts'

const { runtime, staff, call } = withCasesRuntime()

const lookup = (phone: string, cookie = staff.operator.cookie) =>
  call('GET', `/api/v1/contacts?caller=${encodeURIComponent(phone)}`, cookie)

describe('POST /api/v1/contacts', () => {
  it('records a call from a registered citizen found by phone, with the mission of the point', async () => {
    const citizen = await citizenWithPhone(runtime().app, TOKYO)
    const res = await call('POST', '/api/v1/contacts', staff.operator.cookie, {
      channel: 'phone',
      caller: { phone: citizen.phone.replace('+', '00') },
      summary: 'Lost passport in Shinjuku',
      ...TOKYO,
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      kind: 'contact',
      channel: 'phone',
      caller: { phone: citizen.phone, personId: citizen.userId },
      person: { id: citizen.userId, nameLatin: 'ZHANG WEI', nameZh: '张伟' },
      location: TOKYO,
      locationSource: 'given',
      country: 'JP',
      mission: { code: 'JP-TYO-EMB' },
      caseId: null,
      takenBy: { id: staff.operator.userId },
    })
  })

  it('records an unregistered caller by name only, and refuses what an operator could get wrong', async () => {
    const ok = await call('POST', '/api/v1/contacts', staff.duty.cookie, {
      channel: 'walk_in',
      caller: { name: 'Li Na' },
      summary: 'Asks about a visa',
    })
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json()).toMatchObject({ person: null, caller: { name: 'Li Na', phone: null }, mission: null })

    const base = { channel: 'phone', caller: { name: 'X' }, summary: 'x' }
    expectProblem(
      await call('POST', '/api/v1/contacts', staff.operator.cookie, { ...base, channel: 'fax' }),
      400,
      'validation.failed',
    )
    expectProblem(
      await call('POST', '/api/v1/contacts', staff.operator.cookie, { ...base, caller: { phone: '12345' } }),
      400,
      'contact.bad_phone',
    )
    expectProblem(
      await call('POST', '/api/v1/contacts', staff.operator.cookie, { ...base, caller: {} }),
      400,
      'contact.caller_required',
    )
    expectProblem(
      await call('POST', '/api/v1/contacts', staff.operator.cookie, {
        ...base,
        caller: { personId: '01900000-0000-7000-8000-000000000000' },
      }),
      400,
      'contact.unknown_person',
    )
    expectProblem(
      await call('POST', '/api/v1/contacts', staff.operator.cookie, { ...base, lat: 35 }),
      400,
      'validation.failed',
    )
    expectProblem(
      await call('POST', '/api/v1/contacts', staff.operator.cookie, {
        ...base,
        caseId: '01900000-0000-7000-8000-000000000000',
      }),
      404,
      'case.not_found',
    )
    expectProblem(
      await call('POST', '/api/v1/contacts', staff.operator.cookie, { ...base, extra: 1 }),
      400,
      'validation.failed',
    )
  })

  it('is for hotline staff only', async () => {
    const citizen = await registerCitizen(runtime().app)
    const body = { channel: 'phone', caller: { name: 'X' }, summary: 'x' }
    expectProblem(await call('POST', '/api/v1/contacts', citizen.cookie, body), 403, 'auth.forbidden')
    expectProblem(await call('POST', '/api/v1/contacts', undefined, body), 401, 'auth.unauthenticated')
    expectProblem(await call('GET', '/api/v1/contacts', citizen.cookie), 403, 'auth.forbidden')
    expectProblem(await call('GET', '/api/v1/contacts'), 401, 'auth.unauthenticated')
  })
})

describe('GET /api/v1/contacts?caller=', () => {
  it('finds the registered person with no contacts yet, with where they are now', async () => {
    const citizen = await citizenWithPhone(runtime().app, TOKYO)
    const res = await lookup(citizen.phone)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({
      person: {
        id: citizen.userId,
        nameLatin: 'ZHANG WEI',
        nameZh: '张伟',
        phone: citizen.phone,
        whereNow: { source: 'location', country: 'JP', lat: TOKYO.lat, lon: TOKYO.lon },
        openCases: [],
      },
      contacts: [],
    })
  })

  it('lists every contact from that phone or of that person, newest first, with open cases', async () => {
    const citizen = await citizenWithPhone(runtime().app)
    const first = await call('POST', '/api/v1/contacts', staff.operator.cookie, {
      channel: 'chat',
      caller: { personId: citizen.userId },
      summary: 'first',
    })
    const second = await call('POST', '/api/v1/contacts', staff.operator.cookie, {
      channel: 'phone',
      caller: { phone: citizen.phone },
      summary: 'second',
    })
    const opened = await call('POST', '/api/v1/cases', staff.operator.cookie, {
      type: 'fraud',
      summary: 'Scammed',
      country: 'FR',
      people: [{ personId: citizen.userId }],
    })
    expect(opened.statusCode, opened.body).toBe(201)
    const res = await lookup(citizen.phone)
    expect(res.json().contacts.map((c: { id: string }) => c.id)).toEqual([second.json().id, first.json().id])
    expect(res.json().person.openCases).toEqual([
      expect.objectContaining({ id: opened.json().id, type: 'fraud', status: 'new', priority: 'P3' }),
    ])
  })

  it('answers person null for an unknown number and 400 for a malformed one', async () => {
    const phone = newPhone()
    await call('POST', '/api/v1/contacts', staff.operator.cookie, {
      channel: 'phone',
      caller: { phone },
      summary: 's',
    })
    const res = await lookup(phone)
    expect(res.json().person).toBeNull()
    expect(res.json().contacts).toHaveLength(1)
    // An unencoded + arrives as a space; the look-up still works.
    expect(
      (await call('GET', `/api/v1/contacts?caller=${phone}`, staff.operator.cookie)).json().contacts,
    ).toHaveLength(1)
    expectProblem(await lookup('not-a-phone'), 400, 'contact.bad_phone')
  })

  it('audits the look-up of a person', async () => {
    const citizen = await citizenWithPhone(runtime().app)
    await lookup(citizen.phone)
    const audit = await runtime()
      .ctx.db.selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('subject_id', '=', citizen.userId)
      .where('action', '=', 'contacts.lookup')
      .execute()
    expect(audit).toEqual([{ action: 'contacts.lookup', actor_id: staff.operator.userId }])
  })
})

describe('GET /api/v1/contacts (recent list)', () => {
  it('filters by channel, since and open, and pages with the cursor', async () => {
    const since = new Date().toISOString()
    for (const summary of ['a', 'b', 'c'])
      await call('POST', '/api/v1/contacts', staff.operator.cookie, {
        channel: 'email',
        caller: { name: 'N' },
        summary,
      })
    const page1 = await call(
      'GET',
      `/api/v1/contacts?channel=email&since=${since}&limit=2`,
      staff.operator.cookie,
    )
    expect(page1.json().contacts.map((c: { summary: string }) => c.summary)).toEqual(['c', 'b'])
    const cursor = page1.json().nextCursor
    const page2 = await call(
      'GET',
      `/api/v1/contacts?channel=email&since=${since}&limit=2&cursor=${cursor}`,
      staff.operator.cookie,
    )
    expect(page2.json().contacts.map((c: { summary: string }) => c.summary)).toEqual(['a'])
    expect(page2.json().nextCursor).toBeNull()
    expectProblem(
      await call('GET', '/api/v1/contacts?open=maybe', staff.operator.cookie),
      400,
      'validation.failed',
    )
    expectProblem(
      await call('GET', '/api/v1/contacts?since=yesterday', staff.operator.cookie),
      400,
      'validation.failed',
    )
  })

  it('shows officers the contacts of their missions only', async () => {
    const since = new Date().toISOString()
    await call('POST', '/api/v1/contacts', staff.operator.cookie, {
      channel: 'phone',
      caller: { name: 'T' },
      summary: 'tokyo',
      ...TOKYO,
    })
    await call('POST', '/api/v1/contacts', staff.operator.cookie, {
      channel: 'phone',
      caller: { name: 'P' },
      summary: 'paris',
      ...PARIS,
    })
    const seen = (cookie: string) =>
      call('GET', `/api/v1/contacts?since=${since}`, cookie).then((r) =>
        r.json().contacts.map((c: { summary: string }) => c.summary),
      )
    expect(await seen(staff.tokyo.cookie)).toEqual(['tokyo'])
    expect(await seen(staff.paris.cookie)).toEqual(['paris'])
    expect(await seen(staff.operator.cookie)).toEqual(['paris', 'tokyo'])
  })
})
