import { describe, expect, it } from 'vitest'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { dayFromToday, expectProblem, registerCitizen } from '../../../test/helpers/http.ts'
import { emailTaken } from '../identity/index.ts'
import { purgeExpired } from './purge.job.ts'

const { runtime, staff, call } = withDemoRuntime()
const day = dayFromToday

describe('profile', () => {
  it('merges fields, masks the passport and refuses a bad phone', async () => {
    const { cookie } = await registerCitizen(runtime().app)
    const put = await call('PUT', '/api/v1/me/profile', cookie, {
      nameLatin: 'Wang Fang',
      nameZh: '王芳',
      dateOfBirth: '1990-05-04',
      sex: 'F',
      passportNumber: 'e12345678',
      phone: '+8613800138000',
      consentToContact: true,
      emergencyContacts: [{ name: 'Wang Lei', phone: '+8613900139000', relation: 'brother' }],
    })
    expect(put.statusCode, put.body).toBe(200)
    expect(put.json()).toMatchObject({
      nameLatin: 'WANG FANG',
      passportNumber: '••••5678',
      phone: '+8613800138000',
    })
    const merged = await call('PUT', '/api/v1/me/profile', cookie, { locale: 'en' })
    expect(merged.json()).toMatchObject({ nameZh: '王芳', locale: 'en', consentToContact: true })
    expect(JSON.stringify((await call('GET', '/api/v1/me/profile', cookie)).json())).not.toContain(
      'E12345678',
    )
    expectProblem(
      await call('PUT', '/api/v1/me/profile', cookie, { phone: '12345' }),
      400,
      'validation.failed',
    )
    expectProblem(
      await call('PUT', '/api/v1/me/profile', cookie, { dateOfBirth: '2999-01-01' }),
      400,
      'profile.bad_date_of_birth',
    )
    expectProblem(await call('PUT', '/api/v1/me/profile', cookie, { shoeSize: 42 }), 400, 'validation.failed')
    const raw = await runtime().ctx.db.selectFrom('profiles').select('passport_sealed').executeTakeFirst()
    expect(raw?.passport_sealed).not.toContain('12345678')
  })
})

