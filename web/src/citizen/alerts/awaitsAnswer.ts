import type { MyAlert } from '@server/alerts/alert-me.schema.ts'

/** Whether the alert still asks me "are you safe?" and I have not answered. */
export function awaitsAnswer(a: MyAlert, now = Date.now()): boolean {
  return (
    a.safetyCheck &&
    !a.answer &&
    a.status === 'sent' &&
    a.msgType !== 'Cancel' &&
    (!a.expiresAt || new Date(a.expiresAt).getTime() > now)
  )
}
