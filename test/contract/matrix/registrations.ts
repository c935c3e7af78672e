import { TOKYO_AREA } from '../../helpers/crises.ts'
import { dayFromToday } from '../../helpers/http.ts'
import { TOKYO_PERSON } from '../canaries.ts'
import { PARIS } from '../world/world.ts'
import { allBut, type Matrix, type Probe, SIGNED_IN_PRINCIPALS } from './entry.ts'
import { ANY_ROLE, OFFICERS } from './roles.ts'

const BERLIN = { lat: 52.52, lon: 13.405 }
const notA = allBut(['citizenA'], SIGNED_IN_PRINCIPALS)
const notB = allBut(['citizenB'], SIGNED_IN_PRINCIPALS)

/** B is in Paris: outside the Tokyo officer's districts. */
const personInParis: Probe = {
  who: 'officerTokyo',
  why: 'a person in Paris',
  params: (ids) => ({ id: ids.citizenB }),
  request: () => ({}),
  expect: { status: 404, code: 'person.not_found' },
}

const parisTrip = {
  destinations: [{ country: 'FR', city: 'Paris', ...PARIS }],
  startDate: dayFromToday(-2),
  endDate: dayFromToday(16),
}

/** A person's own registrations (profile, trips, family, position) and the staff people search. */
export const registrationsMatrix: Matrix = {
  'GET /api/v1/me/profile': { roles: ANY_ROLE },
  'PUT /api/v1/me/profile': { roles: ANY_ROLE, request: () => ({ body: { consentToContact: true } }) },
  'PUT /api/v1/me/residence': {
    roles: ANY_ROLE,
    request: (_, who) => ({
      body:
        who === 'citizenA'
          ? { country: 'JP', city: 'Tokyo' }
          : who === 'citizenB'
            ? { country: 'FR', city: 'Paris' }
            : { country: 'DE', city: 'Berlin' },
    }),
  },
  'GET /api/v1/me/trips': { roles: ANY_ROLE },
  'POST /api/v1/me/trips': {
    roles: ANY_ROLE,
    request: () => ({
      body: {
        destinations: [{ country: 'DE', city: 'Berlin' }],
        startDate: dayFromToday(60),
        endDate: dayFromToday(65),
      },
    }),
  },
  'GET /api/v1/me/trips/{id}': {
    roles: ANY_ROLE,
    params: (ids) => ({ id: ids.tripB }),
    notFound: notB,
    probes: [
      {
        who: 'citizenB',
        why: "A's trip",
        params: (ids) => ({ id: ids.tripA }),
        request: () => ({}),
        expect: { status: 404 },
      },
    ],
  },
  'PUT /api/v1/me/trips/{id}': {
    roles: ANY_ROLE,
    params: (ids) => ({ id: ids.tripB }),
    notFound: notB,
    request: () => ({ body: parisTrip }),
  },
  'DELETE /api/v1/me/trips/{id}': {
    roles: ANY_ROLE,
    params: (ids) => ({ id: ids.tripBSpare }),
    notFound: notB,
  },
  'GET /api/v1/me/dependants': { roles: ANY_ROLE },
  'POST /api/v1/me/dependants': {
    roles: ANY_ROLE,
    request: () => ({ body: { nameLatin: 'Wang Xiaoming', dateOfBirth: '2018-03-04', relation: 'child' } }),
  },
  'GET /api/v1/me/dependants/{id}': {
    roles: ANY_ROLE,
    params: (ids) => ({ id: ids.dependantA }),
    notFound: notA,
  },
  'PUT /api/v1/me/dependants/{id}': {
    roles: ANY_ROLE,
    params: (ids) => ({ id: ids.dependantA }),
    notFound: notA,
    request: () => ({ body: { sex: 'F' } }),
  },
  'DELETE /api/v1/me/dependants/{id}': {
    roles: ANY_ROLE,
    params: (ids) => ({ id: ids.dependantASpare }),
    notFound: notA,
  },
  'PUT /api/v1/me/location': {
    roles: ANY_ROLE,
    request: (_, who) => ({
      body:
        who === 'citizenA'
          ? { lat: TOKYO_PERSON.lat, lon: TOKYO_PERSON.lon }
          : who === 'citizenB'
            ? PARIS
            : BERLIN,
    }),
  },
  'GET /api/v1/me/location': { roles: ANY_ROLE },
  'DELETE /api/v1/me/location': { roles: ANY_ROLE },

  'GET /api/v1/people': {
    roles: OFFICERS,
    // The Paris officer looks A up by phone: A is not in their jurisdiction.
    request: (_, who) => {
      const query: Record<string, string> =
        who === 'officerParis' ? { q: TOKYO_PERSON.phone } : { country: 'JP' }
      return { query }
    },
  },
  'POST /api/v1/people/search': { roles: OFFICERS, request: () => ({ body: { area: TOKYO_AREA } }) },
  'GET /api/v1/people/{id}': {
    roles: OFFICERS,
    params: (ids) => ({ id: ids.citizenA }),
    notFound: ['officerParis'],
    probes: [personInParis],
  },
  'POST /api/v1/people/{id}/passport': {
    roles: OFFICERS,
    params: (ids) => ({ id: ids.citizenA }),
    notFound: ['officerParis'],
    probes: [personInParis],
  },
}
