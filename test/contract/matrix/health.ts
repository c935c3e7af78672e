import { addDays } from '../../../src/modules/health/record.service.ts'
import { readInterop } from '../../helpers/interop.ts'
import { TOKYO_PERSON } from '../canaries.ts'
import { allBut, type Matrix, SIGNED_IN_PRINCIPALS } from './entry.ts'
import { ADMINS, ANY_ROLE, CITIZENS } from './roles.ts'

const CLINICIANS = ['clinician'] as const
const HEALTH_STAFF = ['clinician', 'admin'] as const
const PROGRAMME_KEEPERS = ['duty_officer', 'admin'] as const
const PROGRAMME_READERS = ['duty_officer', 'admin', 'clinician'] as const
const COVERAGE_READERS = ['officer', 'duty_officer', 'admin'] as const
const today = () => new Date().toISOString().slice(0, 10)
/** A real Swedish test certificate and its signer: public data, no canary of ours in it. */
const se = () => JSON.parse(readInterop('dcc', 'SE_1.json').toString('utf8'))
/** A recovery still valid today: the first positive test 20 days ago. */
const recoveryStart = addDays(new Date().toISOString().slice(0, 10), -20)
const notA = allBut(['citizenA'], SIGNED_IN_PRINCIPALS)

/** Vaccination sites, doses, certificates, the trust list, revocations and verification. */
export const healthMatrix: Matrix = {
  'GET /api/v1/health/sites': { roles: PROGRAMME_READERS },
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
  ...campaignMatrix(),
}

/** Spring Sprout: programmes, screening, booking, the clinician's day, stock, adverse events, coverage. */
function campaignMatrix(): Matrix {
  const tokyo = (ids: { healthSiteTokyo: string }) => ({ id: ids.healthSiteTokyo })
  return {
    'POST /api/v1/health/programmes': {
      roles: PROGRAMME_KEEPERS,
      request: (w) => ({
        body: {
          name: { 'zh-CN': '春苗行动', en: 'Spring Sprout' },
          products: ['EU/1/20/1528'],
          countries: ['JP'],
          startsOn: today(),
          endsOn: addDays(today(), 30),
          siteIds: [w.ids.healthSiteTokyo],
          minAge: 12,
        },
      }),
    },
    'GET /api/v1/health/programmes': { roles: PROGRAMME_READERS },
    'GET /api/v1/me/health/programmes': { roles: CITIZENS },
    'GET /api/v1/health/programmes/{programmeId}/screening-questions': {
      roles: ANY_ROLE,
      params: (ids) => ({ programmeId: ids.programmeJapan }),
    },
    'PUT /api/v1/me/health/screening/{programmeId}': {
      roles: CITIZENS,
      params: (ids) => ({ programmeId: ids.programmeJapan }),
      notFound: ['citizenB'],
      request: () => ({
        body: {
          answers: {
            unwell_today: false,
            severe_reaction_before: false,
            bleeding_disorder: false,
            weakened_immunity: false,
            severe_allergy: false,
            pregnant: false,
            dose_elsewhere: false,
            vaccine_last_14_days: false,
          },
        },
      }),
    },
    'POST /api/v1/me/health/programmes/{programmeId}/bookings': {
      roles: CITIZENS,
      params: (ids) => ({ programmeId: ids.programmeJapan }),
      notFound: ['citizenB'],
      request: (w) => ({
        body: {
          siteId: w.ids.healthSiteTokyo,
          start: w.ids.vaccinationSlot,
          altcha: w.ids.altchaVaccinationA,
        },
      }),
    },
    'GET /api/v1/me/health/doses': { roles: ANY_ROLE },
    'POST /api/v1/me/health/adverse-events': {
      roles: ANY_ROLE,
      notFound: notA,
      request: (w) => ({
        body: { doseId: w.ids.doseA, severity: 'mild', description: 'Sore arm for a day' },
      }),
    },
    'POST /api/v1/health/adverse-events': {
      roles: CLINICIANS,
      request: (w) => ({
        body: { doseId: w.ids.doseA, severity: 'mild', description: 'Sore arm for a day' },
      }),
    },
    'GET /api/v1/health/sites/{id}/day': { roles: CLINICIANS, params: tokyo },
    'POST /api/v1/health/sites/{id}/bookings/{appointmentId}/check-in': {
      roles: CLINICIANS,
      // A booking that is not the programme's: not found at the site.
      params: (ids) => ({ id: ids.healthSiteTokyo, appointmentId: ids.appointmentA }),
      answers: [404],
    },
    'POST /api/v1/health/sites/{id}/queue/next': {
      roles: CLINICIANS,
      params: tokyo,
      request: () => ({ body: { counter: 7 } }),
      // The mission's queue may be empty (404) or hold a walk-in: the desk calls it.
      answers: [200, 404],
    },
    'POST /api/v1/health/sites/{id}/stock': {
      roles: HEALTH_STAFF,
      params: tokyo,
      request: () => ({
        body: { product: 'BBIBP-CorV', lot: 'WLD-002', expiresOn: addDays(today(), 90), doses: 50 },
      }),
    },
    'POST /api/v1/health/sites/{id}/stock/waste': {
      roles: HEALTH_STAFF,
      params: tokyo,
      request: () => ({ body: { product: 'BBIBP-CorV', lot: 'WLD-001', doses: 1, reason: 'Vial dropped' } }),
    },
    'POST /api/v1/health/sites/{id}/stock/transfers': {
      roles: HEALTH_STAFF,
      params: tokyo,
      request: (w) => ({
        body: { product: 'BBIBP-CorV', lot: 'WLD-001', doses: 5, toSiteId: w.ids.healthSiteParis },
      }),
    },
    'GET /api/v1/health/sites/{id}/stock': { roles: HEALTH_STAFF, params: tokyo },
    'GET /api/v1/health/coverage': {
      roles: COVERAGE_READERS,
      request: () => ({ query: { country: 'JP' } }),
      refused: { officerParis: { status: 404, code: 'health.coverage_country' } },
    },
    'GET /api/v1/health/coverage/world': { roles: COVERAGE_READERS },
    'GET /api/v1/health/coverage.csv': { roles: COVERAGE_READERS },
  }
}
