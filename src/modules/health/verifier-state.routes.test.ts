import { describe, expect, it } from 'vitest'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { dayFromToday, registerCitizen } from '../../../test/helpers/http.ts'
import { markRevoked } from './certificate.repository.ts'
import { revocationHashOf } from './revocation.ts'
import { STATE_TTL_MS, verifierState } from './trust.service.ts'

const { runtime, staff, call } = withDemoRuntime()

async function issued() {
  const c = await registerCitizen(runtime().app)
  await call('PUT', '/api/v1/me/profile', c.cookie, {
    surname: 'Tang',
    givenNames: 'San Zang',
    dateOfBirth: '1970-01-01',
  })
  const sites = (await call('GET', '/api/v1/health/sites', staff.admin)).json().sites as Array<{
    id: string
    mission: string
  }>
  const res = await call('POST', '/api/v1/health/doses', staff.clinicianTokyo, {
    personId: c.userId,
    product: 'EU/1/20/1528',
    manufacturer: 'ORG-100030215',
    lot: 'FK1234',
    doseNumber: 1,
    seriesDoses: 2,
    date: dayFromToday(-1),
    siteId: sites.find((s) => s.mission === 'JP-TYO-EMB')?.id,
  })
  expect(res.statusCode, res.body).toBe(201)
  const [cert] = (await call('GET', '/api/v1/me/health/certificates', c.cookie)).json() as Array<{
    id: string
    uvci: string
    qr: string
  }>
  return cert as { id: string; uvci: string; qr: string }
}

describe('the verify route’s lists in memory', () => {
  it('shows a revocation made on this instance at once', async () => {
    const cert = await issued()
    const before = (await call('POST', '/api/v1/health/verify', undefined, { qr: cert.qr })).json()
    expect(before.checks.revoked).toBe(false)
    const r = await call('POST', `/api/v1/health/certificates/${cert.id}/revoke`, staff.admin, {
      reason: 'issued in error',
    })
    expect(r.statusCode, r.body).toBe(200)
    const after = (await call('POST', '/api/v1/health/verify', undefined, { qr: cert.qr })).json()
    expect(after).toMatchObject({ valid: false, checks: { revoked: true, signature: true } })
  })

  it('shows one made elsewhere (written straight to the database) once the lists are older than the TTL', async () => {
    const cert = await issued()
    const ctx = runtime().ctx
    const hash = revocationHashOf(cert.uvci)
    // Whatever is held now, a load from "far in the future" is fresh and sees the certificate unrevoked.
    const t0 = Date.now() + 3_600_000
    const loaded = await verifierState(ctx, t0)
    expect(loaded.revoked.has(hash)).toBe(false)
    const keys = [...loaded.keys.values()]

    // Another instance revokes: nothing here is told.
    const adminId = (await call('GET', '/api/v1/me', staff.admin)).json().id as string
    await markRevoked(ctx.db, cert.id, adminId, 'revoked elsewhere', new Date())

    expect((await verifierState(ctx, t0 + STATE_TTL_MS - 1)).revoked.has(hash)).toBe(false)
    // Past the TTL: answered from what is held while one reload runs…
    const stale = await verifierState(ctx, t0 + STATE_TTL_MS + 1)
    expect(stale).toBe(loaded)
    // …and past twice the TTL nothing older is used: the revocation is there.
    const fresh = await verifierState(ctx, t0 + 2 * STATE_TTL_MS + 1)
    expect(fresh.revoked.has(hash)).toBe(true)
    // The parsed signer keys were carried over, not parsed again.
    expect([...fresh.keys.values()]).toEqual(keys)
    for (const key of keys) expect(fresh.all).toContain(key)
  })
})
