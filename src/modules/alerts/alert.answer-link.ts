import type { AppContext } from '../../context.ts'
import { verifyActionSignature } from '../notifications/index.ts'
import { answerSafetyCheck } from './alert.answer.ts'
import { alertEnd, infoIn } from './alert.derive.ts'
import { findAlertBrief, findAlertRow } from './alert.repository.ts'
import type { SafetyAnswer } from './alert.schema.ts'
import type { AnswerLinkView, AnswerResult } from './alert-me.schema.ts'
import { alertError, alertNotFound } from './alerts.errors.ts'

/**
 * How long after an alert ends its one-click links still take an answer. People cut off by the
 * event itself (no power, no network) read their mail days later, and their answer still tells
 * the hotline whom not to call; a link is a bearer token, so not for ever.
 */
export const LINK_GRACE_MS = 72 * 3_600_000

/** Until when an alert's links take answers: its end (its `expires`, or the default window) plus the grace. */
export function linkOpenUntil(alert: { effective_at: Date; expires_at: Date | null }): Date {
  return new Date(
    alertEnd(new Date(alert.effective_at), alert.expires_at && new Date(alert.expires_at)).getTime() +
      LINK_GRACE_MS,
  )
}

interface SignedLink {
  readonly user: string
  /** The answer the link names, or `*` on the link of the page where the person picks one. */
  readonly answer: SafetyAnswer | '*'
  readonly sig: string
}

/** The signature names the alert, the person and the answer (or `*`): a link works for nobody else. */
function checkSignature(ctx: AppContext, alertId: string, link: SignedLink): void {
  if (!verifyActionSignature(ctx.signer, { type: 'alert', id: alertId }, link.user, link.answer, link.sig))
    throw alertError('alert.bad_link', 'This answer link is not valid for this alert, person and answer')
}

const both = (pick: (lang: 'zh-CN' | 'en') => string) => ({
  'zh-CN': pick('zh-CN'),
  en: pick('en'),
})

/**
 * What the link's page shows before anyone taps: the question, in both languages, and whether the
 * link still takes an answer. Reading it changes nothing, so a mail scanner that opens every link
 * answers for nobody.
 */
export async function answerLinkView(
  ctx: AppContext,
  alertId: string,
  link: SignedLink,
): Promise<AnswerLinkView> {
  checkSignature(ctx, alertId, link)
  const row = await findAlertRow(ctx.db, alertId)
  if (!row) throw alertNotFound(alertId)
  if (!row.safety_check)
    throw alertError('alert.no_safety_check', 'This alert does not ask whether you are safe')
  const cap = row.cap
  const openUntil = linkOpenUntil(row)
  return {
    alertId,
    answer: link.answer,
    event: both((l) => infoIn(cap, l)?.event ?? row.event),
    headline: both((l) => infoIn(cap, l)?.headline ?? infoIn(cap, l)?.event ?? row.headline),
    areaDesc: both((l) => [...new Set(infoIn(cap, l)?.area.map((a) => a.areaDesc) ?? [])].join('; ')),
    severity: row.severity,
    sent: new Date(row.sent_at ?? row.sent).toISOString(),
    state: row.status === 'cancelled' ? 'cancelled' : Date.now() > openUntil.getTime() ? 'expired' : 'open',
    openUntil: openUntil.toISOString(),
    countries: [...row.countries],
  }
}

/**
 * The answer tapped on the link's page (the page POSTs it; opening the link does not answer). No
 * sign-in: the signature names the alert, the person and the answer, or `*` for the page where
 * the person picks. A cancelled alert takes no answer; a link past the alert's end and the grace
 * answers 410.
 */
export async function answerByLink(
  ctx: AppContext,
  alertId: string,
  link: SignedLink & { answer: SafetyAnswer },
): Promise<AnswerResult> {
  checkSignature(ctx, alertId, link)
  const alert = await findAlertBrief(ctx.db, alertId)
  if (alert?.status === 'cancelled')
    throw alertError('alert.cancelled', 'This alert was cancelled: it no longer asks whether you are safe')
  if (alert && Date.now() > linkOpenUntil(alert).getTime())
    throw alertError(
      'alert.link_expired',
      'This answer link has expired: answer in the app or call the hotline',
      {
        openUntil: linkOpenUntil(alert).toISOString(),
      },
    )
  return answerSafetyCheck(ctx, { userId: link.user, alertId, answer: link.answer, via: 'link' })
}
