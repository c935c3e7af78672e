import { TOKYO_AREA } from '../../helpers/crises.ts'
import type { Expected, Matrix } from './entry.ts'
import { ANY_ROLE, DUTY, OFFICERS } from './roles.ts'

const advice = (text: string) => ({ 'zh-CN': `${text}（中文）`, en: text })
const japan = () => ({ country: 'JP' })
const tokyoBay = () => ({ country: 'JP', regionKey: 'tokyo-bay' })
/** Countries are public: an officer of another country is told so (403), not 404. */
const notTheirCountry: Expected = { status: 403, code: 'advisory.out_of_scope' }

/** Country and region advisories, their drafts and publication, the feed, followed countries. */
export const advisoriesMatrix: Matrix = {
  'GET /api/v1/advisories': { roles: 'public' },
  'GET /api/v1/advisories/drafts': { roles: OFFICERS },
  'GET /api/v1/advisories/{country}': { roles: 'public', params: japan },
  'GET /api/v1/advisories/{country}/draft': {
    roles: OFFICERS,
    params: japan,
    refused: { officerParis: notTheirCountry },
  },
  'PUT /api/v1/advisories/{country}': {
    roles: OFFICERS,
    params: japan,
    refused: { officerParis: notTheirCountry },
    request: () => ({ body: { level: 1, summary: advice('Aftershocks expected') } }),
  },
  'POST /api/v1/advisories/{country}/publish': { roles: DUTY, params: japan },
  'GET /api/v1/advisories/{country}/regions/{regionKey}': { roles: 'public', params: tokyoBay },
  'GET /api/v1/advisories/{country}/regions/{regionKey}/draft': {
    roles: OFFICERS,
    params: tokyoBay,
    refused: { officerParis: notTheirCountry },
  },
  'PUT /api/v1/advisories/{country}/regions/{regionKey}': {
    roles: OFFICERS,
    params: tokyoBay,
    refused: { officerParis: notTheirCountry },
    request: () => ({
      body: {
        name: advice('Tokyo Bay'),
        level: 2,
        summary: advice('Flooding around Tokyo Bay'),
        area: TOKYO_AREA,
      },
    }),
  },
  'POST /api/v1/advisories/{country}/regions/{regionKey}/publish': { roles: DUTY, params: tokyoBay },
  'DELETE /api/v1/advisories/{country}/regions/{regionKey}': {
    roles: DUTY,
    params: () => ({ country: 'JP', regionKey: 'kanto-coast' }),
  },
  'GET /api/v1/feeds/advisories.atom': { roles: 'public' },
  'GET /api/v1/me/subscriptions': { roles: ANY_ROLE },
  'POST /api/v1/me/subscriptions': { roles: ANY_ROLE, request: () => ({ body: { country: 'FR' } }) },
  'DELETE /api/v1/me/subscriptions/{country}': { roles: ANY_ROLE, params: () => ({ country: 'FR' }) },
  // E-mail-only subscriptions: anyone; made-up links are refused as such.
  'POST /api/v1/public/subscriptions': {
    roles: 'public',
    request: (_, who) => ({ body: { email: `follower.${who}@example.org`, country: 'FR', lang: 'en' } }),
    answers: [202],
  },
  'POST /api/v1/public/subscriptions/{id}/confirm': {
    roles: 'public',
    params: () => ({ id: '01900000-0000-7000-8000-000000000000' }),
    request: () => ({ body: { token: 'not-a-token' } }),
    answers: [400],
  },
  'POST /api/v1/public/subscriptions/{id}/unsubscribe': {
    roles: 'public',
    params: () => ({ id: '01900000-0000-7000-8000-000000000000' }),
    request: () => ({ query: { sig: 'AAAAAAAAAAAAAAAAAAAAAA' } }),
    answers: [400],
  },
}
