import { randomBytes, randomInt } from 'node:crypto'
import { isValidPhoneNumber } from 'libphonenumber-js/max'
import { CITIZEN_PASSWORD } from '../world/world.ts'
import type { Matrix } from './entry.ts'
import { ADMINS, ANY_ROLE, MISSION_EDITORS, REGISTERED } from './roles.ts'

const unique = () => randomBytes(5).toString('hex')

/** A fresh Chinese mobile number, so that no cooldown of an earlier request applies. */
function freshPhone(): string {
  for (;;) {
    const phone = `+86139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
    if (isValidPhoneNumber(phone)) return phone
  }
}

/** Accounts, sessions, two-factor sign-in, staff administration, the audit log; reference data; privacy. */
export const identityMatrix: Matrix = {
  'POST /api/v1/auth/register': {
    roles: 'public',
    request: (_, who) => ({
      body: {
        email: `joined.${who}.${unique()}@example.org`,
        password: CITIZEN_PASSWORD,
        name: 'Zhao Lei 赵磊',
      },
    }),
  },
  'POST /api/v1/auth/login': {
    roles: 'public',
    request: (w) => ({ body: w.credentialsOf('citizenB') }),
  },
  'POST /api/v1/auth/logout': { roles: 'public', freshSession: true },
  'GET /api/v1/me': { roles: ANY_ROLE },
  'GET /api/v1/auth/session': { roles: 'public' },
  'POST /api/v1/auth/mfa/enrol/start': { roles: ANY_ROLE },
  // A made-up code: refused as wrong, by the rules of two-factor sign-in rather than by role.
  'POST /api/v1/auth/mfa/enrol/confirm': {
    roles: ANY_ROLE,
    request: () => ({ body: { code: '000000' } }),
    answers: [400],
  },
  'POST /api/v1/auth/mfa/verify': {
    roles: ANY_ROLE,
    request: () => ({ body: { code: '000000' } }),
    answers: [400, 409],
  },
  'GET /api/v1/users': { roles: ADMINS },
  'POST /api/v1/users': {
    roles: ADMINS,
    request: () => ({
      body: {
        email: `staff.${unique()}@example.org`,
        name: 'New Operator',
        role: 'operator',
      },
    }),
  },
  'PUT /api/v1/users/{id}/access': {
    roles: ADMINS,
    params: (ids) => ({ id: ids.spareStaff }),
    request: () => ({ body: { roles: ['officer'], missions: ['JP-TYO-EMB'] } }),
  },
  'GET /api/v1/audit': { roles: ADMINS },

  'GET /api/v1/countries': { roles: 'public' },
  'GET /api/v1/countries/{code}': { roles: 'public', params: () => ({ code: 'JP' }) },
  'GET /api/v1/missions': { roles: 'public' },
  'GET /api/v1/missions/{code}': { roles: 'public', params: () => ({ code: 'JP-TYO-EMB' }) },
  'GET /api/v1/cities': {
    roles: 'public',
    request: () => ({ query: { q: 'Osa', country: 'JP' } }),
  },
  'PATCH /api/v1/missions/{code}': {
    roles: MISSION_EDITORS,
    params: () => ({ code: 'JP-TYO-EMB' }),
    notFound: ['officerParis'],
    request: () => ({
      body: {
        emergencyPhone: '+81 3 3403 3065',
        hours: { 'zh-CN': '周一至周五 9:00–12:00', en: 'Mon–Fri 9:00–12:00' },
      },
    }),
  },
  'GET /api/v1/geo/country-at': {
    roles: 'public',
    request: () => ({ query: { lat: '48.85', lon: '2.35' } }),
  },
  'GET /api/v1/geo/mission-at': {
    roles: 'public',
    request: () => ({ query: { lat: '48.85', lon: '2.35' } }),
  },

  // Account basics: 202 whatever the address or number; made-up codes and tokens are refused as such.
  'POST /api/v1/auth/password/forgot': {
    roles: 'public',
    request: (w) => ({ body: { email: w.credentialsOf('citizenB').email } }),
    answers: [202],
  },
  'POST /api/v1/auth/password/reset': {
    roles: 'public',
    request: () => ({ body: { token: 'not-a-token', password: CITIZEN_PASSWORD } }),
    answers: [400],
  },
  'POST /api/v1/auth/email/verify': {
    roles: 'public',
    request: () => ({ body: { token: 'not-a-token' } }),
    answers: [400],
  },
  'POST /api/v1/auth/phone/code': {
    roles: 'public',
    request: () => ({ body: { phone: freshPhone() } }),
    answers: [202],
  },
  'POST /api/v1/auth/phone/login': {
    roles: 'public',
    request: () => ({ body: { phone: freshPhone(), code: '000000' } }),
    answers: [401],
  },
  'POST /api/v1/me/email': {
    roles: ANY_ROLE,
    request: (_, who) => ({ body: { email: `proved.${who}.${unique()}@example.org` } }),
    answers: [202],
  },
  'POST /api/v1/me/phone': {
    roles: ANY_ROLE,
    request: () => ({ body: { phone: freshPhone() } }),
    answers: [202],
  },
  'POST /api/v1/me/phone/verify': {
    roles: ANY_ROLE,
    request: () => ({ body: { code: '000000' } }),
    answers: [400],
  },
  // A wrong current password: the world's passwords and sessions stay as they are.
  'POST /api/v1/me/password': {
    roles: ANY_ROLE,
    request: () => ({ body: { currentPassword: 'not my password', newPassword: CITIZEN_PASSWORD } }),
    answers: [400],
  },
  'GET /api/v1/me/sessions': { roles: ANY_ROLE },
  'DELETE /api/v1/me/sessions/{id}': {
    roles: ANY_ROLE,
    params: () => ({ id: '0'.repeat(32) }),
    answers: [404],
  },
  'POST /api/v1/me/sessions/end-others': { roles: ANY_ROLE },

  'GET /api/v1/me/export': { roles: ANY_ROLE },
  // Deletes the caller's account: the last request of the run.
  'DELETE /api/v1/me': { roles: REGISTERED, last: true },
}
