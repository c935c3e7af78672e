import { randomBytes } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { signAction } from '../../src/modules/notifications/index.ts'
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/demo.ts'
import { alertBody, TOKYO_CAP_POLYGON } from '../helpers/alerts.ts'
import { TOKYO_AREA } from '../helpers/crises.ts'
import { multipart, pdf } from '../helpers/files.ts'
import { dayFromToday, sessionCookieOf } from '../helpers/http.ts'
import { type HttpSink, startHttpSink } from '../helpers/http-sink.ts'
import { createBrowserKeys } from '../helpers/push-browser.ts'
import { startTestRuntime, type TestRuntime } from '../helpers/test-runtime.ts'
import { TOKYO_PERSON } from './canaries.ts'
import { type ContractRequest, type Method, send } from './client.ts'
import type { SignedIn, Who } from './principals.ts'

/** A password any strength rule accepts, so the world survives a stricter password policy. */
export const CITIZEN_PASSWORD = `Contract-${randomBytes(12).toString('base64url')}-7q`

const DEMO_EMAILS = {
  enterprise: 'enterprise@demo.lingshi',
  operator: 'operator@demo.lingshi',
  officerTokyo: 'officer.tokyo@demo.lingshi',
  officerParis: 'officer.paris@demo.lingshi',
  duty: 'duty@demo.lingshi',
  admin: 'admin@demo.lingshi',
} as const

/** Central Tokyo and Paris (not A's exact position: that one is a canary). */
export const TOKYO = { lat: 35.68, lon: 139.76 }
export const PARIS = { lat: 48.8566, lon: 2.3522 }
export const PARIS_CAP_POLYGON = '48.8,2.2 48.8,2.5 48.95,2.5 48.95,2.2 48.8,2.2'

/** The ids of what the world holds, by what they are and whose they are. */
export interface WorldIds {
  readonly citizenA: string
  readonly citizenB: string
  readonly enterprise: string
  readonly tripA: string
  readonly tripB: string
  /** B's second trip, for the route that removes one. */
  readonly tripBSpare: string
  readonly dependantA: string
  readonly dependantASpare: string
  readonly inboxA: string
  readonly pushA: string
  readonly pushASpare: string
  readonly pushASpareEndpoint: string
  readonly webhookEnterprise: string
  readonly webhookEnterpriseSpare: string
  readonly caseTokyo: string
  /** A kidnapping: seen by its team and the duty officers only. */
  readonly caseTokyoNeedToKnow: string
  readonly caseParis: string
  /** Unlinked contacts in Tokyo (one taken by the operator, one that A's SOS opened). */
  readonly contactTokyo: string
  readonly helpTokyo: string
  /** Unlinked contacts in Tokyo that the linking routes may take. */
  readonly contactsToLink: readonly string[]
  readonly contactParis: string
  readonly attachmentTokyo: string
  readonly attachmentTokyoSpare: string
  readonly crisisTokyo: string
  readonly crisisTokyoSpare: string
  readonly assemblyPointTokyo: string
  readonly legTokyo: string
  readonly alertTokyo: string
  readonly alertTokyoDraft: string
  readonly spareStaff: string
  /** A signature that lets A answer "safe" to the Tokyo alert from a one-click link. */
  readonly answerLinkSig: string
}

