import { randomBytes } from 'node:crypto'
import { alertBody, TOKYO_CAP_POLYGON } from '../../helpers/alerts.ts'
import { alertXml } from '../../helpers/cap-xml.ts'
import { readInterop } from '../../helpers/interop.ts'
import type { Who } from '../principals.ts'
import { PARIS_CAP_POLYGON } from '../world/world.ts'
import type { Matrix } from './entry.ts'
import { DUTY, HOTLINE, OFFICERS, REGISTERED } from './roles.ts'

const tokyoAlert = (ids: { alertTokyo: string }) => ({ id: ids.alertTokyo })
const paris: readonly Who[] = ['officerParis']
const notA: readonly Who[] = ['citizenB', 'enterprise']

/** An alert over the caller's own district (the Paris officer's in Paris). */
const alertOf = (who: Who) =>
  alertBody({
    area:
      who === 'officerParis'
        ? { areaDesc: 'Paris', polygon: [PARIS_CAP_POLYGON] }
        : { areaDesc: 'Tokyo', polygon: [TOKYO_CAP_POLYGON] },
    info: { headline: `Heavy rain (${who})` },
  })

const capOf = (who: Who) => {
  const area =
    who === 'officerParis'
      ? '<areaDesc>Paris</areaDesc><circle>48.85,2.35 5</circle>'
      : '<areaDesc>Tokyo</areaDesc><circle>35.68,139.76 5</circle>'
  return alertXml({ identifier: `contract-${who}-${randomBytes(4).toString('hex')}`, area })
}

/** Safety alerts: drafting, sending, what staff see of them, the citizen's answer, CAP and feeds. */
export const alertsMatrix: Matrix = {
  'POST /api/v1/alerts': {
    roles: OFFICERS,
    request: (_, who) => ({ body: alertOf(who) }),
    probes: [
      {
        who: 'officerParis',
        why: 'an alert over Tokyo, outside their districts',
        request: () => ({ body: alertOf('officerTokyo') }),
        expect: { status: 403, code: 'alert.outside_jurisdiction' },
      },
    ],
  },
  'GET /api/v1/alerts': { roles: HOTLINE },
  'GET /api/v1/alerts/{id}': { roles: HOTLINE, params: tokyoAlert, notFound: paris },
  'POST /api/v1/alerts/{id}/reach': {
    roles: OFFICERS,
    params: (ids) => ({ id: ids.alertTokyoDraft }),
    notFound: paris,
  },
  // Sent once; the second caller finds it sent.
  'POST /api/v1/alerts/{id}/send': {
    roles: OFFICERS,
    params: (ids) => ({ id: ids.alertTokyoDraft }),
    notFound: paris,
    answers: [200, 409],
  },
  'GET /api/v1/alerts/{id}/stats': { roles: HOTLINE, params: tokyoAlert, notFound: paris },
  'GET /api/v1/alerts/{id}/recipients': { roles: HOTLINE, params: tokyoAlert, notFound: paris },
  'GET /api/v1/alerts/{id}/recipients.csv': { roles: HOTLINE, params: tokyoAlert, notFound: paris },
  'GET /api/v1/alerts/{id}/map': { roles: HOTLINE, params: tokyoAlert, notFound: paris },
  'GET /api/v1/me/alerts': { roles: REGISTERED },
  'GET /api/v1/me/alerts/{id}': { roles: REGISTERED, params: tokyoAlert, notFound: notA },
  'POST /api/v1/me/alerts/{id}/answer': {
    roles: REGISTERED,
    params: tokyoAlert,
    notFound: notA,
    request: () => ({ body: { answer: 'safe' } }),
  },
  // The hotline records an answer given on the phone (it resolves a standing need_help).
  'POST /api/v1/alerts/{id}/recipients/{userId}/answer': {
    roles: HOTLINE,
    params: (ids) => ({ id: ids.alertTokyo, userId: ids.citizenA }),
    notFound: paris,
    request: () => ({ body: { answer: 'safe' } }),
  },
  // Reading what a signed link asks changes nothing; the link is the credential.
  'GET /api/v1/alerts/{id}/answer-link': {
    roles: 'public',
    params: tokyoAlert,
    request: (w) => ({ query: { user: w.ids.citizenA, answer: 'safe', sig: w.ids.answerLinkSig } }),
  },
  // The signed link is the credential: anyone holding it may give the answer it names.
  'POST /api/v1/alerts/{id}/answer-link': {
    roles: 'public',
    params: tokyoAlert,
    request: (w) => ({ body: { user: w.ids.citizenA, answer: 'safe', sig: w.ids.answerLinkSig } }),
  },
  'POST /api/v1/alerts/cap': {
    roles: OFFICERS,
    request: (_, who) => ({ raw: { payload: capOf(who), contentType: 'application/cap+xml' } }),
  },
  'POST /api/v1/alerts/feeds/{kind}': {
    roles: DUTY,
    params: () => ({ kind: 'usgs' }),
    request: () => ({
      raw: {
        payload: readInterop('feeds', 'usgs_significant_week.geojson'),
        contentType: 'application/json',
      },
    }),
  },
  'GET /api/v1/alerts/{id}.cap': { roles: 'public', params: tokyoAlert },
  'GET /api/v1/feeds/alerts.atom': { roles: 'public' },
  'GET /api/v1/feeds/alerts/{country}.atom': { roles: 'public', params: () => ({ country: 'JP' }) },
  'GET /api/v1/public/alerts': { roles: 'public' },
}
