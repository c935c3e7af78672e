import { multipart, pdf } from '../../helpers/files.ts'
import { TOKYO_PERSON } from '../canaries.ts'
import type { Who } from '../principals.ts'
import { PARIS, TOKYO } from '../world/world.ts'
import type { Matrix } from './entry.ts'
import { CITIZENS, HOTLINE } from './roles.ts'

const tokyoCase = (ids: { caseTokyo: string }) => ({ id: ids.caseTokyo })
const paris: readonly Who[] = ['officerParis']
const helpOfA = (ids: { helpTokyo: string }) => ({ id: ids.helpTokyo })
/** Which of the world's unlinked Tokyo contacts each caller links to the Tokyo case. */
const LINKS: Partial<Record<Who, number>> = { operator: 0, officerTokyo: 1, duty: 2 }

/**
 * A person out of the caller's districts must not come back linked: the request is answered as
 * for someone unknown (400) or the case or contact is kept without them (201). Issue #16 finding 1.
 */
const outOfDistrict = [201, 400] as const

/** Hotline contacts, SOS, cases with their timeline, detention, files, board, statistics. */
export const casesMatrix: Matrix = {
  'POST /api/v1/contacts': {
    roles: HOTLINE,
    request: (w, who) => ({
      body: {
        channel: 'phone',
        caller: { personId: w.ids.citizenA },
        summary: 'Asks about a lost passport',
        ...(who === 'officerParis' ? PARIS : {}),
      },
    }),
    answersOf: { officerParis: outOfDistrict },
    probes: [
      {
        who: 'officerParis',
        why: "a Tokyo person's phone as the caller",
        request: () => ({
          body: { channel: 'phone', caller: { phone: TOKYO_PERSON.phone }, summary: 'Calls about a friend' },
        }),
      },
      {
        who: 'officerParis',
        why: 'a contact joined to the Tokyo case',
        request: (w) => ({
          body: {
            channel: 'phone',
            caller: { name: 'Someone' },
            summary: 'More news',
            caseId: w.ids.caseTokyo,
          },
        }),
        expect: { status: 404, code: 'case.not_found' },
      },
    ],
  },
  'GET /api/v1/contacts': {
    roles: HOTLINE,
    probes: [
      {
        who: 'officerParis',
        why: "the caller look-up with a Tokyo person's phone",
        request: () => ({ query: { caller: TOKYO_PERSON.phone } }),
        expect: { status: 200 },
      },
    ],
  },
  'POST /api/v1/me/help': {
    roles: CITIZENS,
    request: () => ({ body: { message: 'My flight was cancelled' } }),
  },
  'GET /api/v1/me/help': { roles: CITIZENS },
  'GET /api/v1/me/help/{id}': { roles: CITIZENS, params: helpOfA, notFound: ['citizenB'] },
  'POST /api/v1/me/help/{id}/cancel': {
    roles: CITIZENS,
    params: (ids) => ({ id: ids.helpTokyoSpare }),
    notFound: ['citizenB'],
    request: () => ({ body: { reason: 'false_alarm' } }),
  },
  'PUT /api/v1/me/help/{id}/location': {
    roles: CITIZENS,
    params: helpOfA,
    notFound: ['citizenB'],
    request: () => ({ body: TOKYO }),
  },
  'POST /api/v1/contacts/{id}/acknowledge': {
    roles: HOTLINE,
    params: helpOfA,
    notFound: paris,
    probes: [
      {
        who: 'officerTokyo',
        why: 'a phone contact, no SOS',
        params: (ids) => ({ id: ids.contactTokyo }),
        request: () => ({}),
        expect: { status: 409, code: 'contact.not_help_request' },
      },
    ],
  },
  // The first caller takes it; the next find it taken.
  'POST /api/v1/contacts/{id}/claim': {
    roles: HOTLINE,
    params: helpOfA,
    notFound: paris,
    answers: [200, 409],
  },
  'POST /api/v1/cases': {
    roles: HOTLINE,
    request: (w, who) => ({
      body: {
        type: 'other',
        summary: 'Needs a new passport',
        ...(who === 'officerParis' ? PARIS : TOKYO),
        people: [{ personId: w.ids.citizenA }],
        force: true,
      },
    }),
    answersOf: { officerParis: outOfDistrict },
    probes: [
      {
        who: 'officerParis',
        why: "a Tokyo person's phone among the people",
        request: () => ({
          body: {
            type: 'other',
            summary: 'A friend is missing',
            ...PARIS,
            people: [{ phone: TOKYO_PERSON.phone }],
            force: true,
          },
        }),
      },
      {
        who: 'officerParis',
        why: 'a Tokyo contact as where the case comes from',
        request: (w) => ({
          body: { type: 'other', summary: 'From a call', ...PARIS, contactId: w.ids.contactTokyo },
        }),
        expect: { status: 404, code: 'contact.not_found' },
      },
    ],
  },
  'GET /api/v1/cases': { roles: HOTLINE },
  'GET /api/v1/cases/{id}': {
    roles: HOTLINE,
    params: tokyoCase,
    notFound: paris,
    probes: [
      {
        who: 'officerTokyo',
        why: 'the Paris case',
        params: (ids) => ({ id: ids.caseParis }),
        request: () => ({}),
        expect: { status: 404, code: 'case.not_found' },
      },
      ...(['operator', 'officerTokyo'] as const).map((who) => ({
        who,
        why: 'a need-to-know case of a team they are not on',
        params: (ids: { caseTokyoNeedToKnow: string }) => ({ id: ids.caseTokyoNeedToKnow }),
        request: () => ({}),
        expect: { status: 404, code: 'case.not_found' },
      })),
      {
        who: 'duty',
        why: 'a need-to-know case (duty officers see them all)',
        params: (ids) => ({ id: ids.caseTokyoNeedToKnow }),
        request: () => ({}),
        expect: { status: 200 },
      },
    ],
  },
  'POST /api/v1/cases/{id}/events': {
    roles: HOTLINE,
    params: tokyoCase,
    notFound: paris,
    request: () => ({ body: { kind: 'note', note: 'Called the hospital' } }),
  },
  'POST /api/v1/cases/{id}/contacts': {
    roles: HOTLINE,
    params: tokyoCase,
    notFound: paris,
    request: (w, who) => ({ body: { contactId: w.ids.contactsToLink[LINKS[who] ?? 0] } }),
    probes: [
      {
        who: 'officerTokyo',
        why: 'a Paris contact linked to the Tokyo case',
        request: (w) => ({ body: { contactId: w.ids.contactParis } }),
        expect: { status: 404, code: 'contact.not_found' },
      },
    ],
  },
  'PUT /api/v1/cases/{id}/detention': {
    roles: HOTLINE,
    params: tokyoCase,
    notFound: paris,
    request: () => ({
      body: {
        arrestedAt: '2026-01-10T08:00:00+09:00',
        authorityNotifiedAt: null,
        facility: 'Tokyo Detention House',
        charges: 'Overstay',
      },
    }),
  },
  'POST /api/v1/cases/{id}/attachments': {
    roles: HOTLINE,
    params: tokyoCase,
    notFound: paris,
    request: (_, who) => {
      const { payload, contentType } = multipart([
        { name: `note-${who}.pdf`, type: 'application/pdf', content: pdf(`note of ${who}`) },
      ])
      return { raw: { payload, contentType } }
    },
  },
  'GET /api/v1/cases/{id}/attachments': { roles: HOTLINE, params: tokyoCase, notFound: paris },
  'GET /api/v1/cases/{id}/attachments/{attachmentId}': {
    roles: HOTLINE,
    params: (ids) => ({ id: ids.caseTokyo, attachmentId: ids.attachmentTokyo }),
    notFound: paris,
  },
  // A file is removed once; the next caller finds it removed already.
  'DELETE /api/v1/cases/{id}/attachments/{attachmentId}': {
    roles: HOTLINE,
    params: (ids) => ({ id: ids.caseTokyo, attachmentId: ids.attachmentTokyoSpare }),
    notFound: paris,
    request: () => ({ body: { reason: 'Uploaded twice' } }),
    answers: [200, 409],
  },
  'GET /api/v1/cases/board': { roles: HOTLINE },
  'GET /api/v1/cases/stats': { roles: HOTLINE },
  'GET /api/v1/cases/export.csv': { roles: HOTLINE },
}
