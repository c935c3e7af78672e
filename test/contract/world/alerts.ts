import { signAction } from '../../../src/modules/notifications/index.ts'
import { alertBody, TOKYO_CAP_POLYGON } from '../../helpers/alerts.ts'
import { TOKYO_AREA } from '../../helpers/crises.ts'
import { type Builder, waitFor } from './builder.ts'

/** An alert over Tokyo, sent (A receives it in the inbox), and a draft one. */
export async function addAlerts(b: Builder, people: { citizenA: string }) {
  const tokyoAlert = (headline: string) =>
    alertBody({ area: { areaDesc: 'Tokyo', polygon: [TOKYO_CAP_POLYGON] }, info: { headline } })
  const alertTokyo = (
    await b.made('officerTokyo', 'POST', '/api/v1/alerts', tokyoAlert('Aftershocks'), 'an alert')
  ).id
  await b.made('officerTokyo', 'POST', `/api/v1/alerts/${alertTokyo}/send`, undefined, 'sending it', 200)
  await waitFor(
    async () => (await b.call('duty', 'GET', `/api/v1/alerts/${alertTokyo}`)).json().status === 'sent',
    'the Tokyo alert to be sent',
  )
  const alertTokyoDraft = (
    await b.made('officerTokyo', 'POST', '/api/v1/alerts', tokyoAlert('Road closures'), 'a draft alert')
  ).id
  await waitFor(
    async () => (await b.call('citizenA', 'GET', '/api/v1/me/inbox')).json().length > 0,
    "the alert in A's inbox",
  )
  const inboxA = (await b.call('citizenA', 'GET', '/api/v1/me/inbox')).json()[0].id as string
  const answerLinkSig = signAction(
    b.rt.ctx.signer,
    { type: 'alert', id: alertTokyo },
    people.citizenA,
    'safe',
  )
  return { alertTokyo, alertTokyoDraft, inboxA, answerLinkSig }
}

/**
 * Advisories: a draft for Japan; two Tokyo regions published (one to retire), the other drafted
 * again so that its draft can be read and published.
 */
export async function addAdvisories(b: Builder) {
  const advice = (text: string) => ({ 'zh-CN': `${text}（中文）`, en: text })
  await b.made(
    'officerTokyo',
    'PUT',
    '/api/v1/advisories/JP',
    { level: 1, summary: advice('Aftershocks expected') },
    'a draft advisory',
    200,
  )
  const draftRegion = (key: string, name: string, summary: string) =>
    b.made(
      'officerTokyo',
      'PUT',
      `/api/v1/advisories/JP/regions/${key}`,
      { name: advice(name), level: 2, summary: advice(summary), area: TOKYO_AREA },
      `the ${name} region draft`,
      200,
    )
  for (const [key, name] of [
    ['tokyo-bay', 'Tokyo Bay'],
    ['kanto-coast', 'Kanto coast'],
  ] as const) {
    await draftRegion(key, name, `Flooding around ${name}`)
    await b.made(
      'duty',
      'POST',
      `/api/v1/advisories/JP/regions/${key}/publish`,
      undefined,
      `publishing ${name}`,
      200,
    )
  }
  await draftRegion('tokyo-bay', 'Tokyo Bay', 'The water is going down')
}
