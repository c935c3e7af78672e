import { describe, expect, it } from 'vitest'
import { createCrisis, PARIS_AREA, TOKYO_AREA } from '../../../../test/helpers/crises.ts'
import { withDemoRuntime } from '../../../../test/helpers/demo-runtime.ts'
import { expectProblem, registerCitizen } from '../../../../test/helpers/http.ts'

const { runtime, staff, call } = withDemoRuntime()
const UNKNOWN = '01900000-0000-7000-8000-000000000000'
const body = { name: 'Tokyo earthquake', country: 'JP', area: TOKYO_AREA }

describe('POST /api/v1/crises', () => {
  it('opens a crisis for the duty officer, and for an officer of a mission covering the country', async () => {
    const res = await call('POST', '/api/v1/crises', staff.duty, body)
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      name: 'Tokyo earthquake',
      country: 'JP',
      status: 'active',
      area: TOKYO_AREA,
      closedAt: null,
      counts: { peopleInArea: expect.any(Number), casesTotal: 0, contacts: 0 },
      assemblyPoints: [],
      legs: [],
    })
    const startsAt = '2026-11-20T08:00:00.000Z'
    const byOfficer = await call('POST', '/api/v1/crises', staff.officerTokyo, { ...body, startsAt })
    expect(byOfficer.statusCode, byOfficer.body).toBe(201)
    expect(byOfficer.json().startsAt).toBe(startsAt)
  })

  it('refuses an officer whose missions do not cover the country', async () => {
    expectProblem(await call('POST', '/api/v1/crises', staff.officerParis, body), 403, 'crisis.outside_scope')
  })

  it('refuses callers without the role: 401 signed out, 403 for operators and citizens', async () => {
    expectProblem(await call('POST', '/api/v1/crises', undefined, body), 401, 'auth.unauthenticated')
    expectProblem(await call('POST', '/api/v1/crises', staff.operator, body), 403, 'auth.forbidden')
    const citizen = await registerCitizen(runtime().app)
    expectProblem(await call('POST', '/api/v1/crises', citizen.cookie, body), 403, 'auth.forbidden')
    expectProblem(await call('GET', '/api/v1/crises', citizen.cookie), 403, 'auth.forbidden')
  })

  it('refuses bad areas with stable codes and writes nothing', async () => {
    const before = await runtime().ctx.db.selectFrom('crises').select('id').execute()
    const open = { ...TOKYO_AREA, coordinates: [TOKYO_AREA.coordinates[0]?.slice(0, 4)] }
    expectProblem(
      await call('POST', '/api/v1/crises', staff.duty, { ...body, area: open }),
      400,
      'validation.failed',
    )
    const point = { type: 'Point', coordinates: [139.7, 35.6] }
    expectProblem(
      await call('POST', '/api/v1/crises', staff.duty, { ...body, area: point }),
      400,
      'validation.failed',
    )
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [139.5, 35.5],
          [140, 35.9],
          [140, 35.5],
          [139.5, 35.9],
          [139.5, 35.5],
        ],
      ],
    }
    expectProblem(
      await call('POST', '/api/v1/crises', staff.duty, { ...body, area: bowtie }),
      400,
      'crisis.bad_area',
    )
    expectProblem(
      await call('POST', '/api/v1/crises', staff.duty, { ...body, area: PARIS_AREA }),
      400,
      'crisis.area_outside_country',
    )
    expectProblem(
      await call('POST', '/api/v1/crises', staff.duty, { ...body, country: 'QQ' }),
      400,
      'reference.unknown_country',
    )
    expectProblem(
      await call('POST', '/api/v1/crises', staff.duty, { ...body, extra: 1 }),
      400,
      'validation.failed',
    )
    expect(await runtime().ctx.db.selectFrom('crises').select('id').execute()).toEqual(before)
  })
})

