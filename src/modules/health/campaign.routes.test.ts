import { beforeAll, describe, expect, it } from 'vitest'
import { citizenWithPassport, noonZone, solvedAltcha } from '../../../test/helpers/appointments.ts'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { dayFromToday, expectProblem } from '../../../test/helpers/http.ts'
import { SCREENING_QUESTIONS } from './campaign.enums.ts'

const { runtime, staff, call } = withDemoRuntime()
const app = () => runtime().app
let tokyoSite: string
let parisSite: string

/** Every required question answered "no" (and no earlier dose): a clear screening. */
const clearAnswers = () =>
  Object.fromEntries(SCREENING_QUESTIONS.filter((q) => q.required).map((q) => [q.id, false]))

/** A quarter hour at least an hour from now (the test calendar is open around the clock). */
function slotStart(): string {
  const t = Math.ceil((Date.now() + 3_600_000) / 900_000) * 900_000
  return new Date(t).toISOString()
}

async function citizenIn(country: string, dateOfBirth = '1990-03-04') {
  const c = await citizenWithPassport(runtime(), 'zh-CN')
  expect((await call('PUT', '/api/v1/me/residence', c.cookie, { country })).statusCode).toBe(200)
  const p = await call('PUT', '/api/v1/me/profile', c.cookie, { dateOfBirth })
  expect(p.statusCode, p.body).toBe(200)
  return c
}

function programme(extra: Record<string, unknown> = {}) {
  return {
    name: { 'zh-CN': '春苗行动 日本', en: 'Spring Sprout Japan' },
    products: ['BBIBP-CorV', 'EU/1/20/1528'],
    countries: ['JP'],
    startsOn: dayFromToday(-1),
    endsOn: dayFromToday(60),
    siteIds: [tokyoSite],
    ...extra,
  }
}

beforeAll(async () => {
  const sites = (await call('GET', '/api/v1/health/sites', staff.admin)).json().sites as Array<{
    id: string
    mission: string
  }>
  tokyoSite = sites.find((s) => s.mission === 'JP-TYO-EMB')?.id as string
  parisSite = sites.find((s) => s.mission === 'FR-PAR-EMB')?.id as string
  // The Tokyo counter open around the clock in a zone where it is about noon: today has slots left.
  const cal = await call('PUT', '/api/v1/missions/JP-TYO-EMB/calendar', staff.duty, {
    timezone: noonZone(),
    services: [{ service: 'vaccination', slotMinutes: 15, capacity: 3 }],
    weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '00:00', closes: '24:00' })),
    horizonDays: 30,
    minNoticeHours: 0,
  })
  expect(cal.statusCode, cal.body).toBe(200)
})

