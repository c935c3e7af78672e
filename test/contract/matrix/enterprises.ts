import { creditCode, siteBody } from '../../helpers/enterprises.ts'
import type { Who } from '../principals.ts'
import type { Matrix } from './entry.ts'
import { ANY_ROLE, DUTY, HOTLINE, OFFICERS } from './roles.ts'

/** Accounts that run enterprises (membership is checked per enterprise), and the verifiers. */
const ACCOUNTS = ['enterprise', 'citizen'] as const
const READERS = ['enterprise', 'citizen', 'duty_officer', 'admin'] as const
const VERIFIERS = ['duty_officer', 'admin'] as const
/** Admitted by role, but members of no enterprise of the world's. */
const notMembers: readonly Who[] = ['citizenA', 'citizenB']
const paris: readonly Who[] = ['officerParis']

const demo = (ids: { enterpriseDemo: string }) => ({ id: ids.enterpriseDemo })
const kenya = (ids: { enterpriseDemo: string; siteKenya: string }) => ({
  id: ids.enterpriseDemo,
  siteId: ids.siteKenya,
})
/** Countries are public: an officer of another country is told so (403), not 404. */
const guidanceNotTheirs = { status: 403, code: 'enterprise.guidance_out_of_scope' }
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
  'GET /api/v1/enterprises/{id}/members': { roles: READERS, params: demo, notFound: notMembers },
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
  'GET /api/v1/enterprises/{id}/assessment/due': { roles: READERS, params: demo, notFound: notMembers },
  'GET /api/v1/enterprises/{id}/sites/{siteId}/staff': {
    roles: READERS,
    params: kenya,
    notFound: notMembers,
  },
  'POST /api/v1/enterprises/{id}/sites/{siteId}/staff': {
    roles: ACCOUNTS,
    params: kenya,
    notFound: notMembers,
    request: () => ({
      body: { name: 'Contract person', phone: '+8613800138103', passportNumber: 'E99887766' },
    }),
  },
  'POST /api/v1/enterprises/{id}/sites/{siteId}/staff/import': {
    roles: ACCOUNTS,
    params: kenya,
    notFound: notMembers,
    request: () => ({
      raw: {
        payload: 'name,phone,passport\nImported person,+8613800138104,E11223344\n',
        contentType: 'text/csv',
      },
    }),
  },
  'PUT /api/v1/enterprises/{id}/sites/{siteId}/staff/{staffId}': {
    roles: ACCOUNTS,
    params: (ids) => ({ id: ids.enterpriseDemo, siteId: ids.siteKenya, staffId: ids.staffKenya }),
    notFound: notMembers,
    request: () => ({ body: { name: 'Roster person renamed', phone: '+8613800138101' } }),
  },
  'DELETE /api/v1/enterprises/{id}/sites/{siteId}/staff/{staffId}': {
    roles: ACCOUNTS,
    params: (ids) => ({ id: ids.enterpriseDemo, siteId: ids.siteKenya, staffId: ids.staffKenyaSpare }),
    notFound: notMembers,
    last: true,
  },
  'POST /api/v1/enterprises/{id}/sites/{siteId}/staff/{staffId}/trainings': {
    roles: ACCOUNTS,
    params: (ids) => ({ id: ids.enterpriseDemo, siteId: ids.siteKenya, staffId: ids.staffKenya }),
    notFound: notMembers,
    request: () => ({
      body: { course: 'Kidnap awareness', takenOn: '2026-03-01', validUntil: '2027-03-01' },
    }),
  },
  'DELETE /api/v1/enterprises/{id}/sites/{siteId}/staff/{staffId}/trainings/{trainingId}': {
    roles: ACCOUNTS,
    params: (ids) => ({
      id: ids.enterpriseDemo,
      siteId: ids.siteKenya,
      staffId: ids.staffKenya,
      trainingId: ids.trainingKenya,
    }),
    notFound: notMembers,
    last: true,
  },
  'GET /api/v1/enterprises/{id}/training': { roles: READERS, params: demo, notFound: notMembers },
  'GET /api/v1/enterprises/{id}/guidance': { roles: READERS, params: demo, notFound: notMembers },
  'GET /api/v1/enterprise-guidance/{country}': { roles: ANY_ROLE, params: () => ({ country: 'KE' }) },
  'GET /api/v1/enterprise-guidance/{country}/draft': {
    roles: OFFICERS,
    params: () => ({ country: 'JP' }),
    refused: { officerParis: guidanceNotTheirs },
    // Before the draft is written (operations run in any order) there is none.
    answers: [404],
  },
  'PUT /api/v1/enterprise-guidance/{country}/draft': {
    roles: OFFICERS,
    params: () => ({ country: 'JP' }),
    refused: { officerParis: guidanceNotTheirs },
    request: () => ({
      body: {
        title: { 'zh-CN': '东京项目安全指引', en: 'Security guidance for Tokyo sites' },
        body: { 'zh-CN': '地震时按预案疏散。', en: 'Evacuate by the plan after an earthquake.' },
      },
    }),
  },
  'POST /api/v1/enterprise-guidance/{country}/publish': {
    roles: DUTY,
    params: () => ({ country: 'JP' }),
    answers: [404],
  },
  'PUT /api/v1/enterprises/{id}/sites/{siteId}/plan': {
    roles: ACCOUNTS,
    params: kenya,
    notFound: notMembers,
    request: () => ({
      raw: {
        payload: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
        contentType: 'application/pdf',
      },
    }),
  },
  'GET /api/v1/enterprises/{id}/sites/{siteId}/plan': {
    roles: READERS,
    params: kenya,
    notFound: notMembers,
    // Before the plan is uploaded there is none.
    answers: [404],
  },
  'GET /api/v1/sites/export': { roles: HOTLINE, request: () => ({ query: { country: 'KE' } }) },
  'GET /api/v1/sites/by-country': { roles: HOTLINE },
  'GET /api/v1/sites/{id}/staff': {
    roles: HOTLINE,
    params: (ids) => ({ id: ids.siteTokyo }),
    notFound: paris,
  },
}
