import { createHash, verify, X509Certificate } from 'node:crypto'
import { inflateSync } from 'node:zlib'
import base45 from 'base45'
import { Decoder, Encoder } from 'cbor-x'
import { beforeAll, describe, expect, it } from 'vitest'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { dayFromToday, expectProblem, login, registerCitizen } from '../../../test/helpers/http.ts'
import { DEMO_CITIZEN_PROFILE } from '../../seed/demo.ts'
import { rotatePki } from './pki.ts'

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
  uvci: string
  type: string
  qr: string
  issuedAt: string
  expiresAt: string
}

async function citizenWithPassport(profile: Record<string, unknown>) {
  const c = await registerCitizen(runtime().app)
  const res = await call('PUT', '/api/v1/me/profile', c.cookie, profile)
  expect(res.statusCode, res.body).toBe(200)
  return c
}

const comirnaty = (personId: string, doseNumber: number, extra: Record<string, unknown> = {}) => ({
  personId,
  product: 'EU/1/20/1528',
  manufacturer: 'ORG-100030215',
  lot: 'FK1234',
  doseNumber,
  seriesDoses: 2,
  date: dayFromToday(doseNumber - 3),
  siteId: tokyoSite,
  ...extra,
})

describe('sites, clinicians and the demo', () => {
  it('has a site per demo mission and tells the Tokyo clinician theirs in /me', async () => {
    expect(tokyoSite).toBeTruthy()
    expect(parisSite).toBeTruthy()
    const me = (await call('GET', '/api/v1/me', clinician)).json()
    expect(me.roles).toEqual(['clinician'])
    expect(me.healthSite).toMatchObject({ id: tokyoSite })
    expect(me.healthSite.name.en).toMatch(/vaccination site/)
    expect((await call('GET', '/api/v1/me', officer)).json().healthSite).toBeUndefined()
  })

  it('lets clinicians and administrators list sites, nobody else', async () => {
    expect((await call('GET', '/api/v1/health/sites', clinician)).statusCode).toBe(200)
    expectProblem(await call('GET', '/api/v1/health/sites', officer), 403, 'auth.forbidden')
  })
})