describe('programmes', () => {
  it('duty officers and administrators open one; the sites must lie in its countries', async () => {
    const res = await call('POST', '/api/v1/health/programmes', staff.duty, programme())
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().id).toMatch(/^[0-9a-f-]{36}$/)
    expect((await call('POST', '/api/v1/health/programmes', staff.admin, programme())).statusCode).toBe(201)
    expect(
      (await call('POST', '/api/v1/health/programmes', staff.clinicianTokyo, programme())).statusCode,
    ).toBe(403)
    expect(
      (await call('POST', '/api/v1/health/programmes', staff.officerTokyo, programme())).statusCode,
    ).toBe(403)
    expectProblem(
      await call('POST', '/api/v1/health/programmes', staff.duty, programme({ siteIds: [parisSite] })),
      422,
      'health.site_outside_countries',
    )
    expectProblem(
      await call('POST', '/api/v1/health/programmes', staff.duty, programme({ endsOn: dayFromToday(-5) })),
      400,
      'health.programme_dates_order',
    )
    expectProblem(
      await call('POST', '/api/v1/health/programmes', staff.duty, programme({ countries: ['JP', 'XX'] })),
      422,
      'health.unknown_country',
    )
    expect(
      (await call('POST', '/api/v1/health/programmes', staff.duty, programme({ products: ['Fake'] })))
        .statusCode,
    ).toBe(400)
  })

  it('a citizen sees the programmes running in the country they are registered in, within its ages', async () => {
    const p = (
      await call('POST', '/api/v1/health/programmes', staff.duty, programme({ minAge: 18, maxAge: 60 }))
    ).json().id as string
    const later = (
      await call(
        'POST',
        '/api/v1/health/programmes',
        staff.duty,
        programme({ startsOn: dayFromToday(10), endsOn: dayFromToday(20) }),
      )
    ).json().id as string
    const inJapan = await citizenIn('JP')
    const mine = (await call('GET', '/api/v1/me/health/programmes', inJapan.cookie)).json() as Array<{
      id: string
      eligible: boolean
      sites: Array<{ id: string }>
    }>
    const seen = mine.find((m) => m.id === p)
    expect(seen?.eligible).toBe(true)
    expect(seen?.sites.map((s) => s.id)).toEqual([tokyoSite])
    expect(mine.some((m) => m.id === later)).toBe(false)

    const inFrance = await citizenIn('FR')
    const french = (await call('GET', '/api/v1/me/health/programmes', inFrance.cookie)).json() as Array<{
      id: string
    }>
    expect(french.some((m) => m.id === p)).toBe(false)

    const tooOld = await citizenIn('JP', '1940-01-01')
    const old = (await call('GET', '/api/v1/me/health/programmes', tooOld.cookie)).json() as Array<{
      id: string
    }>
    expect(old.some((m) => m.id === p)).toBe(false)
    // A family member within the ages opens it to the account holder, for them.
    await call('POST', '/api/v1/me/dependants', tooOld.cookie, {
      relation: 'child',
      nameLatin: 'Li Xiao',
      dateOfBirth: '2000-02-02',
    })
    const forFamily = (await call('GET', '/api/v1/me/health/programmes', tooOld.cookie)).json() as Array<{
      id: string
      eligible: boolean
      family: Array<{ eligible: boolean }>
    }>
    const f = forFamily.find((m) => m.id === p)
    if (f) {
      expect(f.eligible).toBe(false)
      expect(f.family.some((m) => m.eligible)).toBe(true)
    }
    expect((await call('GET', '/api/v1/me/health/programmes', staff.duty)).statusCode).toBe(403)
  })
})

