import { type CapAlert, type CapAlertInput, capAlert } from '../cap/cap.model.ts'

/** An item of a feed that did not become an alert, and why, so one bad item never sinks the batch. */
export interface FeedSkip {
  id: string
  reason: string
}

export interface FeedResult {
  alerts: CapAlert[]
  skipped: FeedSkip[]
}

/** Collects alerts and skips; every alert is checked against the JSON model before it is kept. */
export function feedCollector() {
  const result: FeedResult = { alerts: [], skipped: [] }
  return {
    result,
    skip: (id: string, reason: string) => {
      result.skipped.push({ id, reason })
    },
    keep: (id: string, alert: CapAlertInput) => {
      const checked = capAlert.safeParse(alert)
      if (checked.success) result.alerts.push(checked.data)
      else {
        const issue = checked.error.issues[0]
        result.skipped.push({ id, reason: `not a valid alert: ${issue?.path.join('.')}: ${issue?.message}` })
      }
    },
  }
}

/** The first 500 characters, the model's limit for a headline. */
export const clip = (text: string, max = 500) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)
