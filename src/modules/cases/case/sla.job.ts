import { type RawBuilder, sql, type Transaction } from 'kysely'
import { z } from 'zod'
import type { AppContext } from '../../../context.ts'
import type { Database } from '../../../database.ts'
import { defineJob } from '../../../platform/queue/job.ts'
import { staffWithRoleSql } from '../../identity/index.ts'
import { notify } from '../../notifications/index.ts'
import type { CaseRow } from '../cases.table.ts'
import { findCaseRow, teamOf } from './case.repository.ts'
import { addEvent } from './case-event.repository.ts'
import { isOpen } from './case-status.ts'
import type { SlaKind } from './sla.ts'

export const slaJobType = {
  name: 'cases.sla-check',
  payload: z.object({
    caseId: z.uuid(),
    kind: z.enum(['firstResponse', 'update']),
    due: z.iso.datetime(),
  }),
}
export type SlaCheck = z.infer<typeof slaJobType.payload>

/** Queues the check for one deadline, inside the transaction that set it (pg-boss keeps it across restarts). */
export async function scheduleSla(
  ctx: AppContext,
  trx: Transaction<Database>,
  caseId: string,
  kind: SlaKind,
  due: Date,
): Promise<void> {
  await ctx.queue.send(slaJobType, { caseId, kind, due: due.toISOString() }, { trx, startAfter: due })
}

/** Officers of the mission and duty officers; for a need-to-know case, its team instead of the mission. */
function escalationRecipients(c: CaseRow, team: readonly string[]): RawBuilder<{ user_id: string }> {
  const parts: RawBuilder<{ user_id: string }>[] = [staffWithRoleSql(['duty_officer'])]
  if (!c.need_to_know && c.mission_code) parts.push(staffWithRoleSql(['officer'], [c.mission_code]))
  const direct = [c.assignee_id, ...(c.need_to_know ? team : [])].filter((x): x is string => !!x)
  if (direct.length) parts.push(sql<{ user_id: string }>`select unnest(${direct}::uuid[]) as user_id`)
  return sql<{ user_id: string }>`${sql.join(
    parts.map((p) => sql`(${p})`),
    sql` union `,
  )}`
}

const KIND_TEXT: Record<SlaKind, { zh: string; en: string }> = {
  firstResponse: { zh: '首次响应', en: 'first response' },
  update: { zh: '跟进更新', en: 'update' },
}

/** Whether the deadline in the job is still the case's deadline and still unmet. */
function stillDue(c: CaseRow, kind: SlaKind, due: Date): boolean {
  if (!isOpen(c.status)) return false
  if (kind === 'firstResponse')
    return c.first_response_at === null && c.first_response_due.getTime() === due.getTime()
  return c.update_due !== null && c.update_due.getTime() === due.getTime()
}

/**
 * Flags and escalates a missed target. Idempotent: the breach row is inserted first and only
 * the run that inserts it writes the timeline entry and the notification; a deadline that has
 * moved (a response came, the priority changed) makes the job a no-op.
 */
export async function checkSla(ctx: AppContext, data: SlaCheck, now = new Date()): Promise<boolean> {
  const due = new Date(data.due)
  if (due.getTime() > now.getTime()) {
    await ctx.queue.send(slaJobType, data, { startAfter: due })
    return false
  }
  return ctx.db.transaction().execute(async (trx) => {
    const c = await findCaseRow(trx, null, data.caseId, true)
    if (!c || !stillDue(c, data.kind, due)) return false
    const inserted = await trx
      .insertInto('case_sla_breaches')
      .values({ case_id: c.id, kind: data.kind, due })
      .onConflict((oc) => oc.doNothing())
      .returning('case_id')
      .executeTakeFirst()
    if (!inserted) return false
    await trx
      .updateTable('cases')
      .set((eb) => ({ sla_breach_kind: data.kind, sla_breach_at: now, sla_misses: eb('sla_misses', '+', 1) }))
      .where('id', '=', c.id)
      .execute()
    await addEvent(trx, {
      caseId: c.id,
      kind: 'sla_breach',
      actorId: null,
      at: now,
      details: { sla: data.kind, due: due.toISOString(), priority: c.priority },
    })
    const text = KIND_TEXT[data.kind]
    await notify(
      ctx,
      trx,
      {
        kind: 'case.sla_breach',
        about: { type: 'case', id: c.id },
        title: {
          'zh-CN': `案件 ${c.reference} 超出${text.zh}时限`,
          en: `Case ${c.reference} missed its ${text.en} target`,
        },
        body: {
          'zh-CN': `${c.priority} 级案件 ${c.reference} 应于 ${due.toISOString()} 前完成${text.zh}，至今未完成，已升级至值班领导。`,
          en: `${c.priority} case ${c.reference} was due a ${text.en} by ${due.toISOString()} and has had none. Escalated to the duty officers.`,
        },
        link: `/console/cases/${c.id}`,
      },
      escalationRecipients(c, c.need_to_know ? await teamOf(trx, c.id) : []),
    )
    return true
  })
}

export function slaJob(ctx: AppContext) {
  return defineJob({
    ...slaJobType,
    async handle(data) {
      await checkSla(ctx, data)
    },
  })
}