describe('trips', () => {
  it('creates, lists, changes and deletes a trip; another person sees 404', async () => {
    const a = await registerCitizen(runtime().app)
    const b = await registerCitizen(runtime().app)
    const trip = {
      destinations: [{ country: 'jp', city: 'Tokyo', lat: 35.68, lon: 139.76 }],
      startDate: day(1),
      endDate: day(10),
    }
    const created = await call('POST', '/api/v1/me/trips', a.cookie, trip)
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().id
    expect(created.json()).toMatchObject({ destinations: [{ country: 'JP', city: 'Tokyo' }], warnings: [] })
    expect((await call('GET', '/api/v1/me/trips', a.cookie)).json()).toHaveLength(1)
    expectProblem(await call('GET', `/api/v1/me/trips/${id}`, b.cookie), 404, 'trip.not_found')
    expectProblem(await call('PUT', `/api/v1/me/trips/${id}`, b.cookie, trip), 404, 'trip.not_found')
    expectProblem(await call('DELETE', `/api/v1/me/trips/${id}`, b.cookie), 404, 'trip.not_found')
    const changed = await call('PUT', `/api/v1/me/trips/${id}`, a.cookie, { ...trip, endDate: day(12) })
    expect(changed.json().endDate).toBe(day(12))
    expect((await call('DELETE', `/api/v1/me/trips/${id}`, a.cookie)).statusCode).toBe(204)
    expect((await call('GET', '/api/v1/me/trips', a.cookie)).json()).toHaveLength(0)
  })

  it('refuses what a traveller would get wrong, and warns about a point outside the country', async () => {
    const { cookie } = await registerCitizen(runtime().app)
    const base = { destinations: [{ country: 'FR' }], startDate: day(1), endDate: day(5) }
    expectProblem(
      await call('POST', '/api/v1/me/trips', cookie, { ...base, startDate: day(5), endDate: day(1) }),
      400,
      'trip.dates_inverted',
    )
    expectProblem(
      await call('POST', '/api/v1/me/trips', cookie, { ...base, startDate: day(-400), endDate: day(-390) }),
      400,
      'trip.in_past',
    )
    expectProblem(
      await call('POST', '/api/v1/me/trips', cookie, { ...base, destinations: [{ country: 'QQ' }] }),
      400,
      'reference.unknown_country',
    )
    expectProblem(
      await call('POST', '/api/v1/me/trips', cookie, { ...base, startDate: '2026-02-30' }),
      400,
      'validation.failed',
    )
    expectProblem(
      await call('POST', '/api/v1/me/trips', cookie, { ...base, destinations: [] }),
      400,
      'validation.failed',
    )
    expectProblem(
      await call('POST', '/api/v1/me/trips', cookie, { ...base, destinations: [{ country: 'FR', lat: 48 }] }),
      400,
      'validation.failed',
    )
    expect((await call('POST', '/api/v1/me/trips', cookie, base)).statusCode).toBe(201)
    expectProblem(await call('POST', '/api/v1/me/trips', cookie, base), 409, 'trip.duplicate')
    const berlinInFrance = await call('POST', '/api/v1/me/trips', cookie, {
      ...base,
      startDate: day(20),
      endDate: day(25),
      destinations: [{ country: 'FR', lat: 52.52, lon: 13.405 }],
    })
    expect(berlinInFrance.statusCode).toBe(201)
    expect(berlinInFrance.json().warnings).toEqual([
      expect.objectContaining({ code: 'trip.point_outside_country', destination: 0 }),
    ])
    expect((await call('GET', '/api/v1/me/trips', cookie)).json()).toHaveLength(2)
  })

  it('purges trips and locations that ended longer ago than the retention period', async () => {
    const { cookie, userId } = await registerCitizen(runtime().app)
    expect(
      (
        await call('POST', '/api/v1/me/trips', cookie, {
          destinations: [{ country: 'IT' }],
          startDate: day(0),
          endDate: day(2),
        })
      ).statusCode,
    ).toBe(201)
    await runtime()
      .ctx.db.updateTable('trips')
      .set({ start_date: day(-200), end_date: day(-100) })
      .where('user_id', '=', userId)
      .execute()
    const purged = await purgeExpired(runtime().ctx)
    expect(purged.trips).toBeGreaterThanOrEqual(1)
    expect((await call('GET', '/api/v1/me/trips', cookie)).json()).toHaveLength(0)
  })
})

describe('location, export and deletion', () => {
  it('keeps "I am here now" with its country, exports everything and deletes the account', async () => {
    const { cookie, email } = await registerCitizen(runtime().app)
    await call('PUT', '/api/v1/me/profile', cookie, { passportNumber: 'G87654321' })
    const loc = await call('PUT', '/api/v1/me/location', cookie, { lat: 48.8566, lon: 2.3522, accuracyM: 30 })
    expect(loc.statusCode, loc.body).toBe(200)
    expect(loc.json()).toMatchObject({ country: 'FR', accuracyM: 30 })
    expectProblem(
      await call('PUT', '/api/v1/me/location', cookie, { lat: 91, lon: 0 }),
      400,
      'validation.failed',
    )
    const exported = await call('GET', '/api/v1/me/export', cookie)
    expect(exported.statusCode).toBe(200)
    expect(exported.json()).toMatchObject({
      account: { email },
      profile: { passportNumber: 'G87654321' },
      location: { country: 'FR' },
    })
    expect((await call('DELETE', '/api/v1/me', cookie)).statusCode).toBe(204)
    expect((await call('GET', '/api/v1/me/profile', cookie)).statusCode).toBe(401)
    expect(await emailTaken(runtime().ctx.db, email)).toBe(false)
  })
})

