import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../../../database.ts'
import { type CaseScope, caseVisible } from '../access.ts'
import type { CasePersonRow, CaseRow } from '../cases.table.ts'

export const caseColumns = sql`c.id, c.reference, c.type, c.status, c.priority, c.summary, c.country,
  ST_Y(c.location) as lat, ST_X(c.location) as lon, c.mission_code, c.assignee_id, c.need_to_know, c.answers,
  c.created_by, c.created_at, c.updated_at, c.first_response_at, c.first_response_due, c.last_update_at,
  c.update_due, c.sla_breach_kind, c.sla_breach_at, c.sla_misses, c.next_visit_due, c.rescued,
  c.resolved_at, c.closed_at, c.site_id, c.enterprise_id`

/** `scope` null: whatever its visibility (jobs, and the author right after creating it). */
export async function findCaseRow(
  db: Db,
  scope: CaseScope | null,
  id: string,
  forUpdate = false,
): Promise<CaseRow | undefined> {
  const r = await sql<CaseRow>`select ${caseColumns} from cases c
    where c.id = ${id}::uuid and ${scope ? caseVisible(scope) : sql`true`}
    ${forUpdate ? sql`for update of c` : sql``}`.execute(db)
  return r.rows[0]
}

/** A case as opened: what the service decides; the database fills in the rest. */
export type NewCase = Pick<
  CaseRow,
  | 'id'
  | 'type'
  | 'priority'
  | 'summary'
  | 'country'
  | 'lat'
  | 'lon'
  | 'mission_code'
  | 'need_to_know'
  | 'answers'
  | 'created_at'
  | 'first_response_due'
> & { created_by: string; site_id?: string | null; enterprise_id?: string | null }

/** The reference is C-<year>-<6 digits>, numbered by one sequence across years. */
export async function insertCase(db: Db, c: NewCase): Promise<void> {
  const { lat, lon, answers, ...rest } = c
  await db
    .insertInto('cases')
    .values({
      ...rest,
      reference: sql<string>`'C-' || ${String(c.created_at.getUTCFullYear())} || '-' || lpad(nextval('case_reference_seq')::text, 6, '0')`,
      answers: JSON.stringify(answers),
      location: lat === null || lon === null ? null : sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`,
      updated_at: c.created_at,
    })
    .execute()
}

export async function insertCasePeople(
  db: Db,
  caseId: string,
  people: readonly Omit<CasePersonRow, 'case_id'>[],
): Promise<void> {
  if (people.length === 0) return
  await db
    .insertInto('case_people')
    .values(people.map((p) => ({ ...p, case_id: caseId })))
    .execute()
}

export function casePeopleRows(db: Db, caseId: string) {
  return db
    .selectFrom('case_people')
    .select(['person_id', 'phone'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute()
}

export async function teamOf(db: Db, caseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_team')
    .select('user_id')
    .where('case_id', '=', caseId)
    .orderBy('added_at')
    .orderBy('user_id')
    .execute()
  return rows.map((r) => r.user_id)
}

export async function addTeamMember(db: Db, caseId: string, userId: string, by: string | null) {
  const r = await db
    .insertInto('case_team')
    .values({ case_id: caseId, user_id: userId, added_by: by })
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .executeTakeFirst()
  return r !== undefined
}

export async function removeTeamMember(db: Db, caseId: string, userId: string) {
  const r = await db
    .deleteFrom('case_team')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return Number(r.numDeletedRows) > 0
}

/** An open case of the same type, for one of these people or phones, opened within the window. */
export async function findOpenDuplicate(
  db: Db,
  scope: CaseScope,
  type: string,
  personIds: readonly string[],
  phones: readonly string[],
  sinceDays: number,
): Promise<{ id: string; reference: string } | undefined> {
  if (personIds.length === 0 && phones.length === 0) return undefined
  const r = await sql<{ id: string; reference: string }>`
    select c.id, c.reference from cases c
     where c.id in (select p.case_id from case_people p
                     where p.person_id = any(${[...personIds]}::uuid[]) or p.phone = any(${[...phones]}::text[]))
       and c.type = ${type} and c.status not in ('resolved', 'closed')
       and c.created_at >= now() - make_interval(days => ${sinceDays})
       and ${caseVisible(scope)}
     order by c.id desc limit 1`.execute(db)
  return r.rows[0]
}

export interface CaseFilter {
  readonly status?: string | undefined
  readonly mission?: string | undefined
  readonly type?: string | undefined
  readonly priority?: string | undefined
  readonly open?: boolean | undefined
  readonly slaBreached?: boolean | undefined
  readonly visitOverdue?: boolean | undefined
  readonly cursor?: string | undefined
}

export function caseFilterSql(scope: CaseScope, f: CaseFilter): RawBuilder<boolean> {
  const where: RawBuilder<unknown>[] = [caseVisible(scope)]
  if (f.status) where.push(sql`c.status = ${f.status}`)
  if (f.mission) where.push(sql`c.mission_code = ${f.mission}`)
  if (f.type) where.push(sql`c.type = ${f.type}`)
  if (f.priority) where.push(sql`c.priority = ${f.priority}`)
  if (f.open === true) where.push(sql`c.status not in ('resolved', 'closed')`)
  if (f.open === false) where.push(sql`c.status in ('resolved', 'closed')`)
  if (f.slaBreached !== undefined) where.push(sql`(c.sla_breach_at is not null) = ${f.slaBreached}`)
  if (f.visitOverdue !== undefined)
    where.push(sql`(c.next_visit_due is not null and c.next_visit_due < now()
      and c.status not in ('resolved', 'closed')) = ${f.visitOverdue}`)
  if (f.cursor) where.push(sql`c.id < ${f.cursor}::uuid`)
  return sql<boolean>`(${sql.join(where, sql` and `)})`
}

/** Newest first by id (UUIDv7 orders by creation time), so the cursor is the last id shown. */
export async function listCaseRows(
  db: Db,
  scope: CaseScope,
  f: CaseFilter,
  limit: number,
): Promise<CaseRow[]> {
  const r = await sql<CaseRow>`select ${caseColumns} from cases c
    where ${caseFilterSql(scope, f)} order by c.id desc limit ${limit}`.execute(db)
  return r.rows
}
