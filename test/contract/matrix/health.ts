import { addDays } from '../../../src/modules/health/record.service.ts'
import { readInterop } from '../../helpers/interop.ts'
import { TOKYO_PERSON } from '../canaries.ts'
import { allBut, type Matrix, SIGNED_IN_PRINCIPALS } from './entry.ts'
import { ADMINS, ANY_ROLE } from './roles.ts'

const CLINICIANS = ['clinician'] as const
const HEALTH_STAFF = ['clinician', 'admin'] as const
/** A real Swedish test certificate and its signer: public data, no canary of ours in it. */
const se = () => JSON.parse(readInterop('dcc', 'SE_1.json').toString('utf8'))
/** A recovery still valid today: the first positive test 20 days ago. */
const recoveryStart = addDays(new Date().toISOString().slice(0, 10), -20)
const notA = allBut(['citizenA'], SIGNED_IN_PRINCIPALS)

/** Vaccination sites, doses, certificates, the trust list, revocations and verification. */
export const healthMatrix: Matrix = {
  'GET /api/v1/health/sites': { roles: HEALTH_STAFF },
  'PUT /api/v1/health/clinicians/{userId}': {
    roles: ADMINS,
    params: (ids) => ({ userId: ids.clinicianTokyo }),
    request: (w) => ({ body: { siteId: w.ids.healthSiteTokyo } }),
  },
  'GET /api/v1/health/people': {
    roles: CLINICIANS,
    request: () => ({ query: { passport: TOKYO_PERSON.passportNumber } }),
  },
  'POST /api/v1/health/doses': {
    roles: CLINICIANS,
    request: (w) => ({
      body: {
        personId: w.ids.citizenA,
        product: 'BBIBP-CorV',
        manufacturer: 'ORG-100020693',
        lot: 'SP2026A',
        doseNumber: 1,
        seriesDoses: 1,
        date: '2026-01-15',
        siteId: w.ids.healthSiteTokyo,
      },
    }),
  },
  'POST /api/v1/health/tests': {
    roles: CLINICIANS,
    request: (w) => ({
      body: {
        personId: w.ids.citizenA,
        type: 'LP217198-3',
        manufacturer: '1232',
        // A test certificate is valid 24 h from the sample (rapid antigen): an hour ago.
        sampledAt: new Date(Date.now() - 3_600_000).toISOString(),
        result: '260415000',
        centre: 'Tokyo embassy testing centre',
        siteId: w.ids.healthSiteTokyo,
      },
    }),
  },
  'POST /api/v1/health/recoveries': {
    roles: CLINICIANS,
    request: (w) => ({
      body: {
        personId: w.ids.citizenA,
        firstPositive: recoveryStart,
        validFrom: addDays(recoveryStart, 11),
        validUntil: addDays(recoveryStart, 180),
        siteId: w.ids.healthSiteTokyo,
      },
    }),
  },
  'GET /api/v1/me/health/certificates': { roles: ANY_ROLE },
  'GET /api/v1/me/health/certificates/{id}.png': {
    roles: ANY_ROLE,
    params: (ids) => ({ id: ids.certificateA }),
    notFound: notA,
  },
  'GET /api/v1/me/health/certificates/{id}.pdf': {
    roles: ANY_ROLE,
    params: (ids) => ({ id: ids.certificateA }),
    notFound: notA,
  },
  'POST /api/v1/health/certificates/{id}/revoke': {
    roles: ADMINS,
    params: (ids) => ({ id: ids.certificateARevocable }),
    request: () => ({ body: { reason: 'Recorded twice by mistake' } }),
  },
  'GET /api/v1/health/revocations': { roles: 'public' },
  'GET /api/v1/health/trust-list': { roles: 'public' },
  'POST /api/v1/health/trust-list/entries': {
    roles: ADMINS,
    request: () => ({ body: { certificate: se().TESTCTX.CERTIFICATE, country: 'SE' } }),
  },
  'POST /api/v1/health/verify': {
    roles: 'public',
    request: () => ({ body: { qr: se().PREFIX, at: se().TESTCTX.VALIDATIONCLOCK } }),
  },
}
