import { randomInt } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { isValidPhoneNumber } from 'libphonenumber-js/max'
import { uuidv7 } from 'uuidv7'
import { afterAll, beforeAll, expect } from 'vitest'
import type { AppContext } from '../../src/context.ts'
import { createAccount } from '../../src/modules/identity/index.ts'
import { type MessageInput, notify } from '../../src/modules/notifications/index.ts'
import { login, type Session, uniqueEmail } from './http.ts'
import { type HttpSink, startHttpSink } from './http-sink.ts'
import { startTestRuntime, type TestRuntime } from './test-runtime.ts'

/** A safety alert as the alerts module sends it: emergency, with one-click answers. */
export function alertMessage(overrides: Partial<MessageInput> = {}): MessageInput {
  const id = uuidv7()
  return {
    kind: 'alert',
    about: { type: 'alert', id },
    title: { 'zh-CN': '地震预警', en: 'Earthquake warning' },
    body: { 'zh-CN': '请立即避险，并报平安。', en: 'Take cover now, then tell us you are safe.' },
    link: `/alerts/${id}`,
    emergency: true,
    actions: [
      { key: 'safe', label: { 'zh-CN': '我很安全', en: 'I am safe' } },
      { key: 'need_help', label: { 'zh-CN': '我需要帮助', en: 'I need help' } },
    ],
    actionUrl: '/alerts/{about}/answer?user={user}&answer={action}&sig={sig}',
    ...overrides,
  }
}

export function notifyUsers(ctx: AppContext, userIds: readonly string[], message: MessageInput) {
  return ctx.db
    .transaction()
    .execute((trx) =>
      notify(ctx, trx, message, sql<{ user_id: string }>`select unnest(${[...userIds]}::uuid[]) as user_id`),
    )
}

/** A mobile number nobody else in the test database has. */
export function uniquePhone(country: 'FR' | 'CN' = 'FR'): string {
  const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('')
  for (;;) {
    // Not every number in a mobile range is assigned: draw until the registry would accept it.
    const phone = country === 'FR' ? `+336${digits(8)}` : `+86138${digits(8)}`
    if (isValidPhoneNumber(phone)) return phone
  }
}

export async function deliveriesOf(ctx: AppContext, userId: string, channel: string) {
  return ctx.db
    .selectFrom('deliveries')
    .selectAll()
    .where('user_id', '=', userId)
    .where('channel', '=', channel as 'sms')
    .orderBy('id')
    .execute()
}

/**
 * An enterprise security officer (webhooks are theirs), created as an admin would and signed in,
 * reading English.
 */
export async function enterpriseAccount(rt: {
  ctx: AppContext
  app: FastifyInstance
}): Promise<Session & { email: string }> {
  const email = uniqueEmail('enterprise')
  const created = await createAccount(
    rt.ctx,
    { email, name: 'Security Desk', role: 'enterprise' },
    { userId: null, roles: ['admin'], ip: null },
  )
  const session = await login(rt.app, email, created.temporaryPassword ?? '')
  const res = await rt.app.inject({
    method: 'PUT',
    url: '/api/v1/me/profile',
    headers: { cookie: session.cookie },
    payload: { locale: 'en' },
  })
  expect(res.statusCode, res.body).toBe(200)
  return { ...session, email }
}

/**
 * A test runtime whose webhooks may post to plain HTTP on 127.0.0.1, and a sink listening there:
 * both started before the file's tests and closed after them.
 */
export function withWebhookSink(): { readonly rt: TestRuntime; readonly sink: HttpSink } {
  let rt: TestRuntime | undefined
  let sink: HttpSink | undefined
  beforeAll(async () => {
    sink = await startHttpSink()
    rt = await startTestRuntime({ env: { WEBHOOK_ALLOW_HTTP_HOSTS: '127.0.0.1' } })
  })
  afterAll(async () => {
    await rt?.close()
    await sink?.close()
  })
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('withWebhookSink: used before beforeAll ran')
    return value
  }
  return {
    get rt() {
      return started(rt)
    },
    get sink() {
      return started(sink)
    },
  }
}
