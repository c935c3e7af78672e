import { useEffect } from 'react'
import { ApiError, post } from '../api.ts'
import { dropQueuedHelp, HELP_QUEUED_EVENT, HELP_SENT_EVENT, queuedHelp } from './help-outbox.ts'

let sending = false

async function sendQueued(account: string): Promise<void> {
  const item = queuedHelp(account)
  if (!item || sending || !navigator.onLine) return
  sending = true
  try {
    const help = await post('/api/v1/me/help', item.body)
    dropQueuedHelp(account)
    window.dispatchEvent(new CustomEvent(HELP_SENT_EVENT, { detail: help }))
  } catch (e) {
    // Still no network: kept for the next try. Refused (a 4xx): kept too, the help page shows it.
    if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 429)
      dropQueuedHelp(account)
  } finally {
    sending = false
  }
}

/** Sends a queued SOS when the network returns, on load, and every 15 s while one waits. */
export function useHelpOutbox(account: string | undefined): void {
  useEffect(() => {
    if (!account) return
    const tryNow = () => void sendQueued(account)
    tryNow()
    window.addEventListener('online', tryNow)
    window.addEventListener(HELP_QUEUED_EVENT, tryNow)
    const timer = window.setInterval(tryNow, 15_000)
    return () => {
      window.removeEventListener('online', tryNow)
      window.removeEventListener(HELP_QUEUED_EVENT, tryNow)
      window.clearInterval(timer)
    }
  }, [account])
}
