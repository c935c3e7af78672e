import type { Matrix, Probe } from './entry.ts'
import { HOTLINE } from './roles.ts'

/** B is in Paris and on no case the Tokyo officer sees. */
const personInParis: Probe = {
  who: 'officerTokyo',
  why: 'a person in Paris',
  params: (ids) => ({ id: ids.citizenB }),
  request: () => ({}),
  expect: { status: 404, code: 'person.not_found' },
}

/** The console's composed views: the start page's numbers and a person's record. */
export const consoleMatrix: Matrix = {
  'GET /api/v1/console/overview': { roles: HOTLINE },
  'GET /api/v1/people/{id}/record': {
    roles: HOTLINE,
    params: (ids) => ({ id: ids.citizenA }),
    notFound: ['officerParis'],
    probes: [personInParis],
  },
}
