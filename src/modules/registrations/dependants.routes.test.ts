import { describe, expect, it } from 'vitest'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { dayFromToday, expectProblem, registerCitizen } from '../../../test/helpers/http.ts'

const { runtime, staff, call } = withDemoRuntime()
const day = dayFromToday

const child = {
  nameLatin: 'Wang Xiaoming',
  nameZh: '王小明',
  dateOfBirth: '2015-03-02',
  sex: 'M',
  passportNumber: 'e11223344',
  relation: 'child',
}

const trip = { destinations: [{ country: 'JP', city: 'Tokyo', lat: 35.68, lon: 139.76 }] }

async function addDependant(cookie: string, body: object = child): Promise<string> {
  const res = await call('POST', '/api/v1/me/dependants', cookie, body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id
}

describe('dependants', () => {
  it('adds, lists, merges and removes a dependant, passport sealed and masked like the profile', async () => {
    const a = await registerCitizen(runtime().app)
    const created = await call('POST', '/api/v1/me/dependants', a.cookie, child)
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id
    expect(created.json()).toMatchObject({
      nameLatin: 'WANG XIAOMING',
      nameZh: '王小明',
      dateOfBirth: '2015-03-02',
      sex: 'M',
      passportNumber: '••••3344',
      relation: 'child',
      phone: null,
    })
    expect(JSON.stringify((await call('GET', '/api/v1/me/dependants', a.cookie)).json())).not.toContain(
      'E11223344',
    )
    const raw = await runtime()
      .ctx.db.selectFrom('dependants')
      .select(['passport_sealed', 'passport_digest'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(raw.passport_sealed).not.toContain('11223344')
    expect(raw.passport_digest).toBe(runtime().ctx.secrets.blindIndex('E11223344'))

    const merged = await call('PUT', `/api/v1/me/dependants/${id}`, a.cookie, {
      phone: '+8613900139000',
      nameZh: null,
      relation: 'other',
    })
    expect(merged.statusCode, merged.body).toBe(200)
    expect(merged.json()).toMatchObject({
      nameLatin: 'WANG XIAOMING',
      nameZh: null,
      phone: '+8613900139000',
      relation: 'other',
      passportNumber: '••••3344',
    })
    const cleared = await call('PUT', `/api/v1/me/dependants/${id}`, a.cookie, { passportNumber: null })
    expect(cleared.json().passportNumber).toBeNull()
    expect((await call('GET', `/api/v1/me/dependants/${id}`, a.cookie)).json().phone).toBe('+8613900139000')
    expect((await call('DELETE', `/api/v1/me/dependants/${id}`, a.cookie)).statusCode).toBe(204)
    expect((await call('GET', '/api/v1/me/dependants', a.cookie)).json()).toEqual([])
  })

  it("answers 404 for another person's dependant and 401 without a session", async () => {
    const a = await registerCitizen(runtime().app)
    const b = await registerCitizen(runtime().app)
    const id = await addDependant(a.cookie)
    expectProblem(await call('GET', `/api/v1/me/dependants/${id}`, b.cookie), 404, 'dependant.not_found')
    expectProblem(
      await call('PUT', `/api/v1/me/dependants/${id}`, b.cookie, { relation: 'spouse' }),
      404,
      'dependant.not_found',
    )
    expectProblem(await call('DELETE', `/api/v1/me/dependants/${id}`, b.cookie), 404, 'dependant.not_found')
    expect((await call('GET', '/api/v1/me/dependants', b.cookie)).json()).toEqual([])
    expect((await call('GET', `/api/v1/me/dependants/${id}`, a.cookie)).json().relation).toBe('child')
    for (const [method, url] of [
      ['GET', '/api/v1/me/dependants'],
      ['POST', '/api/v1/me/dependants'],
      ['PUT', `/api/v1/me/dependants/${id}`],
      ['DELETE', `/api/v1/me/dependants/${id}`],
    ] as const)
      expectProblem(await call(method, url, undefined, child), 401, 'auth.unauthenticated')
  })

  it('refuses bad input with stable codes and writes nothing', async () => {
    const { cookie } = await registerCitizen(runtime().app)
    const bad: Array<[object, number, string]> = [
      [{ ...child, phone: '12345' }, 400, 'validation.failed'],
      [{ ...child, relation: 'cousin' }, 400, 'validation.failed'],
      [{ ...child, dateOfBirth: '2015-02-30' }, 400, 'validation.failed'],
      [{ ...child, dateOfBirth: day(2) }, 400, 'dependant.bad_date_of_birth'],
      [{ ...child, passportNumber: 'E1' }, 400, 'validation.failed'],
      [{ ...child, nameLatin: '王小明' }, 400, 'validation.failed'],
      [{ ...child, shoeSize: 30 }, 400, 'validation.failed'],
      [{ nameLatin: 'Wang Xiaoming', relation: 'child' }, 400, 'validation.failed'],
    ]
    for (const [body, status, code] of bad)
      expectProblem(await call('POST', '/api/v1/me/dependants', cookie, body), status, code)
    expect((await call('GET', '/api/v1/me/dependants', cookie)).json()).toEqual([])

    const id = await addDependant(cookie)
    expectProblem(
      await call('PUT', `/api/v1/me/dependants/${id}`, cookie, { dateOfBirth: day(1) }),
      400,
      'dependant.bad_date_of_birth',
    )
    expectProblem(
      await call('PUT', `/api/v1/me/dependants/${id}`, cookie, { nameLatin: null }),
      400,
      'validation.failed',
    )
    expectProblem(
      await call('PUT', '/api/v1/me/dependants/not-a-uuid', cookie, { relation: 'spouse' }),
      400,
      'validation.failed',
    )
    expect((await call('GET', `/api/v1/me/dependants/${id}`, cookie)).json().dateOfBirth).toBe('2015-03-02')
  })

  it('stops at 20 dependants', async () => {
    const { cookie } = await registerCitizen(runtime().app)
    for (let i = 0; i < 20; i++) await addDependant(cookie, { ...child, passportNumber: undefined })
    expectProblem(await call('POST', '/api/v1/me/dependants', cookie, child), 409, 'dependant.too_many')
    expect((await call('GET', '/api/v1/me/dependants', cookie)).json()).toHaveLength(20)
  })
})

describe('travellers on a trip', () => {
  it('lists my dependants on a trip, refuses anyone else’s, keeps them on a PUT that leaves them out', async () => {
    const a = await registerCitizen(runtime().app)
    const b = await registerCitizen(runtime().app)
    const kid = await addDependant(a.cookie)
    const spouse = await addDependant(a.cookie, { ...child, relation: 'spouse', nameLatin: 'Li Na' })
    const foreign = await addDependant(b.cookie)
    const body = { ...trip, startDate: day(1), endDate: day(9) }

    expectProblem(
      await call('POST', '/api/v1/me/trips', a.cookie, { ...body, travellers: [kid, foreign] }),
      400,
      'trip.unknown_traveller',
    )
    expectProblem(
      await call('POST', '/api/v1/me/trips', a.cookie, {
        ...body,
        travellers: ['0190b1e2-0000-7000-8000-000000000000'],
      }),
      400,
      'trip.unknown_traveller',
    )
    expectProblem(
      await call('POST', '/api/v1/me/trips', a.cookie, { ...body, travellers: [kid, kid] }),
      400,
      'validation.failed',
    )
    expect((await call('GET', '/api/v1/me/trips', a.cookie)).json()).toEqual([])

    const created = await call('POST', '/api/v1/me/trips', a.cookie, { ...body, travellers: [spouse, kid] })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id
    expect(created.json().travellers).toEqual([kid, spouse].sort())
    expect((await call('GET', `/api/v1/me/trips/${id}`, a.cookie)).json().travellers).toEqual(
      [kid, spouse].sort(),
    )

    const kept = await call('PUT', `/api/v1/me/trips/${id}`, a.cookie, { ...body, endDate: day(10) })
    expect(kept.json()).toMatchObject({ endDate: day(10), travellers: [kid, spouse].sort() })
    expectProblem(
      await call('PUT', `/api/v1/me/trips/${id}`, a.cookie, { ...body, travellers: [foreign] }),
      400,
      'trip.unknown_traveller',
    )
    expect((await call('GET', `/api/v1/me/trips/${id}`, a.cookie)).json().endDate).toBe(day(10))

    expect((await call('DELETE', `/api/v1/me/dependants/${spouse}`, a.cookie)).statusCode).toBe(204)
    expect((await call('GET', `/api/v1/me/trips/${id}`, a.cookie)).json().travellers).toEqual([kid])
    const cleared = await call('PUT', `/api/v1/me/trips/${id}`, a.cookie, { ...body, travellers: [] })
    expect(cleared.json().travellers).toEqual([])
  })

  it('exports dependants with their passports and deletes them with the account', async () => {
    const { cookie, userId } = await registerCitizen(runtime().app)
    const kid = await addDependant(cookie)
    await call('POST', '/api/v1/me/trips', cookie, {
      ...trip,
      startDate: day(1),
      endDate: day(3),
      travellers: [kid],
    })
    const exported = (await call('GET', '/api/v1/me/export', cookie)).json()
    expect(exported.dependants).toEqual([
      expect.objectContaining({ id: kid, nameLatin: 'WANG XIAOMING', passportNumber: 'E11223344' }),
    ])
    expect(exported.trips[0].travellers).toEqual([kid])

    expect((await call('DELETE', '/api/v1/me', cookie)).statusCode).toBe(204)
    const left = await runtime()
      .ctx.db.selectFrom('dependants')
      .select('id')
      .where('user_id', '=', userId)
      .execute()
    expect(left).toEqual([])
    const onTrips = await runtime()
      .ctx.db.selectFrom('trip_travellers')
      .select('trip_id')
      .where('dependant_id', '=', kid)
      .execute()
    expect(onTrips).toEqual([])
  })
})

describe('people search counts heads', () => {
  it('lists dependants travelling with a person found, counts them, and audits the read', async () => {
    const p = await registerCitizen(runtime().app, { name: 'Qian Family' })
    await call('PUT', '/api/v1/me/profile', p.cookie, { nameLatin: 'Qian Duoduo' })
    const kid = await addDependant(p.cookie, { ...child, nameLatin: 'Qian Xiaoduo' })
    const spouse = await addDependant(p.cookie, {
      nameLatin: 'Sun Li',
      dateOfBirth: '1985-01-01',
      relation: 'spouse',
      passportNumber: 'EB9988776',
    })
    await call('POST', '/api/v1/me/trips', p.cookie, {
      ...trip,
      startDate: day(0),
      endDate: day(6),
      travellers: [kid],
    })
    await call('POST', '/api/v1/me/trips', p.cookie, {
      destinations: [{ country: 'FR', city: 'Paris', lat: 48.8566, lon: 2.3522 }],
      startDate: day(20),
      endDate: day(25),
      travellers: [spouse],
    })

    const tokyo = (await call('GET', '/api/v1/people?country=JP&q=qian', staff.officerTokyo)).json()
    expect(tokyo).toMatchObject({ count: 1, dependants: 1, heads: 2 })
    expect(tokyo.people[0].dependants).toEqual([
      {
        id: kid,
        relation: 'child',
        nameLatin: 'QIAN XIAODUO',
        nameZh: '王小明',
        dateOfBirth: '2015-03-02',
        sex: 'M',
        passportNumber: '••••3344',
      },
    ])
    const paris = (await call('GET', '/api/v1/people?q=qian', staff.officerParis)).json()
    expect(paris).toMatchObject({ count: 1, dependants: 1, heads: 2 })
    expect(paris.people[0].dependants).toEqual([
      expect.objectContaining({ id: spouse, passportNumber: '••••8776' }),
    ])
    expect((await call('GET', '/api/v1/people?q=qian', staff.duty)).json()).toMatchObject({
      count: 1,
      dependants: 2,
      heads: 3,
    })
    const csv = await call('GET', '/api/v1/people?country=JP&q=qian&format=csv', staff.officerTokyo)
    expect(csv.body).toContain('child:QIAN XIAODUO ••••3344')

    const viewed = await call('GET', `/api/v1/people/${p.userId}`, staff.officerTokyo)
    expect(viewed.statusCode, viewed.body).toBe(200)
    expect(viewed.json().dependants.map((d: { id: string }) => d.id)).toEqual([kid, spouse])
    expect(JSON.stringify(viewed.json())).not.toContain('EB9988776')
    const audit = await runtime()
      .ctx.db.selectFrom('audit_log')
      .select(['action', 'details'])
      .where('subject_id', '=', p.userId)
      .where('action', '=', 'person.view')
      .executeTakeFirstOrThrow()
    expect(audit.details).toMatchObject({ dependants: [kid, spouse] })

    const { cookie } = await registerCitizen(runtime().app)
    expectProblem(await call('GET', '/api/v1/people?q=qian', cookie), 403, 'auth.forbidden')
  })
})
