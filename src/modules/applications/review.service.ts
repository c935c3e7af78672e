import type { Transaction } from 'kysely'
import { sql } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import type { Database, Db } from '../../database.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { seesEveryMission } from '../identity/index.ts'
import { notify } from '../notifications/index.ts'
import { addEvent, findScopedApplication, listQueue, updateApplication } from './application.repository.ts'
import { reportsLoss } from './application.rules.ts'
import type { Application, EventBody, QueueQuery } from './application.schema.ts'
import { presentApplication } from './application.service.ts'
import { toSummary } from './application.view.ts'
import { ACTION_TARGET, canMove, FINAL, NEEDS_REASON } from './application-status.ts'
import type { ApplicationStatus } from './applications.enums.ts'
import { applicationNotFound, applicationsError } from './applications.errors.ts'
import type { ApplicationRow } from './applications.table.ts'
import { servicesOfMission } from './catalogue.repository.ts'
import { statusMessage } from './status.messages.ts'

/** The missions a member of staff reviews for: every one (null) for duty officers, else their own. */
export const missionsOf = (principal: Principal): readonly string[] | null =>
  seesEveryMission(principal) ? null : principal.missions

export async function scoped(db: Db, principal: Principal, id: string, lock = false) {
  const row = await findScopedApplication(db, missionsOf(principal), id, lock)
  if (!row) throw applicationNotFound()
  return row
}

function encodeCursor(row: ApplicationRow): string {
  return Buffer.from(`${new Date(row.created_at).toISOString()}|${row.id}`).toString('base64url')
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|')
  const createdAt = new Date(at ?? '')
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(createdAt.getTime()))
    throw applicationsError('application.malformed', 'cursor is not one this list gave')
  return { createdAt, id }
}

/** The review queue of the caller's missions, newest first; another mission asked for by name gives nothing. */
export async function reviewQueue(ctx: AppContext, principal: Principal, q: QueueQuery) {
  const rows = await listQueue(ctx.db, {
    missions: missionsOf(principal),
    ...(q.mission ? { mission: q.mission } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.service ? { service: q.service } : {}),
    ...(q.cursor ? { before: decodeCursor(q.cursor) } : {}),
    limit: q.limit + 1,
  })
  const page = rows.slice(0, q.limit)
  const days = new Map<string, number>()
  for (const m of new Set(page.map((r) => r.mission_code)))
    for (const s of await servicesOfMission(ctx.db, m)) days.set(`${m}/${s.code}`, s.processing_days)
  const last = page.at(-1)
  return {
    items: page.map((r) => toSummary(r, days.get(`${r.mission_code}/${r.service}`) ?? 30)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
  }
}

/** One application for review, internal notes included; the read is audited. */
export async function reviewApplication(
  ctx: AppContext,
  principal: Principal,
  id: string,
  ip: string,
): Promise<Application> {
  const row = await scoped(ctx.db, principal, id)
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'application.read',
    subjectType: 'application',
    subjectId: id,
    ip,
    details: { reference: row.reference, mission: row.mission_code },
  })
  return presentApplication(ctx, ctx.db, row, true)
}

/** Tells the applicant of a move, in their language, on their channels. */
export async function tellCitizen(
  ctx: AppContext,
  trx: Transaction<Database>,
  row: ApplicationRow,
  to: ApplicationStatus,
  reason: string | null,
) {
  const m = statusMessage(row.reference, to, reason)
  await notify(
    ctx,
    trx,
    {
      kind: 'application.status',
      about: { type: 'application', id: row.id },
      title: m.title,
      body: m.body,
      link: `/applications/${row.id}`,
    },
    sql<{ user_id: string }>`select ${row.user_id}::uuid as user_id`,
  )
}

/** The first of the two approvals a lost/stolen replacement needs: recorded, the status stays. */
async function firstApproval(
  trx: Transaction<Database>,
  principal: Principal,
  row: ApplicationRow,
  reason: string | null,
  now: Date,
  ip: string,
) {
  await updateApplication(trx, row.id, {
    first_approver: principal.userId,
    first_approved_at: now,
    updated_at: now,
  })
  await addEvent(trx, {
    id: uuidv7(),
    applicationId: row.id,
    kind: 'approval',
    reason,
    internal: true,
    actorId: principal.userId,
    at: now,
  })
  await recordAudit(trx, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'application.first_approval',
    subjectType: 'application',
    subjectId: row.id,
    ip,
    details: { reference: row.reference },
  })
}

/**
 * A step of the review: the move is judged by the status table first (`application.bad_transition`
 * before anything else), then its reason and corrections. The citizen is told in their language.
 */
