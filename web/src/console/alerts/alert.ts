import type {
  AlertDetail as AlertDetailShape,
  AlertSummary,
  alertStats,
  SAFETY_ANSWERS,
} from '@server/alerts/alert.schema.ts'
import type { mapCells, recipientItem } from '@server/alerts/alert-recipient.schema.ts'
import type { CapAlert } from '@server/alerts/cap/cap.model.ts'
import { ACCESS, allowedBy } from '@server/identity/role.ts'
import type { z } from 'zod'

/** An alert as the console reads it: `cap` is the CAP alert as stored (the response schema leaves it open). */
export type AlertDetail = Omit<AlertDetailShape, 'cap'> & { cap: CapAlert }
export type AlertStatus = AlertSummary['status']
export type AlertStats = z.infer<typeof alertStats>
export type SafetyAnswer = (typeof SAFETY_ANSWERS)[number]
export type Recipient = z.infer<typeof recipientItem>
/** One cell of the live board's grid: recipients with a known point, counted by answer. */
export type MapCell = z.infer<typeof mapCells>['cells'][number]

/** The recipient list's filters, in the order the console offers them. */
export const RECIPIENT_FILTERS = [
  'unanswered',
  'need_help',
  'safe',
  'not_in_area',
] as const satisfies readonly ('unanswered' | SafetyAnswer)[]
export type RecipientFilter = (typeof RECIPIENT_FILTERS)[number]

/** Officers draft and send (their Severe/Extreme alerts wait for approval); the hotline only reads. */
export const mayCompose = (roles: readonly string[]) => allowedBy(ACCESS.officers, { roles })

/** People the alert reaches: those placed in the area plus the country's other subscribers. */
export const reachTotal = (r: AlertSummary['reach']) => r.people + r.subscribers
