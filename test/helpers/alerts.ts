import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { expect } from 'vitest'
import type { AppContext } from '../../src/context.ts'
import type { CapAlert } from '../../src/modules/alerts/cap/cap.model.ts'
import { caller } from './http.ts'

/** Central Tokyo as CAP writes a polygon: "lat,lon" pairs, closed. */
export const TOKYO_CAP_POLYGON = '35.5,139.5 35.5,140.0 35.9,140.0 35.9,139.5 35.5,139.5'

export function capInfo(lang: 'zh-CN' | 'en', area: object, overrides: object = {}) {
  return {
    language: lang,
    category: ['Geo'],
    event: lang === 'zh-CN' ? '地震' : 'Earthquake',
    urgency: 'Immediate',
    severity: 'Moderate',
    certainty: 'Observed',
    headline: lang === 'zh-CN' ? '东京发生强烈地震' : 'Strong earthquake in Tokyo',
    description:
      lang === 'zh-CN' ? '东京都区部发生6级地震。' : 'A magnitude 6 earthquake struck central Tokyo.',
    instruction:
      lang === 'zh-CN' ? '远离建筑物，注意余震。' : 'Stay away from buildings; expect aftershocks.',
    area: [area],
    ...overrides,
  }
}

export function alertBody(overrides: { area?: object; info?: object; [k: string]: unknown } = {}) {
  const { area, info, ...rest } = overrides
  const a = area ?? { areaDesc: '东京 Tokyo', polygon: [TOKYO_CAP_POLYGON] }
  return {
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    info: [capInfo('zh-CN', a, info), capInfo('en', a, info)],
    ...rest,
  }
}

export async function createAlert(app: FastifyInstance, cookie: string, body: object = alertBody()) {
  const res = await caller(app)('POST', '/api/v1/alerts', cookie, body)
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as {
    id: string
    status: string
    reach: { people: number; subscribers: number; trips: number }
  }
}

/** Sends the alert and waits for the fan-out job to finish. */
export async function sendAndWait(app: FastifyInstance, cookie: string, id: string) {
  const call = caller(app)
  const sent = await call('POST', `/api/v1/alerts/${id}/send`, cookie)
  expect(sent.statusCode, sent.body).toBe(200)
  // Polled by hand: expect.poll is not allowed in beforeAll, where tests often send.
  const deadline = Date.now() + 30_000
  let status = ''
  while (Date.now() < deadline) {
    status = (await call('GET', `/api/v1/alerts/${id}`, cookie)).json().status
    if (status === 'sent' || status === 'cancelled') return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`alert ${id} still ${status} after 30 s`)
}

/**
 * A Severe blizzard alert over Antarctica (ISO geocode AQ), where no synthetic person travels: it
 * reaches exactly the people made to follow AQ. The crash tests and the delivery benchmark use it.
 */
export function antarcticaAlert(identifier: string, sender: string, headline?: string): CapAlert {
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, '+00:00')
  return {
    identifier,
    sender,
    sent: iso(new Date()),
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    code: [],
    references: [],
    info: [
      {
        language: 'en',
        category: ['Met'],
        event: 'Blizzard',
        responseType: [],
        urgency: 'Immediate',
        severity: 'Severe',
        certainty: 'Observed',
        eventCode: [],
        parameter: [],
        resource: [],
        ...(headline ? { headline } : {}),
        expires: iso(new Date(Date.now() + 86_400_000)),
        area: [
          {
            areaDesc: 'Antarctica',
            polygon: [],
            circle: [],
            geocode: [{ valueName: 'ISO 3166-1', value: 'AQ' }],
          },
        ],
      },
    ],
  }
}

/**
 * Test world: every synthetic person follows the country and has one webhook to `hookUrl`.
 * Set-up across the registry, identity, advisories and notifications, so it lives with the
 * fixtures rather than in a module's test.
 */
export async function syntheticPeopleFollow(ctx: AppContext, country: string, hookUrl: string) {
  const sealed = ctx.secrets.seal('crash-test-secret')
  await sql`insert into webhook_endpoints (id, user_id, url, secret_sealed)
            select lingshi_uuid7(), id, ${hookUrl}, ${sealed} from users where email like '%@synthetic.lingshi'`.execute(
    ctx.db,
  )
  await sql`insert into subscriptions (user_id, country)
            select id, ${country} from users where email like '%@synthetic.lingshi'`.execute(ctx.db)
}

/** How many times each of these deliveries of a message was claimed (a claim that crashed counts). */
export async function deliveryAttempts(
  ctx: AppContext,
  messageId: string,
  deliveryIds: readonly string[],
): Promise<number[]> {
  const rows = await ctx.db
    .selectFrom('deliveries')
    .select('attempts')
    .where('message_id', '=', messageId)
    .where('id', 'in', [...deliveryIds])
    .execute()
  return rows.map((r) => r.attempts)
}

/**
 * The one-click answer links e-mailed to a person about an alert, read from the outbox an
 * administrator sees (no SMTP server in tests): one per answer.
 */
export async function mailedAnswerLinks(
  app: FastifyInstance,
  adminCookie: string,
  userId: string,
  alertId: string,
): Promise<URL[]> {
  const call = caller(app)
  // Polled by hand: the e-mail job sends after the fan-out commits.
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    const outbox = (await call('GET', '/api/v1/outbox?limit=500', adminCookie)).json() as { body: string }[]
    const links = outbox
      .flatMap((m) => m.body.match(/https?:\/\/\S+\/alerts\/[0-9a-f-]+\/answer\?\S+/g) ?? [])
      .map((l) => new URL(l))
      .filter((l) => l.pathname === `/alerts/${alertId}/answer` && l.searchParams.get('user') === userId)
    if (links.length) return links
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('no answer links were e-mailed')
}
