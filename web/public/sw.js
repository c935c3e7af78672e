// Lingshi service worker: shows web push notifications and opens their link when clicked; a click
// on one of a notification's buttons (an answer such as "I am safe") opens that answer's signed
// link, which needs no sign-in.
// Served from the site root so that its scope covers the whole app.

const FALLBACK_TITLE = 'Lingshi 领事'

self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

self.addEventListener('push', (event) => {
  let data = {}
  try {
    data = event.data ? event.data.json() : {}
  } catch {
    data = { body: event.data ? event.data.text() : '' }
  }
  const actions = Array.isArray(data.actions) ? data.actions : []
  event.waitUntil(
    self.registration.showNotification(data.title || FALLBACK_TITLE, {
      body: data.body || '',
      // The same delivery arriving twice (a resend after a crash) replaces itself instead of stacking.
      tag: data.deliveryId || undefined,
      requireInteraction: data.emergency === true,
      // Browsers show the first few (Notification.maxActions, often two); the rest are in the page.
      actions: actions.map((a) => ({ action: a.action, title: a.title })),
      data: {
        link: data.link || '/',
        actionUrls: Object.fromEntries(actions.map((a) => [a.action, a.url])),
      },
    }),
  )
})

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const data = event.notification.data || {}
  const chosen = event.action && data.actionUrls ? data.actionUrls[event.action] : undefined
  const target = new URL(chosen || data.link || '/', self.location.origin)
  // Only our own pages are opened from a notification.
  const url = target.origin === self.location.origin ? target.href : self.location.origin
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
      const open = windows.find((client) => client.url === url)
      if (open) await open.focus()
      else await self.clients.openWindow(url)
    })(),
  )
})

// The browser replaced the subscription (expiry, key rotation): tell the server the new one.
self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(
    (async () => {
      const res = await fetch('/api/v1/push/vapid-public-key', { credentials: 'same-origin' })
      const { publicKey } = await res.json()
      const padded = `${publicKey}${'='.repeat((4 - (publicKey.length % 4)) % 4)}`
      const raw = atob(padded.replace(/-/g, '+').replace(/_/g, '/'))
      const key = Uint8Array.from(raw, (c) => c.charCodeAt(0))
      const subscription =
        event.newSubscription ||
        (await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }))
      await fetch('/api/v1/me/push-subscriptions', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(subscription.toJSON()),
      })
      if (event.oldSubscription && event.oldSubscription.endpoint !== subscription.endpoint) {
        await fetch(
          `/api/v1/me/push-subscriptions?endpoint=${encodeURIComponent(event.oldSubscription.endpoint)}`,
          { method: 'DELETE', credentials: 'same-origin' },
        )
      }
    })(),
  )
})
