import { PARIS_AREA, TOKYO_AREA } from '../../helpers/crises.ts'
import type { Who } from '../principals.ts'
import { TOKYO } from '../world/world.ts'
import type { Matrix } from './entry.ts'
import { CITIZENS, HOTLINE, OFFICERS } from './roles.ts'

const tokyoCrisis = (ids: { crisisTokyo: string }) => ({ id: ids.crisisTokyo })
const paris: readonly Who[] = ['officerParis']

/** Crisis events, their manifest, assembly points and transport, and the citizen's answer. */
export const crisesMatrix: Matrix = {
  'POST /api/v1/crises': {
    roles: OFFICERS,
    request: (_, who) => ({
      body:
        who === 'officerParis'
          ? { name: 'Seine floods', country: 'FR', area: PARIS_AREA }
          : { name: 'Tokyo typhoon', country: 'JP', area: TOKYO_AREA },
    }),
    probes: [
      {
        who: 'officerParis',
        why: 'a crisis in a country their missions do not cover',
        request: () => ({ body: { name: 'Tokyo typhoon', country: 'JP', area: TOKYO_AREA } }),
        expect: { status: 403, code: 'crisis.outside_scope' },
      },
    ],
  },
  'GET /api/v1/crises': { roles: HOTLINE },
  'GET /api/v1/crises/{id}': { roles: HOTLINE, params: tokyoCrisis, notFound: paris },
  // Closed once; the second caller finds it closed.
  'POST /api/v1/crises/{id}/close': {
    roles: OFFICERS,
    params: (ids) => ({ id: ids.crisisTokyoSpare }),
    notFound: paris,
    answers: [200, 409],
  },
  'POST /api/v1/crises/{id}/cases': {
    roles: HOTLINE,
    params: tokyoCrisis,
    notFound: paris,
    request: (w) => ({ body: { caseId: w.ids.caseTokyo } }),
    probes: [
      {
        who: 'officerTokyo',
        why: 'a Paris case linked to the Tokyo crisis',
        request: (w) => ({ body: { caseId: w.ids.caseParis } }),
        expect: { status: 404, code: 'case.not_found' },
      },
    ],
  },
  'POST /api/v1/crises/{id}/contacts': {
    roles: HOTLINE,
    params: tokyoCrisis,
    notFound: paris,
    request: (w) => ({ body: { contactId: w.ids.contactTokyo } }),
    probes: [
      {
        who: 'operator',
        why: "A's SOS",
        request: (w) => ({ body: { contactId: w.ids.helpTokyo } }),
        expect: { status: 201 },
      },
    ],
  },
  'POST /api/v1/crises/{id}/alerts': {
    roles: OFFICERS,
    params: tokyoCrisis,
    notFound: paris,
    request: (w) => ({ body: { alertId: w.ids.alertTokyoDraft } }),
    probes: [
      {
        who: 'duty',
        why: 'the sent Tokyo alert',
        request: (w) => ({ body: { alertId: w.ids.alertTokyo } }),
        expect: { status: 201 },
      },
      {
        who: 'officerTokyo',
        why: 'an alert that does not exist',
        request: () => ({ body: { alertId: '01900000-0000-7000-8000-000000000000' } }),
        expect: { status: 404, code: 'alert.not_found' },
      },
    ],
  },
  'POST /api/v1/crises/{id}/assembly-points': {
    roles: OFFICERS,
    params: tokyoCrisis,
    notFound: paris,
    request: () => ({ body: { name: 'Ueno park', ...TOKYO } }),
  },
  'POST /api/v1/crises/{id}/legs': {
    roles: OFFICERS,
    params: tokyoCrisis,
    notFound: paris,
    request: (w) => ({
      body: {
        name: 'Bus 2',
        mode: 'bus',
        fromPointId: w.ids.assemblyPointTokyo,
        destination: 'Haneda',
        departsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        capacity: 30,
      },
    }),
  },
  'GET /api/v1/crises/{id}/manifest': { roles: HOTLINE, params: tokyoCrisis, notFound: paris },
  'GET /api/v1/crises/{id}/manifest.csv': { roles: HOTLINE, params: tokyoCrisis, notFound: paris },
  'POST /api/v1/crises/{id}/people/{personId}': {
    roles: HOTLINE,
    params: (ids) => ({ id: ids.crisisTokyo, personId: ids.citizenA }),
    notFound: paris,
    request: () => ({ body: { status: 'safe' } }),
    probes: [
      {
        who: 'operator',
        why: 'A boards the bus out',
        request: (w) => ({ body: { status: 'boarded', legId: w.ids.legTokyo } }),
        expect: { status: 200 },
      },
      {
        who: 'officerTokyo',
        why: 'B, who is in Paris, not in the area',
        params: (ids) => ({ id: ids.crisisTokyo, personId: ids.citizenB }),
        request: () => ({ body: { status: 'safe' } }),
        expect: { status: 404, code: 'crisis.person_not_found' },
      },
    ],
  },
  'GET /api/v1/me/crises': { roles: CITIZENS },
  'POST /api/v1/me/crises/{id}/status': {
    roles: CITIZENS,
    params: tokyoCrisis,
    notFound: ['citizenB'],
    request: () => ({ body: { status: 'safe' } }),
  },
}