describe('doses and certificates', () => {
  it('finds the demo citizen by passport, records dose 2 of 2 and issues a certificate that verifies', async () => {
    const found = await call(
      'GET',
      `/api/v1/health/people?passport=${DEMO_CITIZEN_PROFILE.passportNumber.toLowerCase()}`,
      clinician,
    )
    expect(found.statusCode, found.body).toBe(200)
    const people = found.json().people
    expect(people).toHaveLength(1)
    expect(people[0]).toMatchObject({
      surname: 'LI',
      givenNames: 'MING',
      dateOfBirth: '1990-03-15',
      passportNumber: '••••4567',
    })
    const audit = await runtime()
      .ctx.db.selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'health.person_search')
      .execute()
    expect(audit.length).toBe(1)
    expect(JSON.stringify(audit[0]?.details)).not.toContain('EA1234567')

    const res = await call('POST', '/api/v1/health/doses', clinician, comirnaty(people[0].id, 2))
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ lotKnown: true })

    const citizen = await login(runtime().app, 'citizen@demo.lingshi', 'lingshi-demo')
    const mine = (await call('GET', '/api/v1/me/health/certificates', citizen.cookie)).json() as Cert[]
    expect(mine).toHaveLength(1)
    const cert = mine[0] as Cert
    expect(cert.id).toBe(res.json().certificateId)
    expect(cert.uvci).toMatch(/^URN:UVCI:01:CN:[0-9A-Z]{26}$/)
    expect(cert.type).toBe('v')
    expect(cert.qr.startsWith('HC1:')).toBe(true)

    const verdict = (await call('POST', '/api/v1/health/verify', undefined, { qr: cert.qr })).json()
    expect(verdict).toMatchObject({
      valid: true,
      checks: {
        prefix: true,
        base45: true,
        zlib: true,
        cose: true,
        signature: true,
        keyUsage: true,
        expiry: true,
        schema: true,
        revoked: false,
      },
      issuer: 'CN',
      type: 'v',
      holder: { fn: 'LI', gn: 'MING', dob: '1990-03-15' },
    })

    const png = await call('GET', `/api/v1/me/health/certificates/${cert.id}.png`, citizen.cookie)
    expect(png.statusCode).toBe(200)
    expect(png.headers['content-type']).toBe('image/png')
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG')
    expect(png.headers['cache-control']).toBe('no-store')
    const pdf = await call('GET', `/api/v1/me/health/certificates/${cert.id}.pdf`, citizen.cookie)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.rawPayload.toString('latin1')).toContain('NotoSansSC')

    // Another person's certificate is not found.
    const other = await registerCitizen(runtime().app)
    expectProblem(
      await call('GET', `/api/v1/me/health/certificates/${cert.id}.png`, other.cookie),
      404,
      'health.certificate_not_found',
    )
  })

  it('decodes our certificate with the steps of the DCC specification, without our decoding code', async () => {
    const c = await citizenWithPassport({
      surname: 'Müller',
      givenNames: 'Jürgen Óscar',
      dateOfBirth: '1980-07-01',
      passportNumber: 'X7654321',
    })
    const dose = (
      await call('POST', '/api/v1/health/doses', clinician, comirnaty(c.userId, 1, { lot: 'NOT-IN-STOCK' }))
    ).json()
    expect(dose.lotKnown).toBe(false)
    const cert = ((await call('GET', '/api/v1/me/health/certificates', c.cookie)).json() as Cert[])[0] as Cert

    // HC1: → Base45 (the base45 package) → zlib (Node) → COSE_Sign1 (cbor-x) → CWT → -260/1.
    expect(cert.qr.slice(0, 4)).toBe('HC1:')
    const compressed = base45.decode(cert.qr.slice(4))
    expect(compressed[0]).toBe(0x78)
    const cose = new Decoder({ mapsAsObjects: false, useRecords: false }).decode(inflateSync(compressed))
    expect(cose.tag).toBe(18)
    const [protectedBytes, unprotected, payload, signature] = cose.value
    const header = new Decoder({ mapsAsObjects: false }).decode(protectedBytes) as Map<number, unknown>
    expect(header.get(1)).toBe(-7)
    expect(unprotected.size).toBe(0)
    const kid = Buffer.from(header.get(4) as Uint8Array).toString('base64')
    const claims = new Decoder({ mapsAsObjects: false, useRecords: false }).decode(payload) as Map<
      number,
      unknown
    >
    expect(claims.get(1)).toBe('CN')
    const iat = claims.get(6) as number
    const exp = claims.get(4) as number
    expect(exp).toBeGreaterThan(iat)
    const hcert = (claims.get(-260) as Map<number, Map<string, unknown>>).get(1) as Map<string, unknown>
    const nam = hcert.get('nam') as Map<string, string>
    expect(Object.fromEntries(nam)).toEqual({
      fn: 'MÜLLER',
      fnt: 'MUELLER',
      gn: 'JÜRGEN ÓSCAR',
      gnt: 'JUERGEN<OSCAR',
    })
    expect(hcert.get('ver')).toBe('1.3.0')
    expect(hcert.get('dob')).toBe('1980-07-01')
    const v = Object.fromEntries((hcert.get('v') as Map<string, unknown>[])[0] as Map<string, unknown>)
    expect(v).toMatchObject({
      tg: '840539006',
      mp: 'EU/1/20/1528',
      ma: 'ORG-100030215',
      dn: 1,
      sd: 2,
      co: 'JP',
      ci: cert.uvci,
    })

    // The signer certificate from the public trust list by kid: kid = first 8 bytes of its SHA-256.
    const trust = (await call('GET', '/api/v1/health/trust-list')).json().certificates as Array<{
      kid: string
      rawData: string
      country: string
    }>
    const entry = trust.find((t) => t.kid === kid)
    expect(entry?.country).toBe('CN')
    const der = Buffer.from(entry?.rawData as string, 'base64')
    expect(createHash('sha256').update(der).digest().subarray(0, 8).toString('base64')).toBe(kid)
    const dsc = new X509Certificate(der)
    expect(exp * 1000).toBeLessThanOrEqual(new Date(dsc.validTo).getTime())
    const toBeSigned = new Encoder({ useRecords: false, tagUint8Array: false }).encode([
      'Signature1',
      protectedBytes,
      Buffer.alloc(0),
      payload,
    ])
    expect(verify('sha256', toBeSigned, { key: dsc.publicKey, dsaEncoding: 'ieee-p1363' }, signature)).toBe(
      true,
    )
  })

  it('falls back on nameLatin for the names, and refuses a dose without them or the date of birth', async () => {
    const c = await citizenWithPassport({ nameLatin: 'Zhang San Feng', dateOfBirth: '1975-01-02' })
    const res = await call('POST', '/api/v1/health/doses', clinician, comirnaty(c.userId, 1))
    expect(res.statusCode, res.body).toBe(201)
    const cert = ((await call('GET', '/api/v1/me/health/certificates', c.cookie)).json() as Cert[])[0] as Cert
    const v = (await call('POST', '/api/v1/health/verify', undefined, { qr: cert.qr })).json()
    expect(v.holder).toEqual({ fn: 'ZHANG', gn: 'SAN FENG', dob: '1975-01-02' })

    const bare = await registerCitizen(runtime().app)
    expectProblem(
      await call('POST', '/api/v1/health/doses', clinician, comirnaty(bare.userId, 1)),
      422,
      'health.no_names',
    )
    const noDob = await citizenWithPassport({ surname: 'Wang' })
    expectProblem(
      await call('POST', '/api/v1/health/doses', clinician, comirnaty(noDob.userId, 1)),
      422,
      'health.no_date_of_birth',
    )
    const doses = await runtime()
      .ctx.db.selectFrom('health_doses')
      .select('id')
      .where('person_id', 'in', [bare.userId, noDob.userId])
      .execute()
    expect(doses).toEqual([])
  })

  it('keeps doses to the clinician’s own site, real people and sane input', async () => {
    const c = await citizenWithPassport({ surname: 'Chen', dateOfBirth: '1999-09-09' })
    expectProblem(
      await call('POST', '/api/v1/health/doses', clinician, comirnaty(c.userId, 1, { siteId: parisSite })),
      404,
      'health.site_not_found',
    )
    expectProblem(
      await call(
        'POST',
        '/api/v1/health/doses',
        clinician,
        comirnaty('0190a6f4-0000-7000-8000-000000000000', 1),
      ),
      404,
      'health.person_not_found',
    )
    expectProblem(
      await call('POST', '/api/v1/health/doses', clinician, comirnaty(c.userId, 3)),
      400,
      'validation.failed',
    )
    expectProblem(
      await call(
        'POST',
        '/api/v1/health/doses',
        clinician,
        comirnaty(c.userId, 1, { date: dayFromToday(2) }),
      ),
      400,
      'health.dose_in_future',
    )
    expectProblem(
      await call('POST', '/api/v1/health/doses', officer, comirnaty(c.userId, 1)),
      403,
      'auth.forbidden',
    )
    expectProblem(
      await call('POST', '/api/v1/health/doses', c.cookie, comirnaty(c.userId, 1)),
      403,
      'auth.forbidden',
    )
  })

  it('revokes with a reason: the verdict turns red and the revocation list carries the hash', async () => {
    const c = await citizenWithPassport({ surname: 'Zhao', givenNames: 'Lei', dateOfBirth: '1988-08-08' })
    await call('POST', '/api/v1/health/doses', clinician, comirnaty(c.userId, 1))
    const cert = ((await call('GET', '/api/v1/me/health/certificates', c.cookie)).json() as Cert[])[0] as Cert
    expectProblem(
      await call('POST', `/api/v1/health/certificates/${cert.id}/revoke`, clinician, {
        reason: 'wrong person',
      }),
      403,
      'auth.forbidden',
    )
    const r = await call('POST', `/api/v1/health/certificates/${cert.id}/revoke`, admin, {
      reason: 'Recorded for the wrong person',
    })
    expect(r.statusCode, r.body).toBe(200)
    expectProblem(
      await call('POST', `/api/v1/health/certificates/${cert.id}/revoke`, admin, { reason: 'again' }),
      409,
      'health.already_revoked',
    )
    const verdict = (await call('POST', '/api/v1/health/verify', undefined, { qr: cert.qr })).json()
    expect(verdict.valid).toBe(false)
    expect(verdict.checks).toMatchObject({ signature: true, revoked: true })
    const list = (await call('GET', '/api/v1/health/revocations')).json()
    const hash = createHash('sha256').update(`CN${cert.uvci}`).digest().subarray(0, 16).toString('base64')
    expect(list.batches).toEqual([
      expect.objectContaining({ country: 'CN', hashType: 'COUNTRYCODEUCI', entries: [{ hash }] }),
    ])
  })

  it('rotates the document signer: new certificates carry the new kid, old ones still verify', async () => {
    const c = await citizenWithPassport({ surname: 'Sun', dateOfBirth: '1970-10-10' })
    await call('POST', '/api/v1/health/doses', clinician, comirnaty(c.userId, 1))
    await rotatePki(runtime().ctx)
    await call('POST', '/api/v1/health/doses', clinician, comirnaty(c.userId, 2))
    const certs = (await call('GET', '/api/v1/me/health/certificates', c.cookie)).json() as Cert[]
    const verdicts = await Promise.all(
      certs.map(async (x) => (await call('POST', '/api/v1/health/verify', undefined, { qr: x.qr })).json()),
    )
    expect(verdicts.map((v) => v.valid)).toEqual([true, true])
    expect(new Set(verdicts.map((v) => v.kid)).size).toBe(2)
  })
})