describe('screening, booking and the clinician day', () => {
  let programmeId: string
  beforeAll(async () => {
    programmeId = (await call('POST', '/api/v1/health/programmes', staff.duty, programme())).json().id
  })

  it('serves the bilingual questions, saying which answers need a doctor', async () => {
    const res = await call('GET', `/api/v1/health/programmes/${programmeId}/screening-questions`, staff.duty)
    expect(res.statusCode).toBe(200)
    const qs = res.json() as Array<{ id: string; topic: string; text: { 'zh-CN': string; en: string } }>
    expect(new Set(qs.map((q) => q.topic))).toEqual(
      new Set(['contraindication', 'allergy', 'pregnancy', 'earlier_doses']),
    )
    expect(qs.every((q) => q.text['zh-CN'] && q.text.en)).toBe(true)
    expectProblem(
      await call('GET', `/api/v1/health/programmes/${crypto.randomUUID()}/screening-questions`, staff.duty),
      404,
      'health.programme_not_found',
    )
  })

  it('an answer that needs a doctor flags the screening; bad answers are refused', async () => {
    const c = await citizenIn('JP')
    const url = `/api/v1/me/health/screening/${programmeId}`
    expectProblem(await call('PUT', url, c.cookie, { answers: {} }), 400, 'health.answer_missing')
    expectProblem(
      await call('PUT', url, c.cookie, { answers: { ...clearAnswers(), shoe_size: true } }),
      400,
      'health.unknown_question',
    )
    expectProblem(
      await call('PUT', url, c.cookie, { answers: { ...clearAnswers(), pregnant: 'maybe' } }),
      400,
      'health.answer_type',
    )
    const clear = await call('PUT', url, c.cookie, { answers: clearAnswers() })
    expect(clear.statusCode, clear.body).toBe(200)
    expect(clear.json().flagged).toBe(false)
    const flagged = await call('PUT', url, c.cookie, { answers: { ...clearAnswers(), severe_allergy: true } })
    expect(flagged.json()).toEqual({ flagged: true, flags: ['severe_allergy'] })
    // Not open to someone registered elsewhere.
    const fr = await citizenIn('FR')
    expectProblem(
      await call('PUT', url, fr.cookie, { answers: clearAnswers() }),
      404,
      'health.programme_not_found',
    )
  })

  it('books at a programme site; the clinician sees the flagged booking, checks it in, calls it, records the dose', async () => {
    const c = await citizenIn('JP')
    await call('PUT', `/api/v1/me/health/screening/${programmeId}`, c.cookie, {
      answers: { ...clearAnswers(), bleeding_disorder: true },
    })
    const bookUrl = `/api/v1/me/health/programmes/${programmeId}/bookings`
    expectProblem(
      await call('POST', bookUrl, c.cookie, {
        siteId: parisSite,
        start: slotStart(),
        altcha: await solvedAltcha(app()),
      }),
      422,
      'health.site_not_in_programme',
    )
    const booked = await call('POST', bookUrl, c.cookie, {
      siteId: tokyoSite,
      start: slotStart(),
      altcha: await solvedAltcha(app()),
    })
    expect(booked.statusCode, booked.body).toBe(201)
    expect(booked.json()).toMatchObject({ mission: 'JP-TYO-EMB', siteId: tokyoSite, flagged: true })
    const appointmentId = booked.json().appointmentId as string
    // The appointment is the appointments module's own: the citizen sees it there too.
    const appts = (await call('GET', '/api/v1/me/appointments', c.cookie)).json() as Array<{
      id: string
      service: string
    }>
    expect(appts.find((a) => a.id === appointmentId)?.service).toBe('vaccination')

    const mineNow = (await call('GET', '/api/v1/me/health/programmes', c.cookie)).json() as Array<{
      id: string
      booking: { appointmentId: string } | null
      screening: { flagged: boolean } | null
    }>
    const p = mineNow.find((m) => m.id === programmeId)
    expect(p?.booking?.appointmentId).toBe(appointmentId)
    expect(p?.screening?.flagged).toBe(true)

    const day = await call('GET', `/api/v1/health/sites/${tokyoSite}/day`, staff.clinicianTokyo)
    expect(day.statusCode, day.body).toBe(200)
    const row = (day.json().bookings as Array<Record<string, unknown>>).find(
      (b) => b.appointmentId === appointmentId,
    )
    expect(row).toMatchObject({
      screening: 'flagged',
      flags: ['bleeding_disorder'],
      personId: c.userId,
      doseNumber: 1,
    })

    // Another site's day, queue and stock are not the clinician's.
    expectProblem(
      await call('GET', `/api/v1/health/sites/${parisSite}/day`, staff.clinicianTokyo),
      404,
      'health.site_not_found',
    )
    expectProblem(
      await call('POST', `/api/v1/health/sites/${parisSite}/queue/next`, staff.clinicianTokyo, {
        counter: 1,
      }),
      404,
      'health.site_not_found',
    )
    expect((await call('GET', `/api/v1/health/sites/${tokyoSite}/day`, staff.officerTokyo)).statusCode).toBe(
      403,
    )

    const checked = await call(
      'POST',
      `/api/v1/health/sites/${tokyoSite}/bookings/${appointmentId}/check-in`,
      staff.clinicianTokyo,
    )
    expect(checked.statusCode, checked.body).toBe(200)
    const called = await call('POST', `/api/v1/health/sites/${tokyoSite}/queue/next`, staff.clinicianTokyo, {
      counter: 4,
    })
    expect(called.statusCode, called.body).toBe(200)
    expect(called.json()).toEqual({ ticket: checked.json().ticket, appointmentId })

    const dose = await call('POST', '/api/v1/health/doses', staff.clinicianTokyo, {
      personId: c.userId,
      product: 'BBIBP-CorV',
      manufacturer: 'ORG-100020693',
      lot: 'SPR-26-001',
      doseNumber: 1,
      seriesDoses: 2,
      date: new Date().toISOString().slice(0, 10),
      siteId: tokyoSite,
    })
    expect(dose.statusCode, dose.body).toBe(201)
    const doses = (await call('GET', '/api/v1/me/health/doses', c.cookie)).json() as Array<
      Record<string, unknown>
    >
    expect(doses).toEqual([
      {
        id: dose.json().id,
        product: 'BBIBP-CorV',
        lot: 'SPR-26-001',
        doseNumber: 1,
        seriesDoses: 2,
        date: new Date().toISOString().slice(0, 10),
        siteId: tokyoSite,
        nextDoseDue: dayFromToday(21),
      },
    ])
    // The first dose given, the programme offers to book the second.
    const after = (await call('GET', '/api/v1/me/health/programmes', c.cookie)).json() as Array<{
      id: string
      booking: unknown
    }>
    expect(after.find((m) => m.id === programmeId)?.booking).toBeNull()
  })
})

