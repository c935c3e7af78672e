import { sql } from 'kysely'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { defineJob } from '../../platform/queue/job.ts'
import { notify } from '../notifications/index.ts'
import { assessmentDue, type DueReason } from './assessment.due.ts'

export const assessmentReminderJobType = { name: 'enterprises.assessment-reminders', payload: z.object({}) }

const DAY_MS = 24 * 3_600_000
const PAGE = 200

function reminder(enterpriseId: string, reasons: readonly DueReason[]) {
  const rose = reasons.filter((r) => r.kind === 'level_rose')
  const why = rose.length
    ? {
        'zh-CN': `以下项目所在国家或地区的安全提醒级别已提高：${rose.map((r) => `${r.siteName}（${r.from}→${r.to}级）`).join('、')}。`,
        en: `The advisory level has risen where these sites are: ${rose.map((r) => `${r.siteName} (level ${r.from} → ${r.to})`).join(', ')}.`,
      }
    : reasons.some((r) => r.kind === 'yearly')
      ? { 'zh-CN': '上一次安全自评估已满一年。', en: 'The last security self-assessment is a year old.' }
      : {
          'zh-CN': '贵企业尚未完成安全自评估。',
          en: 'Your enterprise has not made a security self-assessment yet.',
        }
  return {
    kind: 'enterprise.assessment_due',
    about: { type: 'enterprise', id: enterpriseId },
    title: { 'zh-CN': '请完成境外安全自评估', en: 'A security self-assessment is due' },
    body: {
      'zh-CN': `${why['zh-CN']}请在企业门户中重新填写安全自评估，并根据差距清单完善安全措施。`,
      en: `${why.en} Please fill in the self-assessment again in the enterprise portal and work through the gaps it lists.`,
    },
    link: '/enterprise',
  }
}

/**
 * Reminds each verified enterprise whose self-assessment is due: its administrators and security
 * officers get it in their inbox and by e-mail. A reason is reminded of once (the key is kept with
 * the reminder, in the same transaction), so running again sends nothing twice.
 */
export async function sendAssessmentReminders(ctx: AppContext, now = new Date()): Promise<number> {
  let sent = 0
  let after = '00000000-0000-0000-0000-000000000000'
  for (;;) {
    const { rows } = await sql<{ id: string }>`
      select id from enterprises where status = 'verified' and id > ${after}::uuid order by id limit ${PAGE}`.execute(
      ctx.db,
    )
    for (const { id } of rows) {
      const { reasons } = await assessmentDue(ctx.db, id, now)
      if (reasons.length === 0) continue
      const fresh = await ctx.db.transaction().execute(async (trx) => {
        const { rows: added } = await sql<{ key: string }>`
          insert into enterprise_reminders (enterprise_id, key)
          select ${id}::uuid, k from unnest(${reasons.map((r) => r.key)}::text[]) k
          on conflict do nothing returning key`.execute(trx)
        if (added.length === 0) return false
        const keys = new Set(added.map((a) => a.key))
        await notify(
          ctx,
          trx,
          reminder(
            id,
            reasons.filter((r) => keys.has(r.key)),
          ),
          sql<{ user_id: string }>`select user_id from enterprise_members where enterprise_id = ${id}::uuid`,
        )
        return true
      })
      if (fresh) sent++
    }
    if (rows.length < PAGE) return sent
    after = rows.at(-1)?.id ?? after
  }
}

/** Once a day: one chain per deployment (a `stately` queue holds one waiting job), kept across restarts. */
export function assessmentReminderJob(ctx: AppContext) {
  const next = (startAfter?: Date) =>
    ctx.queue.send(assessmentReminderJobType, {}, startAfter ? { startAfter } : {})
  return defineJob({
    ...assessmentReminderJobType,
    retryLimit: 0,
    policy: 'stately',
    async handle() {
      try {
        ctx.log.info({ enterprises: await sendAssessmentReminders(ctx) }, 'self-assessment reminders sent')
      } finally {
        await next(new Date(Date.now() + DAY_MS))
      }
    },
    async resume() {
      await next()
    },
  })
}
