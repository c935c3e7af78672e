import { dayFromToday } from '../../helpers/http.ts'
import type { Builder } from './builder.ts'

/** Two doses recorded for citizen A at the Tokyo site: a certificate to read, one to revoke. */
export async function addHealth(b: Builder, people: { citizenA: string }) {
  const me = await b.made<{ id: string; healthSite: { id: string } }>(
    'clinicianTokyo',
    'GET',
    '/api/v1/me',
    undefined,
    'the clinician',
    200,
  )
  const dose = (doseNumber: number) => ({
    personId: people.citizenA,
    product: 'EU/1/20/1528',
    manufacturer: 'ORG-100030215',
    lot: 'FK1234',
    doseNumber,
    seriesDoses: 2,
    date: dayFromToday(-60 + doseNumber * 21),
    siteId: me.healthSite.id,
  })
  const first = await b.made<{ certificateId: string }>(
    'clinicianTokyo',
    'POST',
    '/api/v1/health/doses',
    dose(1),
    "A's first dose",
  )
  const second = await b.made<{ certificateId: string }>(
    'clinicianTokyo',
    'POST',
    '/api/v1/health/doses',
    dose(2),
    "A's second dose",
  )
  return {
    healthSiteTokyo: me.healthSite.id,
    clinicianTokyo: me.id,
    certificateA: second.certificateId,
    certificateARevocable: first.certificateId,
  }
}
