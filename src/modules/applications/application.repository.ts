import { type Insertable, sql, type Updateable } from 'kysely'
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres'
import type { Db } from '../../database.ts'
import type { ApplicationStatus, ServiceCode, UploadKind } from './applications.enums.ts'
import type {
  ApplicationEventKind,
  ApplicationEventRow,
  ApplicationRow,
  ApplicationsTable,
  ApplicationUploadRow,
  ApplicationUploadsTable,
} from './applications.table.ts'

export async function insertApplication(db: Db, row: Insertable<ApplicationsTable>): Promise<void> {
  await db.insertInto('applications').values(row).execute()
}

/** The citizen's own application (or none: another's is as unknown as a missing one). */
export async function findOwnApplication(
  db: Db,
  userId: string,
  id: string,
  lock = false,
): Promise<ApplicationRow | undefined> {
  let q = db.selectFrom('applications').selectAll().where('id', '=', id).where('user_id', '=', userId)
  if (lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

/** An application in the missions given (null: every mission), or none. */
export async function findScopedApplication(
  db: Db,
  missions: readonly string[] | null,
  id: string,
  lock = false,
): Promise<ApplicationRow | undefined> {
  let q = db.selectFrom('applications').selectAll().where('id', '=', id)
  if (missions)
    q = missions.length ? q.where('mission_code', 'in', [...missions]) : q.where(sql<boolean>`false`)
  if (lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

export async function updateApplication(
  db: Db,
  id: string,
  changes: Updateable<ApplicationsTable>,
): Promise<void> {
  await db.updateTable('applications').set(changes).where('id', '=', id).execute()
}

/**
 * A draft's save, applied only if nobody changed its status or form since it was read (the caller
 * merged the form from that read): no transaction held open while the service judges the change.
 */
export async function updateIfUnchanged(
  db: Db,
  read: ApplicationRow,
  changes: Updateable<ApplicationsTable>,
): Promise<ApplicationRow | undefined> {
  return db
    .updateTable('applications')
    .set(changes)
    .where('id', '=', read.id)
    .where('status', '=', read.status)
    .where(sql<boolean>`form = ${JSON.stringify(read.form)}::jsonb`)
    .returningAll()
    .executeTakeFirst()
}

export interface ViewRows {
  readonly events: ApplicationEventRow[]
  readonly uploads: ApplicationUploadRow[]
  readonly service: { uploads: UploadKind[]; processing_days: number } | null
  /** Staff only: the register's entry for the application's current passport. */
  readonly invalidated: { reason: string; reported_at: string; application_id: string | null } | null
}

/**
 * What an application's view needs beside its row, in one round trip: its timeline (internal notes
 * only for staff), its uploads, and its service's required uploads and processing days (the
 * mission's own entry over the default). Times come back as text through JSON; the view reads either.
 */
export async function viewRows(db: Db, row: ApplicationRow, internal: boolean): Promise<ViewRows> {
  const r = await db
    .selectNoFrom((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('application_events')
          .selectAll()
          .where('application_id', '=', row.id)
          .$if(!internal, (q) => q.where('internal', '=', false))
          .orderBy('at')
          .orderBy('id'),
      ).as('events'),
      jsonArrayFrom(
        eb
          .selectFrom('application_uploads')
          .selectAll()
          .where('application_id', '=', row.id)
          .orderBy('uploaded_at')
          .orderBy('id'),
      ).as('uploads'),
      jsonObjectFrom(
        eb
          .selectFrom('application_services')
          .select(['uploads', 'processing_days'])
          .where('code', '=', row.service)
          .where('mission_code', 'in', [row.mission_code, '*'])
          .orderBy(sql`mission_code = '*'`)
          .limit(1),
      ).as('service'),
      jsonObjectFrom(
        eb
          .selectFrom('invalidated_documents')
          .select(['reason', 'reported_at', 'application_id'])
          .where('number_digest', '=', internal && row.passport_digest ? row.passport_digest : ''),
      ).as('invalidated'),
    ])
    .executeTakeFirstOrThrow()
  return r as unknown as ViewRows
}

export async function listOwnApplications(db: Db, userId: string): Promise<ApplicationRow[]> {
  return db
    .selectFrom('applications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute()
}

export interface QueueFilter {
  readonly missions: readonly string[] | null
  readonly mission?: string
  readonly status?: ApplicationStatus
  readonly service?: ServiceCode
  readonly before?: { createdAt: Date; id: string }
  readonly limit: number
}

/** The review queue, newest first; drafts are the citizen's own business and never listed. */
export async function listQueue(db: Db, f: QueueFilter): Promise<ApplicationRow[]> {
  let q = db.selectFrom('applications').selectAll().where('status', '<>', 'draft')
  if (f.missions)
    q = f.missions.length ? q.where('mission_code', 'in', [...f.missions]) : q.where(sql<boolean>`false`)
  if (f.mission) q = q.where('mission_code', '=', f.mission)
  if (f.status) q = q.where('status', '=', f.status)
  if (f.service) q = q.where('service', '=', f.service)
  if (f.before) {
    const b = f.before
    q = q.where(sql<boolean>`(created_at, id) < (${b.createdAt}, ${b.id}::uuid)`)
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute()
}

export async function addEvent(
  db: Db,
  e: {
    id: string
    applicationId: string
    kind: ApplicationEventKind
    from?: ApplicationStatus | null
    to?: ApplicationStatus | null
    reason?: string | null
    internal?: boolean
    actorId: string | null
    at: Date
  },
): Promise<void> {
  await db
    .insertInto('application_events')
    .values({
      id: e.id,
      application_id: e.applicationId,
      kind: e.kind,
      from_status: e.from ?? null,
      to_status: e.to ?? null,
      reason: e.reason ?? null,
      internal: e.internal ?? false,
      actor_id: e.actorId,
      at: e.at,
    })
    .execute()
}

export async function insertUpload(db: Db, row: ApplicationUploadsTable): Promise<void> {
  await db.insertInto('application_uploads').values(row).execute()
}

export async function listUploads(db: Db, applicationId: string): Promise<ApplicationUploadRow[]> {
  return db
    .selectFrom('application_uploads')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute()
}

export async function countUploads(db: Db, applicationId: string): Promise<number> {
  const r = await db
    .selectFrom('application_uploads')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('application_id', '=', applicationId)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** For the public status check: the reference alone finds at most one application. */
export async function findByReference(db: Db, reference: string): Promise<ApplicationRow | undefined> {
  return db.selectFrom('applications').selectAll().where('reference', '=', reference).executeTakeFirst()
}
