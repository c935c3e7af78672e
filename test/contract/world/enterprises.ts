import { siteBody } from '../../helpers/enterprises.ts'
import { type Builder, TOKYO } from './builder.ts'

/**
 * The demo enterprise (verified, seeded with a site at Mombasa) gains a site in Tokyo, before the
 * Tokyo alert is sent, so that the alert reaches it and asks it for a headcount.
 */
export async function addEnterprises(b: Builder) {
  const mine = await b.made<{ id: string }[]>(
    'enterprise',
    'GET',
    '/api/v1/me/enterprises',
    undefined,
    'the demo enterprise',
    200,
  )
  const enterpriseDemo = mine[0]?.id ?? ''
  const sites = await b.made<{ id: string; country: string }[]>(
    'enterprise',
    'GET',
    `/api/v1/enterprises/${enterpriseDemo}/sites`,
    undefined,
    'its sites',
    200,
  )
  const siteKenya = sites.find((s) => s.country === 'KE')?.id ?? ''
  const siteTokyo = (
    await b.made(
      'enterprise',
      'POST',
      `/api/v1/enterprises/${enterpriseDemo}/sites`,
      siteBody({ name: 'Tokyo office', kind: 'office', country: 'JP', lat: TOKYO.lat, lon: TOKYO.lon }),
      'a site in Tokyo',
    )
  ).id
  const roster = `/api/v1/enterprises/${enterpriseDemo}/sites/${siteKenya}/staff`
  const person = (name: string, phone: string) =>
    b.made<{ id: string; trainings: { id: string }[] }>('enterprise', 'POST', roster, { name, phone }, name)
  const staffKenya = (await person('Roster person', '+8613800138101')).id
  const staffKenyaSpare = (await person('Roster spare', '+8613800138102')).id
  const trained = await b.made<{ trainings: { id: string }[] }>(
    'enterprise',
    'POST',
    `${roster}/${staffKenya}/trainings`,
    { course: 'Pre-departure security', takenOn: '2026-01-10', validUntil: '2027-01-10' },
    'a training',
  )
  const trainingKenya = trained.trainings[0]?.id ?? ''
  return { enterpriseDemo, siteKenya, siteTokyo, staffKenya, staffKenyaSpare, trainingKenya }
}
