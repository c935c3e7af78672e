import { solvedAltcha } from '../../helpers/appointments.ts'
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
  const campaign = await addCampaign(b, me.healthSite.id)
  const doses = await b.made<Array<{ id: string }>>(
    'citizenA',
    'GET',
    '/api/v1/me/health/doses',
    undefined,
    "A's doses",
    200,
  )
  return {
    ...campaign,
    doseA: doses[0]?.id ?? '',
    healthSiteTokyo: me.healthSite.id,
    clinicianTokyo: me.id,
    certificateA: second.certificateId,
    certificateARevocable: first.certificateId,
  }
}

/** Spring Sprout: a programme in Japan at the Tokyo site, a lot in its stock, a free vaccination slot. */
async function addCampaign(b: Builder, tokyoSite: string) {
  const sites = await b.made<{ sites: Array<{ id: string; mission: string }> }>(
    'admin',
    'GET',
    '/api/v1/health/sites',
    undefined,
    'the sites',
    200,
  )
  const programme = await b.made(
    'duty',
    'POST',
    '/api/v1/health/programmes',
    {
      name: { 'zh-CN': '春苗行动', en: 'Spring Sprout' },
      products: ['BBIBP-CorV'],
      countries: ['JP'],
      startsOn: dayFromToday(-1),
      endsOn: dayFromToday(90),
      siteIds: [tokyoSite],
    },
    'a programme in Japan',
  )
  await b.made(
    'clinicianTokyo',
    'POST',
    `/api/v1/health/sites/${tokyoSite}/stock`,
    {
      product: 'BBIBP-CorV',
      lot: 'WLD-001',
      expiresOn: dayFromToday(120),
      doses: 1000,
    },
    'a lot received in Tokyo',
  )
  const slots = await b.made<Array<{ start: string; available: number }>>(
    'anonymous',
    'GET',
    `/api/v1/missions/JP-TYO-EMB/slots?service=vaccination&from=${dayFromToday(3)}&to=${dayFromToday(20)}`,
    undefined,
    'Tokyo vaccination slots',
    200,
  )
  return {
    programmeJapan: programme.id,
    healthSiteParis: sites.sites.find((s) => s.mission === 'FR-PAR-EMB')?.id ?? '',
    vaccinationSlot: slots.find((s) => s.available > 0)?.start ?? '',
    altchaVaccinationA: await solvedAltcha(b.rt.app, b.cookies.citizenA),
  }
}
