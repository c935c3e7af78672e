import { randomBytes } from 'node:crypto'
import { dayFromToday } from '../../helpers/http.ts'
import { createBrowserKeys } from '../../helpers/push-browser.ts'
import { TOKYO_PERSON } from '../canaries.ts'
import { type Builder, NO_SUCH_ID, PARIS } from './builder.ts'

/** Citizen A (the canary person) in Tokyo now and on a trip there with a child; citizen B in Paris. */
export async function addCitizens(b: Builder) {
  const { made } = b
  const idOf = async (who: 'citizenA' | 'citizenB' | 'enterprise') =>
    (await made(who, 'GET', '/api/v1/me', undefined, `${who}'s id`, 200)).id
  const citizenA = await idOf('citizenA')
  const citizenB = await idOf('citizenB')
  const enterprise = await idOf('enterprise')

  await made(
    'citizenA',
    'PUT',
    '/api/v1/me/profile',
    {
      nameLatin: TOKYO_PERSON.nameLatin,
      nameZh: TOKYO_PERSON.nameZh,
      phone: TOKYO_PERSON.phone,
      passportNumber: TOKYO_PERSON.passportNumber,
      dateOfBirth: '1988-04-02',
    },
    "A's profile",
    200,
  )
  const where = { lat: TOKYO_PERSON.lat, lon: TOKYO_PERSON.lon }
  await made('citizenA', 'PUT', '/api/v1/me/location', where, "A's location", 200)
  const child = (nameLatin: string, passportNumber?: string) => ({
    nameLatin,
    dateOfBirth: '2015-06-01',
    relation: 'child',
    ...(passportNumber ? { passportNumber } : {}),
  })
  const dependant = async (body: object, what: string) =>
    (await made('citizenA', 'POST', '/api/v1/me/dependants', body, what)).id
  const dependantA = await dependant(
    child(`${TOKYO_PERSON.word} Junior`, TOKYO_PERSON.dependantPassport),
    "A's child",
  )
  const dependantASpare = await dependant(child(`${TOKYO_PERSON.word} Minor`), "A's other child")
  const tripA = (
    await made(
      'citizenA',
      'POST',
      '/api/v1/me/trips',
      {
        destinations: [{ country: 'JP', city: 'Tokyo', ...where }],
        startDate: dayFromToday(-1),
        endDate: dayFromToday(20),
        travellers: [dependantA],
      },
      "A's trip",
    )
  ).id
  await made('citizenA', 'POST', '/api/v1/me/subscriptions', { country: 'JP' }, 'A follows Japan')

  await made(
    'citizenB',
    'PUT',
    '/api/v1/me/profile',
    { nameLatin: 'Martin Claire', nameZh: '马丁', phone: '+33698765401' },
    "B's profile",
    200,
  )
  await made('citizenB', 'PUT', '/api/v1/me/location', PARIS, "B's location", 200)
  const parisTrip = async (days: [number, number], what: string) =>
    (
      await made(
        'citizenB',
        'POST',
        '/api/v1/me/trips',
        {
          destinations: [{ country: 'FR', city: 'Paris', ...PARIS }],
          startDate: dayFromToday(days[0]),
          endDate: dayFromToday(days[1]),
        },
        what,
      )
    ).id
  const tripB = await parisTrip([-2, 15], "B's trip")
  const tripBSpare = await parisTrip([30, 40], "B's later trip")
  return { citizenA, citizenB, enterprise, tripA, tripB, tripBSpare, dependantA, dependantASpare }
}

/**
 * Where messages go besides the inbox: the enterprise's webhooks (at the local sink, allow-listed)
 * and, unless left out, A's browsers subscribed to push.
 */
export async function addEndpoints(b: Builder, pushSubscriptions: boolean) {
  const hook = async (path: string, what: string) =>
    (
      await b.made(
        'enterprise',
        'POST',
        '/api/v1/me/webhooks',
        { url: `${b.sinkOrigin}/hooks/${path}`, description: 'Security desk' },
        what,
      )
    ).id
  const webhookEnterprise = await hook('main', 'a webhook')
  const webhookEnterpriseSpare = await hook('spare', 'a second webhook')
  const subscribe = async (label: string) => {
    const endpoint = `https://fcm.googleapis.com/fcm/send/${randomBytes(16).toString('base64url')}`
    if (!pushSubscriptions) return { id: NO_SUCH_ID, endpoint }
    const sub = { endpoint, expirationTime: null, keys: createBrowserKeys().json, label }
    return {
      id: (await b.made('citizenA', 'POST', '/api/v1/me/push-subscriptions', sub, label)).id,
      endpoint,
    }
  }
  await subscribe('phone')
  const pushASpare = (await subscribe('old laptop')).id
  const pushASpareEndpoint = (await subscribe('tablet')).endpoint
  return { webhookEnterprise, webhookEnterpriseSpare, pushASpare, pushASpareEndpoint }
}

/** A staff account whose roles the admin route may change. */
export async function addSpareStaff(b: Builder) {
  const created = await b.made<{ user: { id: string } }>(
    'admin',
    'POST',
    '/api/v1/users',
    {
      email: `spare.officer.${randomBytes(4).toString('hex')}@example.org`,
      name: 'Spare Officer',
      role: 'officer',
      missions: ['JP-TYO-EMB'],
    },
    'a spare staff account',
  )
  return { spareStaff: created.user.id }
}
