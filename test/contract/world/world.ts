import { randomBytes } from 'node:crypto'
import { DEMO_PASSWORD, seedDemo } from '../../../src/seed/demo.ts'
import { sessionCookieOf } from '../../helpers/http.ts'
import { type HttpSink, startHttpSink } from '../../helpers/http-sink.ts'
import { startTestRuntime, type TestRuntime } from '../../helpers/test-runtime.ts'
import { TOKYO_PERSON } from '../canaries.ts'
import { type Method, send } from '../client.ts'
import type { SignedIn, Who } from '../principals.ts'
import { addAdvisories, addAlerts } from './alerts.ts'
import { addApplications } from './applications.ts'
import { addAppointments } from './appointments.ts'
import { type Builder, expectStatus } from './builder.ts'
import { addEnterprises } from './enterprises.ts'
import { addHealth } from './health.ts'
import { addCases, addCrises } from './hotline.ts'
import { addCitizens, addEndpoints, addSpareStaff } from './people.ts'

export { NO_SUCH_ID, PARIS, PARIS_CAP_POLYGON, TOKYO } from './builder.ts'

/** A password any strength rule accepts, so the world survives a stricter password policy. */
export const CITIZEN_PASSWORD = `Contract-${randomBytes(12).toString('base64url')}-7q`

const DEMO_EMAILS = {
  enterprise: 'enterprise@demo.lingshi',
  operator: 'operator@demo.lingshi',
  officerTokyo: 'officer.tokyo@demo.lingshi',
  officerParis: 'officer.paris@demo.lingshi',
  duty: 'duty@demo.lingshi',
  admin: 'admin@demo.lingshi',
  clinicianTokyo: 'clinician.tokyo@demo.lingshi',
} as const

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
  readonly pushASpare: string
  readonly pushASpareEndpoint: string
  readonly webhookEnterprise: string
  readonly webhookEnterpriseSpare: string
  readonly caseTokyo: string
  /** A kidnapping: seen by its team and the duty officers only. */
  readonly caseTokyoNeedToKnow: string
  readonly caseParis: string
  /** An unlinked contact in Tokyo about A, taken by the operator. */
  readonly contactTokyo: string
  /** The contact A's SOS opened. */
  readonly helpTokyo: string
  /** A's second SOS, for the route that cancels one. */
  readonly helpTokyoSpare: string
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
  /** The Tokyo vaccination site, A's certificate (dose 2) and one an administrator may revoke (dose 1). */
  readonly healthSiteTokyo: string
  readonly clinicianTokyo: string
  readonly certificateA: string
  readonly certificateARevocable: string
  /** Spring Sprout: a programme in Japan, A's first dose, the Paris site, a free slot and a challenge. */
  readonly programmeJapan: string
  readonly doseA: string
  readonly healthSiteParis: string
  readonly vaccinationSlot: string
  readonly altchaVaccinationA: string
  /** A signature that lets A answer "safe" to the Tokyo alert from a one-click link. */
  readonly answerLinkSig: string
  /** A's passport renewal, submitted at the Tokyo embassy (born 1974-08-12, as the ICAO specimen). */
  readonly applicationTokyo: string
  readonly applicationTokyoReference: string
  /** A second submitted renewal of A's, for withdrawal. */
  readonly applicationTokyoSpare: string
  /** A's draft, for the form, photo, signature and upload routes. */
  readonly applicationDraftA: string
  /** The demo enterprise (verified) and its sites: Mombasa (seeded) and Tokyo (reached by the Tokyo alert). */
  readonly enterpriseDemo: string
  readonly siteKenya: string
  readonly siteTokyo: string
  /** Two people on the Mombasa roster (the spare one is removed) and a training of the first. */
  readonly staffKenya: string
  readonly staffKenyaSpare: string
  readonly trainingKenya: string
  /** Tokyo's production batch (one approved, paid renewal of A's). */
  readonly batchTokyo: string
  /** A's waitlist entry (passport_first, 40–45 days ahead), for the route that leaves it. */
  readonly waitlistA: string
  /** A's passport renewal booked at the Tokyo embassy, its local date and its manage link's signature. */
  readonly appointmentA: string
  readonly appointmentADate: string
  readonly appointmentASig: string
  /** A's booking for the cancel route, and one for the manage link's cancel with its signature. */
  readonly appointmentASpare: string
  readonly appointmentALinked: string
  readonly appointmentALinkedSig: string
  /** Another free Tokyo slot, for the manage link's move. */
  readonly appointmentMoveTo: string
  /** Solved ALTCHA challenges (base64 payloads) for A's booking, A's waitlist entry and the move. */
  readonly altchaBookA: string
  readonly altchaWaitA: string
  readonly altchaMove: string
}

