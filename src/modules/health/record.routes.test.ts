import { inflateSync } from 'node:zlib'
import base45 from 'base45'
import { Decoder } from 'cbor-x'
import { beforeAll, describe, expect, it } from 'vitest'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { dayFromToday, expectProblem, registerCitizen } from '../../../test/helpers/http.ts'

const { runtime, staff, call } = withDemoRuntime()
let clinician: string
let admin: string
let officer: string
let tokyoSite: string
let parisSite: string
beforeAll(async () => {
  clinician = staff.clinicianTokyo
  admin = staff.admin
  officer = staff.officerTokyo
  const sites = (await call('GET', '/api/v1/health/sites', admin)).json().sites as Array<{
    id: string
    mission: string
  }>
  tokyoSite = sites.find((s) => s.mission === 'JP-TYO-EMB')?.id as string
  parisSite = sites.find((s) => s.mission === 'FR-PAR-EMB')?.id as string
})

interface Cert {
  id: string
  type: string
  qr: string
  expiresAt: string
}

async function person(profile: Record<string, unknown> = {}) {
  const c = await registerCitizen(runtime().app)
  const res = await call('PUT', '/api/v1/me/profile', c.cookie, {
    surname: 'Sun',
    givenNames: 'Wu Kong',
    dateOfBirth: '1985-05-05',
    ...profile,
  })
  expect(res.statusCode, res.body).toBe(200)
  return c
}

/** The DCC payload (claim -260/1) of a QR text, decoded with the specification's steps. */
function hcertOf(qr: string): Record<string, unknown> {
  const cose = new Decoder({ mapsAsObjects: false, useRecords: false }).decode(
    inflateSync(base45.decode(qr.slice(4))),
  )
  const claims = new Decoder({ useRecords: false }).decode(cose.value[2]) as Record<string, unknown>
  return (claims['-260'] as Record<string, unknown>)['1'] as Record<string, unknown>
}

async function certificate(cookie: string, id: string): Promise<Cert> {
  const mine = (await call('GET', '/api/v1/me/health/certificates', cookie)).json() as Cert[]
  const c = mine.find((m) => m.id === id)
  expect(c).toBeDefined()
  return c as Cert
}

const rat = (personId: string, extra: Record<string, unknown> = {}) => ({
  personId,
  type: 'LP217198-3',
  manufacturer: '1232',
  sampledAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
  result: '260415000',
  centre: 'Tokyo embassy testing centre',
  siteId: tokyoSite,
  ...extra,
})