export interface World {
  readonly rt: TestRuntime
  readonly sink: HttpSink
  readonly ids: WorldIds
  readonly cookies: Readonly<Record<SignedIn, string>>
  cookieOf(who: Who): string | undefined
  /** A new session for the principal (for sign-out, which ends the session it is sent with). */
  signIn(who: SignedIn): Promise<string>
  credentialsOf(who: SignedIn): { email: string; password: string }
  call(who: Who, method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse>
  close(): Promise<void>
}

export const CONTRACT_ENV = {
  WEBHOOK_ALLOW_HTTP_HOSTS: '127.0.0.1',
  RATE_LIMIT_API_PER_MINUTE: '1000000',
  RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '1000000',
  RATE_LIMIT_LOGIN_FAILURES_PER_IP_PER_MINUTE: '1000000',
}

class WorldBuildError extends Error {}

/** An id nothing has. */
export const NO_SUCH_ID = '0190a0a0-0000-7000-8000-000000000000'

function expectStatus(res: LightMyRequestResponse, status: number, what: string): LightMyRequestResponse {
  if (res.statusCode !== status)
    throw new WorldBuildError(`building the world, ${what}: ${res.statusCode} ${res.body.slice(0, 500)}`)
  return res
}

/**
 * The small world the contract tests call into, built through the HTTP API: citizen A in Tokyo
 * (the canary person), citizen B in Paris, the demo staff and enterprise, a case and contacts on
 * each side, files on the Tokyo case, a crisis and a sent alert over Tokyo, advisories drafted
 * and published, push subscriptions and webhooks.
 */
export interface WorldOptions {
  /**
   * Citizen A's browsers subscribed to push (default). Without them nothing is ever sent to a push
   * service, which the fuzz test needs: a push retried later would change rows under its counts.
   */
  readonly pushSubscriptions?: boolean
  /** The server's log level (the fuzz test sets off errors on purpose: 'fatal' keeps them out). */
  readonly logLevel?: string
}

export async function buildWorld(options: WorldOptions = {}): Promise<World> {
  const sink = await startHttpSink()
  const env = { ...CONTRACT_ENV, ...(options.logLevel ? { LOG_LEVEL: options.logLevel } : {}) }
  const rt = await startTestRuntime({ demo: true, work: true, env })
  await seedDemo(rt.ctx)
  const app = rt.app
  const emails: Record<SignedIn, string> = {
    ...DEMO_EMAILS,
    citizenA: TOKYO_PERSON.email,
    citizenB: `citizen.b.${randomBytes(4).toString('hex')}@example.org`,
  }
  const passwordOf = (who: SignedIn) =>
    who === 'citizenA' || who === 'citizenB' ? CITIZEN_PASSWORD : DEMO_PASSWORD
  const signIn = async (who: SignedIn) => {
    const res = await send(app, {
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: emails[who], password: passwordOf(who) },
    })
    return sessionCookieOf(expectStatus(res, 200, `signing in ${who}`))
  }
  const register = async (who: 'citizenA' | 'citizenB', name: string) => {
    const res = await send(app, {
      method: 'POST',
      url: '/api/v1/auth/register',
      body: { email: emails[who], password: CITIZEN_PASSWORD, name },
    })
    return sessionCookieOf(expectStatus(res, 201, `registering ${who}`))
  }
  const cookies: Record<SignedIn, string> = {
    citizenA: await register('citizenA', `${TOKYO_PERSON.nameLatin} ${TOKYO_PERSON.nameZh}`),
    citizenB: await register('citizenB', 'Martin Claire 马丁'),
    enterprise: await signIn('enterprise'),
    operator: await signIn('operator'),
    officerTokyo: await signIn('officerTokyo'),
    officerParis: await signIn('officerParis'),
    duty: await signIn('duty'),
    admin: await signIn('admin'),
  }
  const cookieOf = (who: Who) => (who === 'anonymous' ? undefined : cookies[who])
  const call = (who: Who, method: Method, url: string, body?: unknown) => {
    const r: ContractRequest = { method, url, cookie: cookieOf(who), body }
    return send(app, r)
  }
  const made = async <T = { id: string }>(
    who: Who,
    method: Method,
    url: string,
    body: unknown,
    what: string,
    status = 201,
  ): Promise<T> => expectStatus(await call(who, method, url, body), status, what).json()
  const idOf = (who: SignedIn) => made(who, 'GET', '/api/v1/me', undefined, `${who}'s id`, 200)

  const ids = await populate({
    call,
    made,
    idOf,
    cookies,
    sinkOrigin: sink.origin,
    rt,
    pushSubscriptions: options.pushSubscriptions ?? true,
  })
  return {
    rt,
    sink,
    ids,
    cookies,
    cookieOf,
    signIn,
    credentialsOf: (who) => ({ email: emails[who], password: passwordOf(who) }),
    call,
    async close() {
      await rt.close()
      await sink.close()
    },
  }
}

