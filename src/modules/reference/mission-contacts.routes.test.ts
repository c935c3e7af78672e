import { describe, expect, it } from 'vitest'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { expectProblem, registerCitizen } from '../../../test/helpers/http.ts'

const { runtime, staff, call } = withDemoRuntime()

const hours = { 'zh-CN': '周一至周五 9:00–12:00', en: 'Mon–Fri 9:00–12:00' }

describe('emergency numbers of a country', () => {
  it('gives police, ambulance and fire with their named source, on one country and on the list', async () => {
    const jp = (await call('GET', '/api/v1/countries/JP')).json()
    expect(jp.emergencyNumbers).toEqual({
      police: '110',
      ambulance: '119',
      fire: '119',
      source: expect.stringContaining('List of emergency telephone numbers'),
      sourceName: { 'zh-CN': expect.stringContaining('维基百科'), en: expect.stringContaining('Wikipedia') },
    })
    const fr = (await call('GET', '/api/v1/countries/FR')).json()
    expect(fr.emergencyNumbers).toMatchObject({ police: '17', ambulance: '15', fire: '18' })
    expect(fr.emergencyNumbers.source).toContain('112')
    const list = (await call('GET', '/api/v1/countries')).json() as Array<{
      code: string
      emergencyNumbers: { police: string | null; source: string } | null
    }>
    const byCode = new Map(list.map((c) => [c.code, c.emergencyNumbers]))
    expect(byCode.get('US')).toMatchObject({ police: '911' })
    expect(byCode.get('GB')).toMatchObject({ police: '999' })
    // Antarctica has no emergency service: not in the data set, so null rather than a guess.
    expect(byCode.get('AQ')).toBeNull()
    const covered = list.filter((c) => c.emergencyNumbers !== null).length
    expect(covered).toBeGreaterThanOrEqual(220)
  })
})

describe("a mission's contact fields", () => {
  it('lists the 24-hour line and the hours beside phone and e-mail; the demo missions have demo values', async () => {
    const missions = (await call('GET', '/api/v1/missions')).json() as Array<Record<string, unknown>>
    const tokyo = missions.find((m) => m.code === 'JP-TYO-EMB')
    expect(tokyo).toMatchObject({
      phone: expect.stringMatching(/^\+81/),
      emergencyPhone: expect.stringMatching(/^\+81/),
      email: expect.any(String),
      hours: { 'zh-CN': expect.any(String), en: expect.any(String) },
    })
    expect(missions.find((m) => m.code === 'FR-PAR-EMB')).toMatchObject({ emergencyPhone: null })
    expect(missions.find((m) => m.code === 'US-WAS-EMB')).toMatchObject({ emergencyPhone: null, hours: null })
  })

  it("lets the mission's officers and the administrators edit them; another mission's officer gets 404", async () => {
    const edit = { emergencyPhone: '+33 6 12 34 56 78', hours }
    const byParis = await call('PATCH', '/api/v1/missions/FR-PAR-EMB', staff.officerParis, edit)
    expect(byParis.statusCode, byParis.body).toBe(200)
    expect(byParis.json()).toMatchObject({ code: 'FR-PAR-EMB', emergencyPhone: '+33 6 12 34 56 78', hours })
    expect(byParis.json().phone).toMatch(/^\+33/)

    expectProblem(
      await call('PATCH', '/api/v1/missions/JP-TYO-EMB', staff.officerParis, edit),
      404,
      'reference.unknown_mission',
    )
    expectProblem(await call('PATCH', '/api/v1/missions/FR-PAR-EMB', staff.duty, edit), 403, 'auth.forbidden')
    const citizen = await registerCitizen(runtime().app)
    expectProblem(
      await call('PATCH', '/api/v1/missions/FR-PAR-EMB', citizen.cookie, edit),
      403,
      'auth.forbidden',
    )
    expectProblem(
      await call('PATCH', '/api/v1/missions/FR-PAR-EMB', undefined, edit),
      401,
      'auth.unauthenticated',
    )

    const byAdmin = await call('PATCH', '/api/v1/missions/US-WAS-EMB', staff.admin, {
      emergencyPhone: '+1 202 495 2266',
      phone: null,
    })
    expect(byAdmin.statusCode, byAdmin.body).toBe(200)
    expect(byAdmin.json()).toMatchObject({ emergencyPhone: '+1 202 495 2266', phone: null, hours: null })
    expectProblem(
      await call('PATCH', '/api/v1/missions/XX-NONE-EMB', staff.admin, { phone: null }),
      404,
      'reference.unknown_mission',
    )
    expect((await call('GET', '/api/v1/missions/FR-PAR-EMB')).json()).toMatchObject(edit)
    const audit = (await call('GET', '/api/v1/audit?action=mission.contacts_updated', staff.admin)).json()
    expect(JSON.stringify(audit)).toContain('FR-PAR-EMB')
  })

  it('refuses a number that is not international, a bad e-mail and hours in one language only', async () => {
    for (const body of [
      { emergencyPhone: '03-3403-3065' },
      { emergencyPhone: '+0 12' },
      { email: 'not-an-address' },
      { hours: { en: 'Mon–Fri' } },
      { fax: '+33 1 00 00 00 00' },
    ])
      expectProblem(
        await call('PATCH', '/api/v1/missions/FR-PAR-EMB', staff.officerParis, body),
        400,
        'validation.failed',
      )
  })
})
