// Lingshi service worker, served from the site root so that its scope covers the whole app.
// - Offline: the app's shell and the code of the citizen's pages are kept (precached at install,
//   hashed files cache-first); a navigation is answered from the network, or offline from the kept
//   shell; the citizen's own data (advice of followed countries and trips, emergency numbers,
//   missions, the inbox, health certificates) is fetched network-first and, offline, answered from
//   the last copy. That copy belongs to one account: the page says who is signed in, and the copy
//   is dropped when someone else signs in or the person signs out.
// - Push: shows web push notifications and opens their link when clicked; a click on one of a
//   notification's buttons (an answer such as "I am safe") opens that answer's signed link, which
//   needs no sign-in.

// The build replaces this line with its version and file lists (vite.config.ts, swBuild); in
// development it stays null and the worker keeps nothing.
const BUILD = null

const FALLBACK_TITLE = 'Lingshi 领事'
const SHELL = 'lingshi-shell'
const ASSETS = 'lingshi-assets'
const API = 'lingshi-api'
const META = 'lingshi-meta'
const ACCOUNT_KEY = '/__lingshi/account'

/** The GETs kept for offline use: the citizen's own data and the public reference it shows. */
const API_KEPT = [
  /^\/api\/v1\/me$/,
  /^\/api\/v1\/auth\/session$/,
  /^\/api\/v1\/me\/(trips|subscriptions|inbox|profile|alerts|help|crises|dependants|health\/certificates|notification-preferences|applications|appointments)(\/|$|\?)/,
  /^\/api\/v1\/(advisories|countries|missions)(\/|$|\?)/,
]

function kept(url) {
  const path = url.pathname + url.search
  return API_KEPT.some((re) => re.test(path))
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      if (BUILD) {
        const shell = await caches.open(SHELL)
        await shell.addAll(['/', '/manifest.webmanifest', '/icons/icon-192.png'])
        const assets = await caches.open(ASSETS)
        const missing = []
        for (const file of BUILD.precache) if (!(await assets.match(file))) missing.push(file)
        // One by one: a file that fails (a flaky link) is fetched when first used instead.
        await Promise.all(missing.map((file) => assets.add(file).catch(() => undefined)))
      }
      await self.skipWaiting()
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      if (BUILD) {
        // Files of earlier releases are no longer referenced by any page of this one.
        const current = new Set(BUILD.assets)
        const assets = await caches.open(ASSETS)
        for (const request of await assets.keys()) {
          if (!current.has(new URL(request.url).pathname)) await assets.delete(request)
        }
      }
      await self.clients.claim()
    })(),
  )
})

async function storedAccount() {
  const res = await (await caches.open(META)).match(ACCOUNT_KEY)
  return res ? res.text() : null
}

/** The page says who is signed in ('' for nobody): another person's kept data is dropped. */
async function setAccount(id) {
  const before = await storedAccount()
  if (before === id) return
  await caches.delete(API)
  await (await caches.open(META)).put(ACCOUNT_KEY, new Response(id))
}

self.addEventListener('message', (event) => {
  const data = event.data || {}
  if (data.type === 'account') event.waitUntil(setAccount(data.id || ''))
})

async function networkFirst(request) {
  const cache = await caches.open(API)
  try {
    const response = await fetch(request)
    if (response.ok) await cache.put(request, response.clone())
    return response
  } catch (error) {
    const copy = await cache.match(request)
    if (copy) return copy
    throw error
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS)
  const copy = await cache.match(request)
  if (copy) return copy
  const response = await fetch(request)
  if (response.ok) await cache.put(request, response.clone())
  return response
}

async function navigate(request) {
  try {
    const response = await fetch(request)
    // Every page of the app is the same index.html: the latest one is kept for offline use.
    if (response.ok && (response.headers.get('content-type') || '').startsWith('text/html'))
      await (await caches.open(SHELL)).put('/', response.clone())
    return response
  } catch (error) {
    const shell = await (await caches.open(SHELL)).match('/')
    if (shell) return shell
    throw error
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (!BUILD || request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (request.mode === 'navigate') {
    if (!url.pathname.startsWith('/api/')) event.respondWith(navigate(request))
    return
  }
  if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(request))
  else if (url.pathname.startsWith('/api/') && kept(url)) event.respondWith(networkFirst(request))
  else if (url.pathname === '/manifest.webmanifest' || url.pathname.startsWith('/icons/'))
    event.respondWith(
      fetch(request).catch(() => caches.match(request).then((r) => r || Response.error())),
    )
})

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
