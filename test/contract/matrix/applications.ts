import { formData, RENEWAL_FORM, SPECIMEN_MRZ } from '../../helpers/applications.ts'
import { pdf } from '../../helpers/files.ts'
import { makePhoto, makeSignature } from '../../helpers/photos.ts'
import type { Who } from '../principals.ts'
import type { Matrix, RequestParts } from './entry.ts'
import { ADMINS, CITIZENS, OFFICERS } from './roles.ts'

const tokyo = (ids: { applicationTokyo: string }) => ({ id: ids.applicationTokyo })
const draftA = (ids: { applicationDraftA: string }) => ({ id: ids.applicationDraftA })
/** Another citizen's application, another mission's: 404. */
const notB: readonly Who[] = ['citizenB']
const notParis: readonly Who[] = ['officerParis']

// Made once: the matrix asks for a request per principal, synchronously.
const PHOTO = await makePhoto()
const SIGNATURE = await makeSignature()

const file = (name: string, type: string, content: Buffer, kind?: string): RequestParts => {
  const { payload, contentType } = formData([
    ...(kind ? [{ field: 'kind', value: kind }] : []),
    { field: 'file', name, type, content },
  ])
  return { raw: { payload, contentType } }
}

/** The catalogue, the MRZ reader, the public status check, a citizen's applications and the review. */
export const applicationsMatrix: Matrix = {
  'GET /api/v1/missions/{code}/services': { roles: 'public', params: () => ({ code: 'JP-TYO-EMB' }) },
  'PUT /api/v1/missions/{code}/services/{service}': {
    roles: ADMINS,
    params: () => ({ code: 'FR-PAR-EMB', service: 'travel_document' }),
    request: () => ({
      body: {
        fee: { amount: 15, currency: 'EUR' },
        processingDays: 12,
        eligibility: { 'zh-CN': '中国公民', en: 'Chinese citizens' },
        requiresAppointment: false,
        uploads: ['identity_proof'],
        collection: ['mission'],
        photo: { minBytes: 10240, maxBytes: 5242880 },
      },
    }),
  },
  'POST /api/v1/mrz/parse': { roles: 'public', request: () => ({ body: { mrz: SPECIMEN_MRZ } }) },
  'GET /api/v1/public/applications/status': {
    roles: 'public',
    request: (w) => ({
      query: { reference: w.ids.applicationTokyoReference, dateOfBirth: RENEWAL_FORM.dateOfBirth },
    }),
  },
  'GET /api/v1/me/applications': { roles: CITIZENS },
  'POST /api/v1/me/applications': {
    roles: CITIZENS,
    request: () => ({ body: { service: 'passport_renewal', mission: 'JP-TYO-EMB' } }),
  },
  'GET /api/v1/me/applications/{id}': { roles: CITIZENS, params: tokyo, notFound: notB },
  'GET /api/v1/me/applications/{id}/receipt.pdf': { roles: CITIZENS, params: tokyo, notFound: notB },
  'PATCH /api/v1/me/applications/{id}': {
    roles: CITIZENS,
    params: draftA,
    notFound: notB,
    request: (_, who) => ({ body: { birthPlace: `Beijing (${who})`, surname: 'Eriksson' } }),
  },
  'POST /api/v1/me/applications/{id}/photo': {
    roles: CITIZENS,
    params: draftA,
    notFound: notB,
    request: () => file('photo.jpg', 'image/jpeg', PHOTO),
  },
  'POST /api/v1/me/applications/{id}/signature': {
    roles: CITIZENS,
    params: draftA,
    notFound: notB,
    request: () => file('signature.png', 'image/png', SIGNATURE),
  },
  'POST /api/v1/me/applications/{id}/uploads': {
    roles: CITIZENS,
    params: draftA,
    notFound: notB,
    request: () => file('page.pdf', 'application/pdf', pdf('data page'), 'passport_data_page'),
  },
  // The draft lacks most of its form: what is missing is named, nothing moves.
  'POST /api/v1/me/applications/{id}/submit': {
    roles: CITIZENS,
    params: draftA,
    notFound: notB,
    answers: [422],
  },
  // Withdrawn once; the next caller finds nothing left to withdraw.
  'POST /api/v1/me/applications/{id}/withdraw': {
    roles: CITIZENS,
    params: (ids) => ({ id: ids.applicationTokyoSpare }),
    notFound: notB,
    answers: [200, 409],
  },
  'GET /api/v1/applications': { roles: OFFICERS },
  'GET /api/v1/applications/{id}': { roles: OFFICERS, params: tokyo, notFound: notParis },
  'GET /api/v1/applications/{id}/photo': { roles: OFFICERS, params: tokyo, notFound: notParis },
  'POST /api/v1/applications/{id}/events': {
    roles: OFFICERS,
    params: tokyo,
    notFound: notParis,
    request: (_, who) => ({ body: { action: 'note', reason: `Checked by ${who}` } }),
  },
  'POST /api/v1/applications/{id}/payment': {
    roles: OFFICERS,
    params: tokyo,
    notFound: notParis,
    request: () => ({ body: { receipt: 'R-2026-0001' } }),
    answers: [200, 409],
  },
  // Submitted, not approved: the status table refuses the move.
  'POST /api/v1/applications/{id}/production': {
    roles: OFFICERS,
    params: tokyo,
    notFound: notParis,
    answers: [409],
  },
  'GET /api/v1/invalidated-documents': {
    roles: OFFICERS,
    request: () => ({ query: { number: 'E12345678' } }),
  },
  // One entry per caller; a repeat is refused as listed already.
  'POST /api/v1/invalidated-documents': {
    roles: OFFICERS,
    request: (_, who) => ({ body: { number: `N${who.toUpperCase().slice(0, 8)}`, reason: 'lost' } }),
    answers: [201, 409],
  },
  // Tokyo's approved and paid applications went into the world's batch: nothing is left to produce.
  'POST /api/v1/production-batches': {
    roles: OFFICERS,
    request: (_, who) => ({ body: who === 'duty' ? { mission: 'JP-TYO-EMB' } : {} }),
    answers: [201, 409],
  },
  'GET /api/v1/production-batches': { roles: OFFICERS },
  'GET /api/v1/production-batches/{id}/archive': {
    roles: OFFICERS,
    params: (ids) => ({ id: ids.batchTokyo }),
    notFound: notParis,
  },
  // No payment provider is configured in the world: fees are paid at the counter.
  'POST /api/v1/me/applications/{id}/payments': {
    roles: CITIZENS,
    params: tokyo,
    notFound: notB,
    answers: [404],
  },
  'POST /api/v1/payments/callback': {
    roles: 'public',
    request: () => ({
      body: {
        merchant: 'lingshi',
        order: '01900000-0000-7000-8000-000000000000',
        status: 'paid',
        amount: '2600.00',
        currency: 'JPY',
        providerRef: 'PSP-1',
        signature: '0'.repeat(64),
      },
    }),
    answers: [404],
  },
}
