/**
 * An SOS written with no network waits here (this phone's storage, per account) and is sent as
 * soon as the network returns — by whichever page is open, since the shell mounts the sender.
 */
export interface QueuedHelp {
  /** The request's body as the help page would have posted it. */
  body: { message: string; lat?: number; lon?: number; callbackPhone?: string }
  queuedAt: string
}

const key = (account: string) => `lingshi.sos.outbox.${account}`
export const HELP_SENT_EVENT = 'lingshi:help-sent'
export const HELP_QUEUED_EVENT = 'lingshi:help-queued'

export function queuedHelp(account: string): QueuedHelp | null {
  try {
    const raw = localStorage.getItem(key(account))
    return raw ? (JSON.parse(raw) as QueuedHelp) : null
  } catch {
    return null
  }
}

/** One request at a time: a second message written offline replaces the first (the latest words count). */
export function queueHelp(account: string, body: QueuedHelp['body']): QueuedHelp {
  const item = { body, queuedAt: new Date().toISOString() }
  localStorage.setItem(key(account), JSON.stringify(item))
  window.dispatchEvent(new CustomEvent(HELP_QUEUED_EVENT, { detail: item }))
  return item
}

export function dropQueuedHelp(account: string): void {
  localStorage.removeItem(key(account))
}