interface Builder {
  call(who: Who, method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse>
  made<T = { id: string }>(
    who: Who,
    method: Method,
    url: string,
    body: unknown,
    what: string,
    status?: number,
  ): Promise<T>
  idOf(who: SignedIn): Promise<{ id: string }>
  cookies: Record<SignedIn, string>
  sinkOrigin: string
  rt: TestRuntime
  pushSubscriptions: boolean
}

async function populate(b: Builder): Promise<WorldIds> {
  const { made, call } = b
  const citizenA = (await b.idOf('citizenA')).id
  const citizenB = (await b.idOf('citizenB')).id
  const enterprise = (await b.idOf('enterprise')).id

  // Citizen A: the canary person, in Tokyo now and on a trip there with a child.
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
  const dependant = (name: string, passportNumber?: string) => ({
    nameLatin: name,
    dateOfBirth: '2015-06-01',
    relation: 'child',
    ...(passportNumber ? { passportNumber } : {}),
  })
  const dependantA = (
    await made(
      'citizenA',
      'POST',
      '/api/v1/me/dependants',
      dependant(`${TOKYO_PERSON.word} Junior`, TOKYO_PERSON.dependantPassport),
      "A's child",
    )
  ).id
  const dependantASpare = (
    await made(
      'citizenA',
      'POST',
      '/api/v1/me/dependants',
      dependant(`${TOKYO_PERSON.word} Minor`),
      "A's other child",
    )
  ).id
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

  // Citizen B: in Paris.
  await made(
    'citizenB',
    'PUT',
    '/api/v1/me/profile',
    { nameLatin: 'Martin Claire', nameZh: '马丁', phone: '+33698765401' },
    "B's profile",
    200,
  )
  await made('citizenB', 'PUT', '/api/v1/me/location', PARIS, "B's location", 200)
  const parisTrip = (days: [number, number]) => ({
    destinations: [{ country: 'FR', city: 'Paris', ...PARIS }],
    startDate: dayFromToday(days[0]),
    endDate: dayFromToday(days[1]),
  })
  const tripB = (await made('citizenB', 'POST', '/api/v1/me/trips', parisTrip([-2, 15]), "B's trip")).id
  const tripBSpare = (
    await made('citizenB', 'POST', '/api/v1/me/trips', parisTrip([30, 40]), "B's later trip")
  ).id

  // The enterprise receives its messages by webhook (the local sink is allow-listed).
  const hook = (path: string) => ({ url: `${b.sinkOrigin}/hooks/${path}`, description: 'Security desk' })
  const webhookEnterprise = (
    await made('enterprise', 'POST', '/api/v1/me/webhooks', hook('main'), 'a webhook')
  ).id
  const webhookEnterpriseSpare = (
    await made('enterprise', 'POST', '/api/v1/me/webhooks', hook('spare'), 'a second webhook')
  ).id

  // The hotline: contacts and cases in Tokyo (about A) and in Paris (about B).
  const contact = async (who: Who, body: object, what: string) =>
    (await made(who, 'POST', '/api/v1/contacts', { channel: 'phone', ...body }, what)).id
  const contactTokyo = await contact(
    'operator',
    { caller: { personId: citizenA }, summary: `${TOKYO_PERSON.word} contact: lost passport in Shinjuku` },
    'a Tokyo contact',
  )
  const contactsToLink: string[] = []
  for (let i = 0; i < 3; i++)
    contactsToLink.push(
      await contact(
        'operator',
        { caller: { name: 'Caller in Tokyo' }, summary: `${TOKYO_PERSON.word} follow-up ${i}`, ...TOKYO },
        'a Tokyo contact to link',
      ),
    )
  const contactParis = await contact(
    'operator',
    { caller: { personId: citizenB }, summary: 'Stolen bag near the Louvre' },
    'a Paris contact',
  )
  const helpTokyo = (
    await made(
      'citizenA',
      'POST',
      '/api/v1/me/help',
      { message: `${TOKYO_PERSON.word} help: I am hurt` },
      'SOS',
    )
  ).id
  const caseTokyo = (
    await made(
      'operator',
      'POST',
      '/api/v1/cases',
      {
        type: 'detention',
        summary: `${TOKYO_PERSON.word} case: held by the police in Tokyo`,
        ...TOKYO,
        people: [{ personId: citizenA }],
      },
      'the Tokyo case',
    )
  ).id
  const caseTokyoNeedToKnow = (
    await made(
      'duty',
      'POST',
      '/api/v1/cases',
      { type: 'kidnapping', summary: `${TOKYO_PERSON.word} case: missing, ransom asked`, ...TOKYO },
      'a need-to-know case in Tokyo',
    )
  ).id
  const caseParis = (
    await made(
      'operator',
      'POST',
      '/api/v1/cases',
      { type: 'fraud', summary: 'Rental fraud in Paris', ...PARIS, people: [{ personId: citizenB }] },
      'the Paris case',
    )
  ).id
  const upload = async (name: string) => {
    const { payload, contentType } = multipart([{ name, type: 'application/pdf', content: pdf(name) }])
    const res = await b.rt.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseTokyo}/attachments`,
      headers: { cookie: b.cookies.officerTokyo, 'content-type': contentType },
      payload,
    })
    return expectStatus(res, 201, `attaching ${name}`).json().items[0].id as string
  }
  const attachmentTokyo = await upload('hospital-note.pdf')
  const attachmentTokyoSpare = await upload('old-note.pdf')

  // A crisis over Tokyo with somewhere to gather and a bus out; a second one to close.
  const crisis = async (name: string) =>
    (await made('duty', 'POST', '/api/v1/crises', { name, country: 'JP', area: TOKYO_AREA }, name)).id
  const crisisTokyo = await crisis('Tokyo earthquake')
  const crisisTokyoSpare = await crisis('Tokyo floods')
  const withPoint = await made<{ assemblyPoints: { id: string }[] }>(
    'officerTokyo',
    'POST',
    `/api/v1/crises/${crisisTokyo}/assembly-points`,
    { name: 'Embassy garden', ...TOKYO },
    'an assembly point',
  )
  const assemblyPointTokyo = withPoint.assemblyPoints[0]!.id
  const withLeg = await made<{ legs: { id: string }[] }>(
    'officerTokyo',
    'POST',
    `/api/v1/crises/${crisisTokyo}/legs`,
    {
      name: 'Bus 1',
      mode: 'bus',
      fromPointId: assemblyPointTokyo,
      destination: 'Narita',
      departsAt: new Date(Date.now() + 86_400_000).toISOString(),
      capacity: 40,
    },
    'a leg',
  )
  const legTokyo = withLeg.legs[0]!.id

  // An alert over Tokyo, sent (A receives it), and a draft one.
  const tokyoAlert = (headline: string) =>
    alertBody({ area: { areaDesc: 'Tokyo', polygon: [TOKYO_CAP_POLYGON] }, info: { headline } })
  const alertTokyo = (
    await made('officerTokyo', 'POST', '/api/v1/alerts', tokyoAlert('Aftershocks'), 'an alert')
  ).id
  await made('officerTokyo', 'POST', `/api/v1/alerts/${alertTokyo}/send`, undefined, 'sending it', 200)
  await waitFor(async () => {
    const alert = (await call('duty', 'GET', `/api/v1/alerts/${alertTokyo}`)).json()
    return alert.status === 'sent'
  }, 'the Tokyo alert to be sent')
  const alertTokyoDraft = (
    await made('officerTokyo', 'POST', '/api/v1/alerts', tokyoAlert('Road closures'), 'a draft alert')
  ).id
  await waitFor(
    async () => (await call('citizenA', 'GET', '/api/v1/me/inbox')).json().length > 0,
    "the alert in A's inbox",
  )
  const inboxA = (await call('citizenA', 'GET', '/api/v1/me/inbox')).json()[0].id as string

  // Advisories: a draft for Japan, two published Tokyo regions (one of them to retire).
  const advice = (text: string) => ({ 'zh-CN': `${text}（中文）`, en: text })
  await made(
    'officerTokyo',
    'PUT',
    '/api/v1/advisories/JP',
    { level: 1, summary: advice('Aftershocks expected') },
    'a draft advisory',
    200,
  )
  for (const [key, name] of [
    ['tokyo-bay', 'Tokyo Bay'],
    ['kanto-coast', 'Kanto coast'],
  ] as const) {
    await made(
      'officerTokyo',
      'PUT',
      `/api/v1/advisories/JP/regions/${key}`,
      { name: advice(name), level: 2, summary: advice(`Flooding around ${name}`), area: TOKYO_AREA },
      `the ${name} region draft`,
      200,
    )
    await made(
      'duty',
      'POST',
      `/api/v1/advisories/JP/regions/${key}/publish`,
      undefined,
      `publishing ${name}`,
      200,
    )
  }
  await made(
    'officerTokyo',
    'PUT',
    '/api/v1/advisories/JP/regions/tokyo-bay',
    { name: advice('Tokyo Bay'), level: 1, summary: advice('The water is going down'), area: TOKYO_AREA },
    'a new draft for Tokyo Bay',
    200,
  )

  // Push subscriptions last, so the alert above sent nothing to browsers.
  const subscribe = async (label: string) => {
    const endpoint = `https://fcm.googleapis.com/fcm/send/${randomBytes(16).toString('base64url')}`
    if (!b.pushSubscriptions) return { id: NO_SUCH_ID, endpoint }
    const sub = { endpoint, expirationTime: null, keys: createBrowserKeys().json, label }
    return { id: (await made('citizenA', 'POST', '/api/v1/me/push-subscriptions', sub, label)).id, endpoint }
  }
  const pushA = (await subscribe('phone')).id
  const spare = await subscribe('old laptop')
  const pushAEndpoint = await subscribe('tablet')

  const spareStaff = (
    await made<{ user: { id: string } }>(
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
  ).user.id

  return {
    citizenA,
    citizenB,
    enterprise,
    tripA,
    tripB,
    tripBSpare,
    dependantA,
    dependantASpare,
    inboxA,
    pushA,
    pushASpare: spare.id,
    pushASpareEndpoint: pushAEndpoint.endpoint,
    webhookEnterprise,
    webhookEnterpriseSpare,
    caseTokyo,
    caseTokyoNeedToKnow,
    caseParis,
    contactTokyo,
    helpTokyo,
    contactsToLink,
    contactParis,
    attachmentTokyo,
    attachmentTokyoSpare,
    crisisTokyo,
    crisisTokyoSpare,
    assemblyPointTokyo,
    legTokyo,
    alertTokyo,
    alertTokyoDraft,
    spareStaff,
    answerLinkSig: signAction(b.rt.ctx.signer, { type: 'alert', id: alertTokyo }, citizenA, 'safe'),
  }
}

/** Polls until `done` (a background job's outcome); a world that never settles fails the build. */
async function waitFor(done: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (await done()) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new WorldBuildError(`building the world: still waiting for ${what} after 60 s`)
}
