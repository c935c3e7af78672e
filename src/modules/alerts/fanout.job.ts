import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { defineJob } from '../../platform/queue/job.ts'
import { mailCountrySubscribers } from '../advisories/index.ts'
import { siteContactsSql } from '../enterprises/index.ts'
import { notify } from '../notifications/index.ts'
import { alertWindow, insertRecipients } from './alert.audience.ts'
import { messageText } from './alert.derive.ts'
import { alertIdsSending, cancelAlerts, findAlertRow, moveAlert, threadOf } from './alert.repository.ts'
import { recipientIdsSql } from './alert-recipient.repository.ts'
import { alertSiteIdsSql, insertAlertSites } from './alert-site.repository.ts'

/** The safety check's answers, as buttons in the inbox and push, and signed one-click links in e-mail and SMS. */
const SAFETY_ACTIONS = [
  { key: 'safe', label: { 'zh-CN': '我安全', en: 'I am safe' } },
  { key: 'need_help', label: { 'zh-CN': '我需要帮助', en: 'I need help' } },
  { key: 'not_in_area', label: { 'zh-CN': '我不在该地区', en: 'I am not in the area' } },
]
/** The web page a signed link opens: it shows the question, and POSTs the answer tapped to /answer-link. */
const ANSWER_URL = '/alerts/{about}/answer?user={user}&answer={action}&sig={sig}'

/**
 * What the enterprises whose sites the alert reaches get (their members, and the account of each
 * site's security officer): the alert, asking for a headcount rather than "are you safe?".
 */
function headcountRequest(alertId: string, text: ReturnType<typeof messageText>) {
  return {
    kind: 'alert_headcount',
    title: { 'zh-CN': `请报告人员清点：${text.title['zh-CN']}`, en: `Headcount needed: ${text.title.en}` },
    body: {
      'zh-CN': `本预警覆盖贵企业的境外项目。请立即清点人员，并报告总人数、安全、受伤和失踪人数。\n\n${text.body['zh-CN']}`,
      en: `This alert covers your enterprise's site abroad. Count your people now and report the total, safe, injured and missing.\n\n${text.body.en}`,
    },
    link: `/enterprise/alerts/${alertId}`,
    emergency: true,
  }
}

export const fanoutJobType = {
  name: 'alerts.fanout',
  payload: z.object({ alertId: z.uuid() }),
}

/**
 * Writes the recipients and their deliveries in one transaction, then marks the alert sent. Run
 * again after a crash, it finds the alert still `sending` (nothing was committed) and starts over;
 * run twice at once, the second waits on the row lock and then finds it sent.
 */
export async function fanOut(ctx: AppContext, alertId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findAlertRow(trx, alertId, { lock: true })
    if (row?.status !== 'sending') return
    const earlier = (await threadOf(trx, row))
      .filter((t) => t.id !== alertId && (t.status === 'sent' || t.status === 'cancelled'))
      .map((t) => t.id)
    const window = alertWindow(new Date(row.effective_at), row.expires_at ? new Date(row.expires_at) : null)
    const recipients = await insertRecipients(trx, alertId, window, earlier)
    const text = messageText(row.cap, row.safety_check)
    const sent = await notify(
      ctx,
      trx,
      {
        kind: 'alert',
        about: { type: 'alert', id: alertId },
        title: text.title,
        body: text.body,
        link: `/alerts/${alertId}`,
        emergency: true,
        ...(row.safety_check ? { actions: SAFETY_ACTIONS, actionUrl: ANSWER_URL } : {}),
      },
      recipientIdsSql(alertId),
    )
    const sites = await insertAlertSites(trx, alertId)
    if (sites > 0 && row.msg_type !== 'Cancel')
      await notify(ctx, trx, headcountRequest(alertId, text), siteContactsSql(alertSiteIdsSql(alertId)))
    await moveAlert(trx, alertId, 'sending', 'sent', {
      message_id: sent.messageId,
      recipients,
      sent_at: new Date(),
    })
    // E-mail-only subscribers of the alert's countries (advisories keeps them), once each.
    await mailCountrySubscribers(ctx, trx, {
      about: `alert:${alertId}`,
      countries: row.countries,
      title: text.title,
      body: text.body,
      link: row.countries.length === 1 ? `/advisories/${row.countries[0]}` : '/advisories',
    })
    if (row.msg_type === 'Cancel') await cancelAlerts(trx, earlier)
  })
}

/** The fan-out of a sent alert; jobs left by a crash are queued again when the queue starts. */
export function fanoutJob(ctx: AppContext) {
  return defineJob({
    ...fanoutJobType,
    retryLimit: 10,
    retryDelaySeconds: 5,
    expireInSeconds: 900,
    handle: ({ alertId }) => fanOut(ctx, alertId),
    async resume() {
      for (const id of await alertIdsSending(ctx.db)) await ctx.queue.send(fanoutJobType, { alertId: id })
    },
  })
}