export async function recordReviewEvent(
  ctx: AppContext,
  principal: Principal,
  id: string,
  body: EventBody,
  ip: string,
): Promise<Application> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await scoped(trx, principal, id, true)
    const now = new Date()
    if (body.action === 'note') {
      if (!body.reason)
        throw applicationsError('application.reason_required', 'A note needs its text in reason')
      await addEvent(trx, {
        id: uuidv7(),
        applicationId: id,
        kind: 'note',
        reason: body.reason,
        internal: true,
        actorId: principal.userId,
        at: now,
      })
    } else {
      const to = ACTION_TARGET[body.action]
      if (!canMove(row.status, to))
        throw applicationsError(
          'application.bad_transition',
          `An application that is ${row.status} cannot become ${to}`,
          {
            from: row.status,
            to,
          },
        )
      if (NEEDS_REASON.includes(to) && !body.reason)
        throw applicationsError(
          'application.reason_required',
          `Say why the application is ${to}: the citizen reads it`,
        )
      if (to === 'returned' && !body.corrections?.length)
        throw applicationsError(
          'application.corrections_required',
          'Name each field to correct in corrections',
        )
      if (to !== 'returned' && body.corrections)
        throw applicationsError('application.bad_correction', 'Corrections go with a return only')
      if (to === 'approved' && reportsLoss(row)) {
        if (row.first_approver === principal.userId)
          throw applicationsError(
            'application.same_approver',
            'A lost or stolen passport is replaced on the approval of two different officers: another officer must approve',
          )
        if (!row.first_approver) {
          await firstApproval(trx, principal, row, body.reason ?? null, now, ip)
          return presentApplication(ctx, trx, (await findScopedApplication(trx, null, id)) ?? row, true)
        }
      }
      await updateApplication(trx, id, {
        status: to,
        updated_at: now,
        ...(to === 'returned' ? { corrections: JSON.stringify(body.corrections) } : {}),
        // A return or a refusal ends the approval under way: the next one starts again.
        ...(to === 'returned' || to === 'refused' ? { first_approver: null, first_approved_at: null } : {}),
        ...(FINAL.includes(to) ? { closed_at: now } : {}),
      })
      await addEvent(trx, {
        id: uuidv7(),
        applicationId: id,
        kind: 'status',
        from: row.status,
        to,
        reason: body.reason ?? null,
        actorId: principal.userId,
        at: now,
      })
      await tellCitizen(ctx, trx, row, to, body.reason ?? null)
    }
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: `application.${body.action}`,
      subjectType: 'application',
      subjectId: id,
      ip,
      details: { reference: row.reference, from: row.status },
    })
    return presentApplication(ctx, trx, (await findScopedApplication(trx, null, id)) ?? row, true)
  })
}

/** The counter receipt of the fee: only a paid application goes to production. */
export async function recordPayment(
  ctx: AppContext,
  principal: Principal,
  id: string,
  receipt: string,
  ip: string,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await scoped(trx, principal, id, true)
    if (row.payment_receipt)
      throw applicationsError('application.already_paid', 'The fee is recorded as paid already')
    if (row.status === 'draft' || row.status === 'withdrawn' || row.status === 'refused')
      throw applicationsError(
        'application.bad_transition',
        `No fee is taken for an application that is ${row.status}`,
        {
          from: row.status,
        },
      )
    const now = new Date()
    await updateApplication(trx, id, { payment_receipt: receipt, updated_at: now })
    await addEvent(trx, {
      id: uuidv7(),
      applicationId: id,
      kind: 'payment',
      reason: null,
      actorId: principal.userId,
      at: now,
    })
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'application.payment',
      subjectType: 'application',
      subjectId: id,
      ip,
      details: { reference: row.reference, receipt },
    })
    return presentApplication(ctx, trx, { ...row, payment_receipt: receipt, updated_at: now }, true)
  })
}

/** Sends an approved, paid application to production (the batch export file is still to come). */
export async function sendToProduction(ctx: AppContext, principal: Principal, id: string, ip: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await scoped(trx, principal, id, true)
    if (!canMove(row.status, 'in_production'))
      throw applicationsError(
        'application.bad_transition',
        `An application that is ${row.status} cannot go to production`,
        {
          from: row.status,
          to: 'in_production',
        },
      )
    if (!row.payment_receipt)
      throw applicationsError('application.unpaid', 'The fee is not paid: nothing unpaid is produced')
    const now = new Date()
    await updateApplication(trx, id, { status: 'in_production', updated_at: now })
    await addEvent(trx, {
      id: uuidv7(),
      applicationId: id,
      kind: 'status',
      from: row.status,
      to: 'in_production',
      actorId: principal.userId,
      at: now,
    })
    await tellCitizen(ctx, trx, row, 'in_production', null)
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'application.produce',
      subjectType: 'application',
      subjectId: id,
      ip,
      details: { reference: row.reference },
    })
    return presentApplication(ctx, trx, { ...row, status: 'in_production', updated_at: now }, true)
  })
}

/** The photo's bytes for the review screen (audited like any staff read of the application). */
export async function openPhoto(ctx: AppContext, principal: Principal, id: string, ip: string) {
  const row = await scoped(ctx.db, principal, id)
  const stored = row.photo_sha256 ? await ctx.blobs.open(row.photo_sha256) : undefined
  if (!stored) throw applicationsError('application.no_photo', 'No photo was uploaded for this application')
  const chunks: Buffer[] = []
  for await (const chunk of stored.stream as AsyncIterable<Buffer>) chunks.push(chunk)
  const bytes = Buffer.concat(chunks)
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'application.photo_read',
    subjectType: 'application',
    subjectId: id,
    ip,
    details: { reference: row.reference },
  })
  return { bytes, mediaType: bytes[0] === 0xff && bytes[1] === 0xd8 ? 'image/jpeg' : 'image/png' }
}