describe('people search for staff', () => {
  it('finds people by country, name, phone and passport within the officer’s districts only', async () => {
    const t = await registerCitizen(runtime().app, { name: 'Tokyo Person' })
    await call('PUT', '/api/v1/me/profile', t.cookie, {
      nameLatin: 'Zhao Tokyo',
      nameZh: '赵东京',
      phone: '+8613811112222',
      passportNumber: 'EA7654321',
    })
    await call('POST', '/api/v1/me/trips', t.cookie, {
      destinations: [{ country: 'JP', lat: 35.68, lon: 139.76 }],
      startDate: day(0),
      endDate: day(9),
    })
    const p = await registerCitizen(runtime().app, { name: 'Paris Person' })
    await call('PUT', '/api/v1/me/profile', p.cookie, { nameLatin: 'Zhao Paris' })
    await call('PUT', '/api/v1/me/location', p.cookie, { lat: 48.8566, lon: 2.3522 })

    const tokyo = (await call('GET', '/api/v1/people?q=zhao', staff.officerTokyo)).json()
    expect(tokyo.people.map((x: { nameLatin: string }) => x.nameLatin)).toEqual(['ZHAO TOKYO'])
    expect(tokyo.people[0]).toMatchObject({ nameZh: '赵东京', passportNumber: '••••4321' })
    const paris = (await call('GET', '/api/v1/people?q=zhao', staff.officerParis)).json()
    expect(paris.people.map((x: { nameLatin: string }) => x.nameLatin)).toEqual(['ZHAO PARIS'])
    const all = (await call('GET', '/api/v1/people?q=zhao', staff.duty)).json()
    expect(all.count).toBe(2)

    expect((await call('GET', '/api/v1/people?q=%2B8613811112222', staff.officerTokyo)).json().count).toBe(1)
    expect((await call('GET', '/api/v1/people?q=ea7654321', staff.officerTokyo)).json().count).toBe(1)
    expect((await call('GET', '/api/v1/people?country=JP&q=zhao', staff.officerParis)).json().count).toBe(0)
    expectProblem(
      await call('GET', `/api/v1/people/${t.userId}`, staff.officerParis),
      404,
      'person.not_found',
    )
    const reveal = await call('POST', `/api/v1/people/${t.userId}/passport`, staff.officerTokyo)
    expect(reveal.json()).toEqual({ passportNumber: 'EA7654321' })
    const audit = await runtime()
      .ctx.db.selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', t.userId)
      .execute()
    expect(audit.map((a) => a.action)).toContain('person.passport_reveal')

    const area = {
      type: 'Polygon',
      coordinates: [
        [
          [139, 35],
          [140.5, 35],
          [140.5, 36.5],
          [139, 36.5],
          [139, 35],
        ],
      ],
    }
    const inArea = await call('POST', '/api/v1/people/search', staff.officerTokyo, { area })
    expect(inArea.json().people.map((x: { id: string }) => x.id)).toContain(t.userId)
    const csv = await call('POST', '/api/v1/people/search', staff.officerTokyo, { area, format: 'csv' })
    expect(csv.headers['content-type']).toMatch(/text\/csv/)
    expect(csv.body).toContain('ZHAO TOKYO')
    expectProblem(
      await call('POST', '/api/v1/people/search', staff.officerTokyo, {
        area: {
          type: 'Polygon',
          coordinates: [
            [
              [1, 1],
              [2, 1],
              [2, 2],
              [1, 2],
            ],
          ],
        },
      }),
      400,
      'validation.failed',
    )
    // JSON takes the limit as a number only; the query string's text is read as one.
    for (const limit of [true, [1], '5'])
      expectProblem(
        await call('POST', '/api/v1/people/search', staff.officerTokyo, { area, limit }),
        400,
        'validation.failed',
      )
    expect(
      (await call('POST', '/api/v1/people/search', staff.officerTokyo, { area, limit: 1 })).statusCode,
    ).toBe(200)
    expect((await call('GET', '/api/v1/people?q=zhao&limit=1', staff.duty)).json().people).toHaveLength(1)
  })

  it('keeps citizens and operators out', async () => {
    const { cookie } = await registerCitizen(runtime().app)
    expectProblem(await call('GET', '/api/v1/people', cookie), 403, 'auth.forbidden')
    expectProblem(
      await runtime().app.inject({ method: 'GET', url: '/api/v1/people' }),
      401,
      'auth.unauthenticated',
    )
  })
})
