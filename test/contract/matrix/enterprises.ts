import { creditCode, siteBody } from '../../helpers/enterprises.ts'
import type { Who } from '../principals.ts'
import type { Matrix } from './entry.ts'
import { ANY_ROLE, HOTLINE } from './roles.ts'

/** Accounts that run enterprises (membership is checked per enterprise), and the verifiers. */
const ACCOUNTS = ['enterprise', 'citizen'] as const
const READERS = ['enterprise', 'citizen', 'duty_officer', 'admin'] as const
const VERIFIERS = ['duty_officer', 'admin'] as const
/** Admitted by role, but members of no enterprise of the world's. */
const notMembers: readonly Who[] = ['citizenA', 'citizenB']
const paris: readonly Who[] = ['officerParis']

const demo = (ids: { enterpriseDemo: string }) => ({ id: ids.enterpriseDemo })
const mombasa = { country: 'KE', lat: -4.0435, lon: 39.6682 }

/** Overseas enterprises: registration, verification, members, sites, self-assessment, incidents, headcounts. */
export const enterprisesMatrix: Matrix = {
  'POST /api/v1/enterprises': {
    roles: ACCOUNTS,
    request: () => ({
      body: {
        name: 'Contract Trading Co.',
        nameZh: '契约贸易有限公司',
        creditCode: creditCode(),
        province: 'CN-ZJ',
        industry: 'trade',
      },
    }),
  },
  'GET /api/v1/enterprises': { roles: VERIFIERS, request: () => ({ query: { status: 'pending' } }) },
  'GET /api/v1/me/enterprises': { roles: ACCOUNTS },
  'GET /api/v1/enterprises/assessment/template': { roles: ANY_ROLE },
  'GET /api/v1/enterprises/{id}': { roles: READERS, params: demo, notFound: notMembers },
  'POST /api/v1/enterprises/{id}/verify': { roles: VERIFIERS, params: demo },
  'GET /api/v1/enterprises/{id}/members': { roles: ACCOUNTS, params: demo, notFound: notMembers },
  'POST /api/v1/enterprises/{id}/members': {
    roles: ACCOUNTS,
    params: demo,
    notFound: notMembers,
    request: (w) => ({ body: { email: w.credentialsOf('enterprise').email, role: 'admin' } }),
  },
  'POST /api/v1/enterprises/{id}/sites': {
    roles: ACCOUNTS,
    params: demo,
    notFound: notMembers,
    request: () => ({ body: siteBody({ name: 'Mombasa depot', ...mombasa }) }),
  },
  'GET /api/v1/enterprises/{id}/sites': { roles: READERS, params: demo, notFound: notMembers },
  'GET /api/v1/enterprises/{id}/sites/{siteId}': {
    roles: READERS,
    params: (ids) => ({ id: ids.enterpriseDemo, siteId: ids.siteKenya }),
    notFound: notMembers,
  },
  'PUT /api/v1/enterprises/{id}/sites/{siteId}': {
    roles: ACCOUNTS,
    params: (ids) => ({ id: ids.enterpriseDemo, siteId: ids.siteKenya }),
    notFound: notMembers,
    request: () => ({
      body: siteBody({ name: 'Mombasa port access road', kind: 'construction_site', ...mombasa }),
    }),
  },
  'PUT /api/v1/enterprises/{id}/assessment': {
    roles: ACCOUNTS,
    params: demo,
    notFound: notMembers,
    request: () => ({ body: { answers: { gov1: 3, trn1: 2, ra1: 1, em2: 3 } } }),
  },
  'GET /api/v1/enterprises/{id}/assessments': { roles: READERS, params: demo, notFound: notMembers },
  'POST /api/v1/enterprises/{id}/incidents': {
    roles: ACCOUNTS,
    params: demo,
    notFound: notMembers,
    request: (w) => ({
      body: { siteId: w.ids.siteKenya, kind: 'strike', summary: 'Drivers on strike at the gate' },
    }),
  },
  'GET /api/v1/sites': { roles: HOTLINE, request: () => ({ query: { limit: '50' } }) },
  'GET /api/v1/sites/{id}': { roles: HOTLINE, params: (ids) => ({ id: ids.siteTokyo }), notFound: paris },
  'POST /api/v1/alerts/{id}/headcounts': {
    roles: ACCOUNTS,
    params: (ids) => ({ id: ids.alertTokyo }),
    notFound: notMembers,
    request: (w) => ({ body: { siteId: w.ids.siteTokyo, total: 12, safe: 12, injured: 0, missing: 0 } }),
  },
  'GET /api/v1/alerts/{id}/sites': {
    roles: HOTLINE,
    params: (ids) => ({ id: ids.alertTokyo }),
    notFound: paris,
  },
  'GET /api/v1/me/site-alerts': { roles: ACCOUNTS },
}
