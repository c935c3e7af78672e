/**
 * The service worker (web/public/sw.js) is registered on every load: it keeps the shell and the
 * citizen's pages for offline use. The page tells it who is signed in, so that one person's kept
 * data is never shown to the next.
 */
export const SW_URL = '/sw.js'

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return
  // After the page has loaded: on a slow link, the files it keeps for later must not delay this visit.
  const register = () => void navigator.serviceWorker.register(SW_URL, { scope: '/' }).catch(() => undefined)
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
  // A newly installed worker takes over this page: it needs to know who is signed in.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (lastAccount !== undefined) post(lastAccount)
  })
}

let lastAccount: string | undefined

function post(id: string): void {
  void navigator.serviceWorker.ready.then((registration) =>
    registration.active?.postMessage({ type: 'account', id }),
  )
}

/** Who is signed in ('' for nobody, after a sign-out or an expired session). */
export function tellAccount(id: string): void {
  lastAccount = id
  if ('serviceWorker' in navigator) post(id)
}

/** At sign-out: the person's kept copies go at once, whatever the worker is doing. */
export async function forgetAccountData(): Promise<void> {
  tellAccount('')
  if ('caches' in window) await caches.delete('lingshi-api').catch(() => false)
}