describe('stock', () => {
  it('counts a recorded dose with the lot as used, waste with a reason, transfers; flags low and expiring lots', async () => {
    const url = `/api/v1/health/sites/${tokyoSite}/stock`
    const lot = { product: 'EU/1/20/1528', lot: 'STK-001', expiresOn: dayFromToday(20), doses: 25 }
    expect((await call('POST', url, staff.clinicianTokyo, lot)).statusCode).toBe(201)
    expect(
      (
        await call('POST', url, staff.admin, {
          ...lot,
          lot: 'STK-002',
          expiresOn: dayFromToday(200),
          doses: 500,
        })
      ).statusCode,
    ).toBe(201)
    expectProblem(
      await call('POST', `/api/v1/health/sites/${parisSite}/stock`, staff.clinicianTokyo, lot),
      404,
      'health.site_not_found',
    )
    expect((await call('POST', url, staff.duty, lot)).statusCode).toBe(403)
    expectProblem(
      await call('POST', url, staff.clinicianTokyo, { ...lot, expiresOn: dayFromToday(-1) }),
      422,
      'health.lot_expired',
    )

    const c = await citizenIn('JP')
    const given = await call('POST', '/api/v1/health/doses', staff.clinicianTokyo, {
      personId: c.userId,
      product: 'EU/1/20/1528',
      manufacturer: 'ORG-100030215',
      lot: 'STK-001',
      doseNumber: 1,
      seriesDoses: 2,
      date: new Date().toISOString().slice(0, 10),
      siteId: tokyoSite,
    })
    expect(given.statusCode).toBe(201)
    expect(given.json().lotKnown).toBe(true)

    expectProblem(
      await call('POST', `${url}/waste`, staff.clinicianTokyo, {
        product: 'EU/1/20/1528',
        lot: 'STK-001',
        doses: 2,
      }),
      400,
      'validation.failed',
    )
    expect(
      (
        await call('POST', `${url}/waste`, staff.clinicianTokyo, {
          product: 'EU/1/20/1528',
          lot: 'STK-001',
          doses: 2,
          reason: 'Vial dropped',
        })
      ).statusCode,
    ).toBe(201)
    expectProblem(
      await call('POST', `${url}/waste`, staff.clinicianTokyo, {
        product: 'EU/1/20/1528',
        lot: 'STK-001',
        doses: 100,
        reason: 'Cold chain broken',
      }),
      409,
      'health.not_enough_stock',
    )
    expect(
      (
        await call('POST', `${url}/transfers`, staff.clinicianTokyo, {
          product: 'EU/1/20/1528',
          lot: 'STK-002',
          doses: 100,
          toSiteId: parisSite,
        })
      ).statusCode,
    ).toBe(201)

    const stock = (await call('GET', url, staff.clinicianTokyo)).json() as Array<Record<string, unknown>>
    expect(stock.find((s) => s.lot === 'STK-001')).toMatchObject({
      product: 'EU/1/20/1528',
      expiresOn: dayFromToday(20),
      received: 25,
      used: 1,
      wasted: 2,
      left: 22,
      flags: ['expiring'],
    })
    expect(stock.find((s) => s.lot === 'STK-002')).toMatchObject({
      received: 500,
      transferredOut: 100,
      left: 400,
      flags: [],
    })
    const paris = (await call('GET', `/api/v1/health/sites/${parisSite}/stock`, staff.admin)).json() as Array<
      Record<string, unknown>
    >
    expect(paris.find((s) => s.lot === 'STK-002')).toMatchObject({
      transferredIn: 100,
      left: 100,
      expiresOn: dayFromToday(200),
    })

    // Twenty more doses bring the lot to 2 left: low.
    for (let i = 0; i < 20; i++)
      await call('POST', `${url}/waste`, staff.clinicianTokyo, {
        product: 'EU/1/20/1528',
        lot: 'STK-001',
        doses: 1,
        reason: 'Expired vial opened',
      })
    const low = (
      (await call('GET', url, staff.clinicianTokyo)).json() as Array<Record<string, unknown>>
    ).find((s) => s.lot === 'STK-001')
    expect(low).toMatchObject({ left: 2, flags: ['low_stock', 'expiring'] })
  })
})