describe('PKI', () => {
  it('has a CSCA that signs certificates and a DSC it certified, its authority key id the CSCA’s subject key id', async () => {
    const rows = await runtime()
      .ctx.db.selectFrom('health_signer_keys')
      .selectAll()
      .orderBy('created_at')
      .execute()
    const csca = rows.find((r) => r.kind === 'csca')
    const dsc = rows.find((r) => r.kind === 'dsc')
    expect(csca?.private_key_sealed.startsWith('v1:')).toBe(true)
    const x509 = await import('@peculiar/x509')
    const ca = new x509.X509Certificate(Buffer.from(csca?.certificate as string, 'base64'))
    const ds = new x509.X509Certificate(Buffer.from(dsc?.certificate as string, 'base64'))
    expect(ca.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(true)
    expect(ca.getExtension(x509.KeyUsagesExtension)?.usages).toBe(
      x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
    )
    expect(ds.getExtension(x509.KeyUsagesExtension)?.usages).toBe(x509.KeyUsageFlags.digitalSignature)
    expect(ds.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId).toBe(
      ca.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId,
    )
    expect(ds.issuer).toBe(ca.subject)
    expect(await ds.verify({ publicKey: ca.publicKey, signatureOnly: true })).toBe(true)
    expect(ds.getExtension(x509.ExtendedKeyUsageExtension)?.usages).toContain('1.3.6.1.4.1.1847.2021.1.2')
  })
})

describe('trust list', () => {
  it('takes a certificate from an administrator (201, then 200) and refuses what is not one (422)', async () => {
    const pem = `-----BEGIN CERTIFICATE-----\n${'MIIB'.padEnd(8, 'A')}\n-----END CERTIFICATE-----`
    expectProblem(
      await call('POST', '/api/v1/health/trust-list/entries', admin, { certificate: pem, country: 'DE' }),
      422,
      'health.not_a_certificate',
    )
    expectProblem(
      await call('POST', '/api/v1/health/trust-list/entries', admin, {
        certificate: 'hello world',
        country: 'DE',
      }),
      422,
      'health.not_a_certificate',
    )
    const own = (await call('GET', '/api/v1/health/trust-list')).json().certificates[0]
    const asPem = `-----BEGIN CERTIFICATE-----\n${own.rawData.match(/.{1,64}/g).join('\n')}\n-----END CERTIFICATE-----\n`
    const again = await call('POST', '/api/v1/health/trust-list/entries', admin, {
      certificate: asPem,
      country: 'CN',
    })
    expect(again.statusCode, again.body).toBe(200)
    expect(again.json()).toEqual({ kid: own.kid, country: 'CN' })
    expectProblem(
      await call('POST', '/api/v1/health/trust-list/entries', clinician, {
        certificate: asPem,
        country: 'CN',
      }),
      403,
      'auth.forbidden',
    )
  })
})

describe('clinicians and their sites', () => {
  it('lets an administrator move a clinician to another site, and only a clinician', async () => {
    const me = (await call('GET', '/api/v1/me', clinician)).json()
    const officerId = (await call('GET', '/api/v1/me', officer)).json().id
    expectProblem(
      await call('PUT', `/api/v1/health/clinicians/${officerId}`, admin, { siteId: parisSite }),
      404,
      'health.clinician_not_found',
    )
    expectProblem(
      await call('PUT', `/api/v1/health/clinicians/${me.id}`, admin, {
        siteId: '0190a6f4-0000-7000-8000-000000000000',
      }),
      404,
      'health.site_not_found',
    )
    expectProblem(
      await call('PUT', `/api/v1/health/clinicians/${me.id}`, clinician, { siteId: parisSite }),
      403,
      'auth.forbidden',
    )
    const moved = await call('PUT', `/api/v1/health/clinicians/${me.id}`, admin, { siteId: parisSite })
    expect(moved.statusCode, moved.body).toBe(200)
    expect((await call('GET', '/api/v1/me', clinician)).json().healthSite.id).toBe(parisSite)
    await call('PUT', `/api/v1/health/clinicians/${me.id}`, admin, { siteId: tokyoSite })
  })

  it('initialises the PKI once: a second `pki init` changes nothing', async () => {
    const { initPki } = await import('./pki.ts')
    const again = await initPki(runtime().ctx)
    expect(again.created).toBe(false)
    const cscas = await runtime()
      .ctx.db.selectFrom('health_signer_keys')
      .select('id')
      .where('kind', '=', 'csca')
      .execute()
    expect(cscas).toHaveLength(1)
  })
})

describe('the public verifier', () => {
  it('answers at least 60 a minute per address (600 by default), then 429', async () => {
    const verifyFrom = (remoteAddress: string) =>
      runtime().app.inject({
        method: 'POST',
        url: '/api/v1/health/verify',
        remoteAddress,
        payload: { qr: 'HC2:not ours' },
      })
    for (let i = 0; i < runtime().ctx.config.rateLimits.verifyPerMinute; i++) {
      const res = await verifyFrom('203.0.113.9')
      if (res.statusCode !== 200) throw new Error(`request ${i + 1}: ${res.statusCode}`)
    }
    expect(runtime().ctx.config.rateLimits.verifyPerMinute).toBeGreaterThanOrEqual(60)
    expect((await verifyFrom('203.0.113.9')).statusCode).toBe(429)
    const other = await verifyFrom('203.0.113.10')
    expect(other.statusCode).toBe(200)
    expect(other.json()).toMatchObject({ valid: false, checks: { prefix: false, base45: null } })
  })
})
