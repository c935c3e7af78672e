import { sql } from 'kysely'
import type { Db } from '../../../database.ts'
import type { ContactRow } from '../cases.table.ts'
import { contactColumns, fromContacts } from './contact.repository.ts'
import type { CancelReason } from './help.enums.ts'

export async function referenceTaken(db: Db, reference: string): Promise<boolean> {
  const r = await db.selectFrom('contacts').select('id').where('reference', '=', reference).executeTakeFirst()
  return r !== undefined
}

/** The person's own help request; another person's reads as none (`for update` inside a change). */
export async function findHelpOf(
  db: Db,
  personId: string,
  id: string,
  forUpdate = false,
): Promise<ContactRow | undefined> {
  const r = await sql<ContactRow>`select ${contactColumns} from ${fromContacts}
    where k.id = ${id}::uuid and k.person_id = ${personId}::uuid and k.kind = 'help_request'
    ${forUpdate ? sql`for update of k` : sql``}`.execute(db)
  return r.rows[0]
}

/** The person's latest help requests, newest first. */
export async function listHelpOf(db: Db, personId: string, limit: number): Promise<ContactRow[]> {
  const r = await sql<ContactRow>`select ${contactColumns} from ${fromContacts}
    where k.person_id = ${personId}::uuid and k.kind = 'help_request'
    order by k.received_at desc, k.id desc limit ${limit}`.execute(db)
  return r.rows
}

/** The first operator to see it stays the one who did. */
export async function markAcknowledged(db: Db, id: string, userId: string, at: Date): Promise<void> {
  await db
    .updateTable('contacts')
    .set({
      acknowledged_at: sql`coalesce(acknowledged_at, ${at.toISOString()}::timestamptz)`,
      acknowledged_by: sql`coalesce(acknowledged_by, ${userId}::uuid)`,
    })
    .where('id', '=', id)
    .execute()
}

/** Takes it for `userId` unless someone else holds it or it was cancelled meanwhile; false then. */
export async function markClaimed(db: Db, id: string, userId: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('contacts')
    .set({ claimed_by: userId, claimed_at: sql`coalesce(claimed_at, ${at.toISOString()}::timestamptz)` })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', userId)]))
    .where('cancelled_at', 'is', null)
    .executeTakeFirst()
  return r.numUpdatedRows > 0n
}

/** False when it was cancelled already (two taps at once). */
export async function markCancelled(db: Db, id: string, reason: CancelReason, at: Date): Promise<boolean> {
  const r = await db
    .updateTable('contacts')
    .set({ cancelled_at: at, cancel_reason: reason })
    .where('id', '=', id)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst()
  return r.numUpdatedRows > 0n
}

/**
 * The sender's fresh position. A request that no mission had been found for (sent without a
 * place) is routed now; one already routed stays with its mission, whoever is working it.
 */
export async function moveHelpLocation(
  db: Db,
  id: string,
  p: { lat: number; lon: number; at: Date; country: string | null; missionCode: string | null },
): Promise<void> {
  await db
    .updateTable('contacts')
    .set({
      location: sql`ST_SetSRID(ST_MakePoint(${p.lon}, ${p.lat}), 4326)`,
      location_source: 'given',
      location_updated_at: p.at,
      country: sql`coalesce(country, ${p.country})`,
      mission_code: sql`coalesce(mission_code, ${p.missionCode})`,
    })
    .where('id', '=', id)
    .execute()
}
