import { randomBytes } from 'node:crypto'
import { createBrowserKeys } from '../../helpers/push-browser.ts'
import { allBut, type Matrix, SIGNED_IN_PRINCIPALS } from './entry.ts'
import { ADMINS, ANY_ROLE, WEBHOOK_OWNERS } from './roles.ts'

const notA = allBut(['citizenA'], SIGNED_IN_PRINCIPALS)

/** The inbox, channels, browsers that receive push, webhooks, the captured outbox. */
export const notificationsMatrix: Matrix = {
  'GET /api/v1/me/inbox': { roles: ANY_ROLE },
  'POST /api/v1/me/inbox/{id}/read': {
    roles: ANY_ROLE,
    params: (ids) => ({ id: ids.inboxA }),
    notFound: notA,
  },
  'GET /api/v1/me/notification-preferences': { roles: ANY_ROLE },
  'PUT /api/v1/me/notification-preferences': { roles: ANY_ROLE, request: () => ({ body: { email: true } }) },
  'GET /api/v1/outbox': { roles: ADMINS },
  'GET /api/v1/push/vapid-public-key': { roles: 'public' },
  'POST /api/v1/me/push-subscriptions': {
    roles: ANY_ROLE,
    request: () => ({
      body: {
        endpoint: `https://fcm.googleapis.com/fcm/send/${randomBytes(16).toString('base64url')}`,
        expirationTime: null,
        keys: createBrowserKeys().json,
      },
    }),
  },
  'GET /api/v1/me/push-subscriptions': { roles: ANY_ROLE },
  'DELETE /api/v1/me/push-subscriptions': {
    roles: ANY_ROLE,
    request: (w) => ({ query: { endpoint: w.ids.pushASpareEndpoint } }),
    notFound: notA,
  },
  'DELETE /api/v1/me/push-subscriptions/{id}': {
    roles: ANY_ROLE,
    params: (ids) => ({ id: ids.pushASpare }),
    notFound: notA,
  },
  'GET /api/v1/me/webhooks': { roles: WEBHOOK_OWNERS },
  'POST /api/v1/me/webhooks': {
    roles: WEBHOOK_OWNERS,
    request: (w, who) => ({ body: { url: `${w.sink.origin}/hooks/${who}` } }),
  },
  'DELETE /api/v1/me/webhooks/{id}': {
    roles: WEBHOOK_OWNERS,
    params: (ids) => ({ id: ids.webhookEnterpriseSpare }),
    notFound: ['admin'],
  },
  'POST /api/v1/me/webhooks/{id}/test': {
    roles: WEBHOOK_OWNERS,
    params: (ids) => ({ id: ids.webhookEnterprise }),
    notFound: ['admin'],
  },
}
