import { randomBytes } from 'node:crypto'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { badRequest } from '../../platform/errors/app-error.ts'
import { notificationError } from './notifications.errors.ts'
import type { WebhookEndpointRow } from './notifications.table.ts'
import { webhookUrlProblem } from './webhook.address.ts'
import type { WebhookEndpoint, WebhookEndpointInput, WebhookTestResult } from './webhook.schema.ts'
import { createWebhookSender } from './webhook.sender.ts'
import {
  countEndpointsOf,
  deleteEndpointOf,
  disableEndpoints,
  findEndpointOf,
  insertEndpoint,
  listEndpointsOf,
  localeOf,
  markEndpointsFailed,
  markEndpointsSucceeded,
} from './webhook-endpoint.repository.ts'

/** Endpoints one account may have: a bound on what it can make the server send. */
export const MAX_ENDPOINTS_PER_PERSON = 10

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null)

function toApi(r: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    active: r.active,
    createdAt: new Date(r.created_at).toISOString(),
    lastSuccessAt: iso(r.last_success_at),
    lastFailureAt: iso(r.last_failure_at),
    failureCount: r.failure_count,
  }
}

export async function createWebhookEndpoint(
  ctx: AppContext,
  userId: string,
  input: WebhookEndpointInput,
): Promise<WebhookEndpoint & { secret: string }> {
  const problem = await webhookUrlProblem(input.url, ctx.config.webhooks)
  if (problem) throw badRequest(problem.code, problem.detail)
  if ((await countEndpointsOf(ctx.db, userId)) >= MAX_ENDPOINTS_PER_PERSON) {
    throw notificationError(
      'webhook.too_many_endpoints',
      `At most ${MAX_ENDPOINTS_PER_PERSON} webhook endpoints; remove one first`,
    )
  }
  const secret = `whsec_${randomBytes(32).toString('base64url')}`
  const row = await insertEndpoint(ctx.db, {
    id: uuidv7(),
    userId,
    url: new URL(input.url).toString(),
    secretSealed: ctx.secrets.seal(secret),
    description: input.description ?? null,
  })
  return { ...toApi(row), secret }
}

export async function listWebhookEndpoints(ctx: AppContext, userId: string): Promise<WebhookEndpoint[]> {
  return (await listEndpointsOf(ctx.db, userId)).map(toApi)
}

export async function deleteWebhookEndpoint(ctx: AppContext, userId: string, id: string): Promise<void> {
  if (!(await deleteEndpointOf(ctx.db, userId, id))) {
    throw notificationError('webhook.not_found', 'You have no such webhook endpoint')
  }
}

const TEST_TEXT = {
  en: { title: 'Lingshi webhook test', body: 'Your endpoint receives Lingshi notifications.' },
  'zh-CN': { title: '领事 webhook 测试', body: '您的端点可以接收领事服务平台的通知。' },
} as const

/**
 * Sends a signed test event (`kind: "webhook.test"`) now and says whether it was delivered. A
 * success turns a disabled endpoint on again; a 410 disables it, as a real delivery would.
 */
export async function testWebhookEndpoint(
  ctx: AppContext,
  userId: string,
  id: string,
): Promise<WebhookTestResult> {
  const endpoint = await findEndpointOf(ctx.db, userId, id)
  if (!endpoint) throw notificationError('webhook.not_found', 'You have no such webhook endpoint')
  const locale = (await localeOf(ctx.db, userId)) === 'en' ? 'en' : 'zh-CN'
  const deliveryId = uuidv7()
  const body = JSON.stringify({
    deliveryId,
    messageId: null,
    kind: 'webhook.test',
    about: null,
    ...TEST_TEXT[locale],
    link: null,
    emergency: false,
    createdAt: new Date().toISOString(),
    locale,
  })
  const sender = createWebhookSender(ctx.config.webhooks)
  try {
    const o = await sender.send(
      { url: endpoint.url, secret: ctx.secrets.open(endpoint.secret_sealed) },
      body,
      deliveryId,
    )
    if (o.kind === 'sent') {
      await markEndpointsSucceeded(ctx.db, [id], true)
      return { delivered: true, status: o.status, detail: null }
    }
    await (o.kind === 'gone' ? disableEndpoints : markEndpointsFailed)(ctx.db, [id])
    // A plain verdict: the receiver's HTTP status, never its body or a connection error (which
    // would tell what listens where).
    const status = o.status || null
    return {
      delivered: false,
      status,
      detail: status ? `The endpoint answered ${status}` : 'The endpoint could not be reached',
    }
  } finally {
    sender.close()
  }
}
