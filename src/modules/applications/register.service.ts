import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../database.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { passportColumns } from '../registrations/index.ts'
import { reportsLoss } from './application.rules.ts'
import { applicationsError } from './applications.errors.ts'
import type { ApplicationRow, InvalidatedDocumentRow } from './applications.table.ts'
import { findInvalidated, insertInvalidated, referenceOf } from './register.repository.ts'
import type { RegisterBody, RegisterEntry } from './register.schema.ts'

/**
 * On submission of a lost/stolen replacement, its current passport goes on the register (a number
 * already on it keeps its first entry). Runs in the submission's transaction.
 */
export async function registerReportedLoss(db: Db, row: ApplicationRow, at: Date): Promise<void> {
  if (!reportsLoss(row) || !row.passport_sealed || !row.passport_digest) return
  await insertInvalidated(db, {
    id: uuidv7(),
    number_sealed: row.passport_sealed,
    number_digest: row.passport_digest,
    number_last4: row.passport_last4 ?? '',
    reason: row.form.reason === 'stolen' ? 'stolen' : 'lost',
    application_id: row.id,
    mission_code: row.mission_code,
    note: null,
    reported_at: at,
    recorded_by: row.user_id,
  })
}

async function toEntry(ctx: AppContext, db: Db, r: InvalidatedDocumentRow): Promise<RegisterEntry> {
  return {
    id: r.id,
    number: ctx.secrets.open(r.number_sealed),
    reason: r.reason,
    since: new Date(r.reported_at).toISOString(),
    mission: r.mission_code,
    applicationReference: r.application_id ? ((await referenceOf(db, r.application_id)) ?? null) : null,
    note: r.note,
  }
}

/** Staff look a number up on the register (every mission's entries: a document is void everywhere); audited. */
export async function searchRegister(ctx: AppContext, principal: Principal, number: string, ip: string) {
  const hit = await findInvalidated(ctx.db, ctx.secrets.blindIndex(number))
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'invalidated_document.search',
    subjectType: 'invalidated_document',
    ...(hit ? { subjectId: hit.id } : {}),
    ip,
    details: { last4: number.slice(-4), found: hit !== undefined },
  })
  return { items: hit ? [await toEntry(ctx, ctx.db, hit)] : [] }
}

/** A member of staff puts a document on the register by hand (a report made at the counter, by the police…). */
export async function recordInvalidation(
  ctx: AppContext,
  principal: Principal,
  body: RegisterBody,
  ip: string,
): Promise<RegisterEntry> {
  return ctx.db.transaction().execute(async (trx) => {
    const cols = passportColumns(ctx.secrets, body.number)
    const id = uuidv7()
    const inserted = await insertInvalidated(trx, {
      id,
      number_sealed: cols.passport_sealed ?? '',
      number_digest: cols.passport_digest ?? '',
      number_last4: cols.passport_last4 ?? '',
      reason: body.reason,
      application_id: null,
      mission_code: principal.missions[0] ?? null,
      note: body.note ?? null,
      reported_at: body.reportedAt ? new Date(body.reportedAt) : new Date(),
      recorded_by: principal.userId,
    })
    if (!inserted)
      throw applicationsError('register.already_listed', 'This document is on the register already')
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'invalidated_document.add',
      subjectType: 'invalidated_document',
      subjectId: id,
      ip,
      details: { last4: body.number.slice(-4), reason: body.reason },
    })
    const row = await findInvalidated(trx, cols.passport_digest ?? '')
    if (!row) throw new Error('the entry just written is gone')
    return toEntry(ctx, trx, row)
  })
}
