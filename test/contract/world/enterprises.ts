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
  return { enterpriseDemo, siteKenya, siteTokyo }
}