describe('reading and closing crises', () => {
  it('shows a crisis to staff in scope and 404 to an officer of another country', async () => {
    const c = await createCrisis(runtime().app, staff.duty)
    for (const cookie of [staff.duty, staff.operator, staff.officerTokyo])
      expect((await call('GET', `/api/v1/crises/${c.id}`, cookie)).statusCode).toBe(200)
    expectProblem(await call('GET', `/api/v1/crises/${c.id}`, staff.officerParis), 404, 'crisis.not_found')
    expectProblem(
      await call('GET', `/api/v1/crises/${c.id}/manifest`, staff.officerParis),
      404,
      'crisis.not_found',
    )
    expectProblem(
      await call('POST', `/api/v1/crises/${c.id}/close`, staff.officerParis),
      404,
      'crisis.not_found',
    )
    const paris = (await call('GET', '/api/v1/crises', staff.officerParis)).json().crises as { id: string }[]
    expect(paris.map((x) => x.id)).not.toContain(c.id)
    const tokyo = (await call('GET', '/api/v1/crises', staff.officerTokyo)).json().crises as { id: string }[]
    expect(tokyo.map((x) => x.id)).toContain(c.id)
  })

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expectProblem(await call('GET', `/api/v1/crises/${UNKNOWN}`, staff.duty), 404, 'crisis.not_found')
    expectProblem(await call('GET', '/api/v1/crises/nope', staff.duty), 400, 'validation.failed')
  })

  it('closes once; a closed crisis takes no new points and is listed as closed', async () => {
    const c = await createCrisis(runtime().app, staff.officerTokyo)
    const closed = await call('POST', `/api/v1/crises/${c.id}/close`, staff.officerTokyo)
    expect(closed.statusCode, closed.body).toBe(200)
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) })
    expectProblem(await call('POST', `/api/v1/crises/${c.id}/close`, staff.duty), 409, 'crisis.closed')
    expectProblem(
      await call('POST', `/api/v1/crises/${c.id}/assembly-points`, staff.duty, {
        name: 'Park',
        lat: 35.6,
        lon: 139.7,
      }),
      409,
      'crisis.closed',
    )
    const list = (await call('GET', '/api/v1/crises?status=closed', staff.duty)).json().crises as {
      id: string
    }[]
    expect(list.map((x) => x.id)).toContain(c.id)
  })
})

describe('linking cases and contacts', () => {
  it('links a visible case and contact once, and counts them by status', async () => {
    const c = await createCrisis(runtime().app, staff.duty)
    const opened = await call('POST', '/api/v1/cases', staff.operator, {
      type: 'disaster',
      summary: 'Family trapped',
      country: 'JP',
    })
    expect(opened.statusCode, opened.body).toBe(201)
    const contact = await call('POST', '/api/v1/contacts', staff.operator, {
      channel: 'phone',
      caller: { name: 'Caller' },
      summary: 'Asks about flights',
    })
    expect(contact.statusCode, contact.body).toBe(201)
    for (let i = 0; i < 2; i++) {
      const linked = await call('POST', `/api/v1/crises/${c.id}/cases`, staff.operator, {
        caseId: opened.json().id,
      })
      expect(linked.statusCode, linked.body).toBe(201)
      expect(linked.json().counts).toMatchObject({ cases: { new: 1 }, casesTotal: 1 })
    }
    const withContact = await call('POST', `/api/v1/crises/${c.id}/contacts`, staff.duty, {
      contactId: contact.json().id,
    })
    expect(withContact.json().counts).toMatchObject({ casesTotal: 1, contacts: 1 })
    expectProblem(
      await call('POST', `/api/v1/crises/${c.id}/cases`, staff.duty, { caseId: UNKNOWN }),
      404,
      'case.not_found',
    )
    expectProblem(
      await call('POST', `/api/v1/crises/${c.id}/contacts`, staff.duty, { contactId: UNKNOWN }),
      404,
      'contact.not_found',
    )
  })
})