describe('adverse events', () => {
  async function vaccinated() {
    const c = await citizenIn('JP')
    const d = await call('POST', '/api/v1/health/doses', staff.clinicianTokyo, {
      personId: c.userId,
      product: 'BBIBP-CorV',
      manufacturer: 'ORG-100020693',
      lot: 'SP2026A',
      doseNumber: 1,
      seriesDoses: 2,
      date: new Date().toISOString().slice(0, 10),
      siteId: tokyoSite,
    })
    expect(d.statusCode, d.body).toBe(201)
    return { c, doseId: d.json().id as string }
  }

  it('a serious one opens a medical case at the site mission that its hotline sees', async () => {
    const { c, doseId } = await vaccinated()
    const mild = await call('POST', '/api/v1/me/health/adverse-events', c.cookie, {
      doseId,
      severity: 'mild',
      description: 'Sore arm',
    })
    expect(mild.statusCode, mild.body).toBe(201)
    expect(mild.json().caseId).toBeNull()
    const serious = await call('POST', '/api/v1/me/health/adverse-events', c.cookie, {
      doseId,
      severity: 'serious',
      description: 'Difficulty breathing an hour after the dose',
    })
    expect(serious.statusCode, serious.body).toBe(201)
    const caseId = serious.json().caseId as string
    expect(caseId).toBeTruthy()
    const seen = await call('GET', `/api/v1/cases/${caseId}`, staff.officerTokyo)
    expect(seen.statusCode, seen.body).toBe(200)
    expect(seen.json()).toMatchObject({ type: 'medical', mission: { code: 'JP-TYO-EMB' } })
    expect((await call('GET', `/api/v1/cases/${caseId}`, staff.officerParis)).statusCode).toBe(404)
  })

  it('only my own dose; a clinician reports doses of their site', async () => {
    const { doseId } = await vaccinated()
    const other = await citizenIn('JP')
    expectProblem(
      await call('POST', '/api/v1/me/health/adverse-events', other.cookie, {
        doseId,
        severity: 'serious',
        description: 'Not my dose',
      }),
      404,
      'health.dose_not_found',
    )
    const byClinician = await call('POST', '/api/v1/health/adverse-events', staff.clinicianTokyo, {
      doseId,
      severity: 'moderate',
      description: 'Fainted after the dose, recovered in 10 minutes',
    })
    expect(byClinician.statusCode, byClinician.body).toBe(201)
  })
})

describe('coverage', () => {
  it('counts people registered and vaccinated in the country; HQ sees all, an officer their countries', async () => {
    const before = (await call('GET', '/api/v1/health/coverage?country=JP', staff.duty)).json()
    const c = await citizenIn('JP')
    const afterRegistering = (await call('GET', '/api/v1/health/coverage?country=jp', staff.duty)).json()
    expect(afterRegistering.registered).toBe(before.registered + 1)
    expect(afterRegistering.vaccinated).toBe(before.vaccinated)
    await call('POST', '/api/v1/health/doses', staff.clinicianTokyo, {
      personId: c.userId,
      product: 'BBIBP-CorV',
      manufacturer: 'ORG-100020693',
      lot: 'SP2026A',
      doseNumber: 1,
      seriesDoses: 2,
      date: new Date().toISOString().slice(0, 10),
      siteId: tokyoSite,
    })
    const after = (await call('GET', '/api/v1/health/coverage?country=JP', staff.officerTokyo)).json()
    expect(after).toMatchObject({ country: 'JP', vaccinated: before.vaccinated + 1, doses: before.doses + 1 })
    expect(after.sites.find((s: { siteId: string }) => s.siteId === tokyoSite).doses).toBeGreaterThan(0)
    expect(after.weeks.length).toBeGreaterThan(0)
    expectProblem(
      await call('GET', '/api/v1/health/coverage?country=JP', staff.officerParis),
      404,
      'health.coverage_country',
    )
    expect((await call('GET', '/api/v1/health/coverage?country=JP', staff.clinicianTokyo)).statusCode).toBe(
      403,
    )
    const world = (await call('GET', '/api/v1/health/coverage/world', staff.duty)).json() as Array<{
      country: string
    }>
    expect(world.map((w) => w.country)).toEqual(expect.arrayContaining(['JP', 'FR']))
    const paris = (await call('GET', '/api/v1/health/coverage/world', staff.officerParis)).json() as Array<{
      country: string
    }>
    expect(paris.some((w) => w.country === 'JP')).toBe(false)
    const csv = await call('GET', '/api/v1/health/coverage.csv', staff.duty)
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body.split('\r\n')[0]).toBe('country,registered,vaccinated,doses,coverage_percent')
    expect(csv.body).toMatch(/\r\nJP,\d+,\d+,\d+,/)
  })
})