const recovery = (personId: string, firstPositive: string, from: number, until: number, extra = {}) => ({
  personId,
  firstPositive,
  validFrom: addDaysTo(firstPositive, from),
  validUntil: addDaysTo(firstPositive, until),
  siteId: tokyoSite,
  ...extra,
})
function addDaysTo(date: string, days: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

describe('test certificates', () => {
  it('are valid 72 hours from the sample for a NAAT and 24 for a rapid antigen test (CWT exp), not a year', async () => {
    const c = await person()
    const sampled = new Date(Date.now() - 5 * 3600_000)
    sampled.setUTCMilliseconds(0)
    for (const [body, hours] of [
      [rat(c.userId, { sampledAt: sampled.toISOString() }), 24],
      [
        rat(c.userId, {
          sampledAt: sampled.toISOString(),
          type: 'LP6464-4',
          manufacturer: undefined,
          name: 'Roche cobas SARS-CoV-2',
        }),
        72,
      ],
    ] as const) {
      const res = await call('POST', '/api/v1/health/tests', clinician, body)
      expect(res.statusCode, res.body).toBe(201)
      const cert = await certificate(c.cookie, res.json().certificateId)
      const expires = sampled.getTime() + hours * 3600_000
      expect(Date.parse(cert.expiresAt)).toBe(expires)
      const before = new Date(expires - 60_000).toISOString()
      const after = new Date(expires + 1_000).toISOString()
      const ok = (await call('POST', '/api/v1/health/verify', undefined, { qr: cert.qr, at: before })).json()
      expect(ok).toMatchObject({ valid: true, checks: { expiry: true } })
      const late = (await call('POST', '/api/v1/health/verify', undefined, { qr: cert.qr, at: after })).json()
      expect(late).toMatchObject({ valid: false, checks: { expiry: false, signature: true } })
    }
  })

  it('refuses a test whose certificate would be born expired (422), and writes nothing', async () => {
    const c = await person()
    expectProblem(
      await call(
        'POST',
        '/api/v1/health/tests',
        clinician,
        rat(c.userId, { sampledAt: new Date(Date.now() - 25 * 3600_000).toISOString() }),
      ),
      422,
      'health.test_expired',
    )
    expect((await call('GET', '/api/v1/me/health/certificates', c.cookie)).json()).toHaveLength(0)
  })

  it('names devices from the EU rapid antigen test list, and only those', async () => {
    const c = await person()
    for (const device of ['1833', '1331', '1437', '1343']) {
      const res = await call(
        'POST',
        '/api/v1/health/tests',
        clinician,
        rat(c.userId, { manufacturer: device }),
      )
      expect(res.statusCode, res.body).toBe(201)
      const cert = await certificate(c.cookie, res.json().certificateId)
      expect((hcertOf(cert.qr).t as Record<string, unknown>[])[0]?.ma).toBe(device)
    }
    // 1065 (BD Veritor) is in the value set but no longer active: not offered.
    expect(
      (await call('POST', '/api/v1/health/tests', clinician, rat(c.userId, { manufacturer: '1065' })))
        .statusCode,
    ).toBe(400)
  })

  it('records a negative rapid antigen test and issues a `t` certificate that verifies', async () => {
    const c = await person()
    const res = await call('POST', '/api/v1/health/tests', clinician, rat(c.userId))
    expect(res.statusCode, res.body).toBe(201)
    const { id, certificateId } = res.json()
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    const cert = await certificate(c.cookie, certificateId)
    expect(cert.type).toBe('t')
    const verdict = (await call('POST', '/api/v1/health/verify', undefined, { qr: cert.qr })).json()
    expect(verdict).toMatchObject({
      valid: true,
      type: 't',
      issuer: 'CN',
      checks: { signature: true, schema: true, expiry: true, revoked: false },
      holder: { fn: 'SUN', gn: 'WU KONG', dob: '1985-05-05' },
    })
    const t = (hcertOf(cert.qr).t as Record<string, unknown>[])[0]
    expect(t).toMatchObject({
      tg: '840539006',
      tt: 'LP217198-3',
      ma: '1232',
      tr: '260415000',
      tc: 'Tokyo embassy testing centre',
      co: 'JP',
    })
    expect(t?.nm).toBeUndefined()
    expect(t?.sc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(t?.ci).toMatch(/^URN:UVCI:01:CN:/)
    const pdf = await call('GET', `/api/v1/me/health/certificates/${certificateId}.pdf`, c.cookie)
    expect(pdf.statusCode).toBe(200)
    const audit = await runtime()
      .ctx.db.selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', c.userId)
      .where('action', '=', 'health.test_recorded')
      .execute()
    expect(audit).toHaveLength(1)
  })

  it('records a NAAT with its name and no device', async () => {
    const c = await person()
    const res = await call(
      'POST',
      '/api/v1/health/tests',
      clinician,
      rat(c.userId, { type: 'LP6464-4', manufacturer: undefined, name: 'Roche cobas SARS-CoV-2' }),
    )
    expect(res.statusCode, res.body).toBe(201)
    const cert = await certificate(c.cookie, res.json().certificateId)
    const verdict = (await call('POST', '/api/v1/health/verify', undefined, { qr: cert.qr })).json()
    expect(verdict).toMatchObject({ valid: true, type: 't' })
    expect((hcertOf(cert.qr).t as Record<string, unknown>[])[0]).toMatchObject({
      tt: 'LP6464-4',
      nm: 'Roche cobas SARS-CoV-2',
    })
  })

  it('refuses a positive test (422) and writes nothing', async () => {
    const c = await person()
    expectProblem(
      await call('POST', '/api/v1/health/tests', clinician, rat(c.userId, { result: '260373001' })),
      422,
      'health.test_positive',
    )
    const rows = await runtime()
      .ctx.db.selectFrom('health_tests')
      .select('id')
      .where('person_id', '=', c.userId)
      .execute()
    expect(rows).toEqual([])
    expect((await call('GET', '/api/v1/me/health/certificates', c.cookie)).json()).toEqual([])
  })

  it('refuses a sample in the future, a rapid test without its device, unknown results', async () => {
    const c = await person()
    expectProblem(
      await call(
        'POST',
        '/api/v1/health/tests',
        clinician,
        rat(c.userId, { sampledAt: new Date(Date.now() + 3 * 3600_000).toISOString() }),
      ),
      400,
      'health.test_in_future',
    )
    expectProblem(
      await call('POST', '/api/v1/health/tests', clinician, rat(c.userId, { manufacturer: undefined })),
      400,
      'validation.failed',
    )
    expectProblem(
      await call('POST', '/api/v1/health/tests', clinician, rat(c.userId, { manufacturer: '9999' })),
      400,
      'validation.failed',
    )
    expectProblem(
      await call('POST', '/api/v1/health/tests', clinician, rat(c.userId, { result: 'negative' })),
      400,
      'validation.failed',
    )
    expectProblem(
      await call('POST', '/api/v1/health/tests', clinician, rat(c.userId, { extra: 1 })),
      400,
      'validation.failed',
    )
  })

  it('keeps tests to the clinician’s own site and to clinicians, as doses', async () => {
    const c = await person()
    expectProblem(
      await call('POST', '/api/v1/health/tests', clinician, rat(c.userId, { siteId: parisSite })),
      404,
      'health.site_not_found',
    )
    expectProblem(
      await call('POST', '/api/v1/health/tests', clinician, rat('0190a6f4-0000-7000-8000-000000000000')),
      404,
      'health.person_not_found',
    )
    expectProblem(await call('POST', '/api/v1/health/tests', officer, rat(c.userId)), 403, 'auth.forbidden')
    expectProblem(await call('POST', '/api/v1/health/tests', admin, rat(c.userId)), 403, 'auth.forbidden')
    expectProblem(await call('POST', '/api/v1/health/tests', c.cookie, rat(c.userId)), 403, 'auth.forbidden')
    const bare = await registerCitizen(runtime().app)
    expectProblem(
      await call('POST', '/api/v1/health/tests', clinician, rat(bare.userId)),
      422,
      'health.no_names',
    )
  })
})

describe('recovery certificates', () => {
  it('records a recovery and issues an `r` certificate that verifies, expiring after its last day', async () => {
    const c = await person({ surname: 'Zhu', givenNames: 'Ba Jie' })
    const fr = dayFromToday(-30)
    const res = await call('POST', '/api/v1/health/recoveries', clinician, recovery(c.userId, fr, 11, 180))
    expect(res.statusCode, res.body).toBe(201)
    const cert = await certificate(c.cookie, res.json().certificateId)
    expect(cert.type).toBe('r')
    expect(cert.expiresAt.slice(0, 10)).toBe(addDaysTo(fr, 181))
    const verdict = (await call('POST', '/api/v1/health/verify', undefined, { qr: cert.qr })).json()
    expect(verdict).toMatchObject({
      valid: true,
      type: 'r',
      checks: { signature: true, schema: true, expiry: true, revoked: false },
      holder: { fn: 'ZHU', gn: 'BA JIE', dob: '1985-05-05' },
    })
    expect((hcertOf(cert.qr).r as Record<string, unknown>[])[0]).toMatchObject({
      tg: '840539006',
      fr,
      df: addDaysTo(fr, 11),
      du: addDaysTo(fr, 180),
      co: 'JP',
    })
    // Past its last day the certificate no longer verifies.
    const later = (
      await call('POST', '/api/v1/health/verify', undefined, {
        qr: cert.qr,
        at: `${addDaysTo(fr, 182)}T00:00:00Z`,
      })
    ).json()
    expect(later).toMatchObject({ valid: false, checks: { expiry: false } })
    const pdf = await call('GET', `/api/v1/me/health/certificates/${cert.id}.pdf`, c.cookie)
    expect(pdf.statusCode).toBe(200)
  })

  it('refuses validity out of the 11 to 180 days after the positive test, with stable codes', async () => {
    const c = await person()
    const fr = dayFromToday(-30)
    const post = (body: object) => call('POST', '/api/v1/health/recoveries', clinician, body)
    expectProblem(await post(recovery(c.userId, fr, 10, 100)), 422, 'health.recovery_too_early')
    expectProblem(await post(recovery(c.userId, fr, 11, 181)), 422, 'health.recovery_too_late')
    expectProblem(await post(recovery(c.userId, fr, 40, 30)), 400, 'health.recovery_dates_order')
    expectProblem(await post(recovery(c.userId, dayFromToday(-400), 11, 180)), 422, 'health.recovery_expired')
    expectProblem(await post(recovery(c.userId, dayFromToday(1), 11, 180)), 400, 'health.positive_in_future')
    expectProblem(
      await post({ ...recovery(c.userId, fr, 11, 180), validFrom: 'soon' }),
      400,
      'validation.failed',
    )
    const rows = await runtime()
      .ctx.db.selectFrom('health_recoveries')
      .select('id')
      .where('person_id', '=', c.userId)
      .execute()
    expect(rows).toEqual([])
  })

  it('keeps recoveries to the clinician’s own site and to clinicians, as doses', async () => {
    const c = await person()
    const body = recovery(c.userId, dayFromToday(-20), 11, 180)
    expectProblem(
      await call('POST', '/api/v1/health/recoveries', clinician, { ...body, siteId: parisSite }),
      404,
      'health.site_not_found',
    )
    expectProblem(await call('POST', '/api/v1/health/recoveries', officer, body), 403, 'auth.forbidden')
    expectProblem(await call('POST', '/api/v1/health/recoveries', c.cookie, body), 403, 'auth.forbidden')
    expectProblem(
      await call('POST', '/api/v1/health/recoveries', undefined, body),
      401,
      'auth.unauthenticated',
    )
  })
})