export interface World {
  readonly rt: TestRuntime
  readonly sink: HttpSink
  readonly ids: WorldIds
  cookieOf(who: Who): string | undefined
  /** A new session for the principal (for sign-out, which ends the session it is sent with). */
  signIn(who: SignedIn): Promise<string>
  credentialsOf(who: SignedIn): { email: string; password: string }
  close(): Promise<void>
}

export interface WorldOptions {
  /**
   * Citizen A's browsers subscribed to push (default). Without them nothing is ever sent to a push
   * service, which the fuzz test needs: a push retried later would change rows under its counts.
   */
  readonly pushSubscriptions?: boolean
  /** The server's log level (the fuzz test sets off errors on purpose: 'fatal' keeps them out). */
  readonly logLevel?: string
}

/** Limits raised for a test that sends thousands of requests from one address. */
const CONTRACT_ENV = {
  WEBHOOK_ALLOW_HTTP_HOSTS: '127.0.0.1',
  RATE_LIMIT_API_PER_MINUTE: '1000000',
  RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '1000000',
  RATE_LIMIT_VERIFY_PER_MINUTE: '1000000',
  RATE_LIMIT_LOGIN_FAILURES_PER_IP_PER_MINUTE: '1000000',
  APPOINTMENT_BOOKINGS_PER_MINUTE: '1000000',
  ALTCHA_MAX_NUMBER: '1000',
}

/**
 * The small world the contract tests call into, built through the HTTP API: citizen A in Tokyo
 * (the canary person), citizen B in Paris, the demo staff and enterprise, a case and contacts on
 * each side, files on the Tokyo case, a crisis and a sent alert over Tokyo, advisories drafted
 * and published, push subscriptions and webhooks.
 */
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
  const credentialsOf = (who: SignedIn) => ({
    email: emails[who],
    password: who === 'citizenA' || who === 'citizenB' ? CITIZEN_PASSWORD : DEMO_PASSWORD,
  })
  const signIn = async (who: SignedIn) => {
    const res = await send(app, { method: 'POST', url: '/api/v1/auth/login', body: credentialsOf(who) })
    return sessionCookieOf(expectStatus(res, 200, `signing in ${who}`))
  }
  const register = async (who: 'citizenA' | 'citizenB', name: string) => {
    const res = await send(app, {
      method: 'POST',
      url: '/api/v1/auth/register',
      body: { ...credentialsOf(who), name },
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
    clinicianTokyo: await signIn('clinicianTokyo'),
  }
  const cookieOf = (who: Who) => (who === 'anonymous' ? undefined : cookies[who])
  const call = (who: Who, method: Method, url: string, body?: unknown) =>
    send(app, { method, url, cookie: cookieOf(who), body })
  const builder: Builder = {
    rt,
    cookies,
    sinkOrigin: sink.origin,
    call,
    made: async <T>(who: Who, method: Method, url: string, body: unknown, what: string, status = 201) =>
      expectStatus(await call(who, method, url, body), status, what).json() as T,
  }
  const ids = await populate(builder, options.pushSubscriptions ?? true)
  return {
    rt,
    sink,
    ids,
    cookieOf,
    signIn,
    credentialsOf,
    async close() {
      await rt.close()
      await sink.close()
    },
  }
}

async function populate(b: Builder, pushSubscriptions: boolean): Promise<WorldIds> {
  const people = await addCitizens(b)
  const cases = await addCases(b, people)
  const crises = await addCrises(b)
  const enterprises = await addEnterprises(b)
  const alerts = await addAlerts(b, people)
  await addAdvisories(b)
  // Browsers subscribe after the alert went out, so that nothing was sent to a push service.
  const endpoints = await addEndpoints(b, pushSubscriptions)
  const staff = await addSpareStaff(b)
  const applications = await addApplications(b)
  const health = await addHealth(b, people)
  const appointments = await addAppointments(b)
  return {
    ...people,
    ...cases,
    ...crises,
    ...alerts,
    ...endpoints,
    ...staff,
    ...applications,
    ...health,
    ...enterprises,
    ...appointments,
  }
}
