import type { Db } from '../../database.ts'

/** Applications that ended before the cut and still keep their files, oldest first. */
export async function closedBefore(db: Db, before: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('applications')
    .select('id')
    .where('files_purged_at', 'is', null)
    .where('closed_at', '<', before)
    .orderBy('closed_at')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/** The hashes of every file an application holds: its photo, signature and uploads. */
export async function fileHashesOf(db: Db, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return []
  const apps = await db
    .selectFrom('applications')
    .select(['photo_sha256', 'signature_sha256'])
    .where('id', 'in', [...ids])
    .execute()
  const uploads = await db
    .selectFrom('application_uploads')
    .select('sha256')
    .where('application_id', 'in', [...ids])
    .execute()
  const out = new Set<string>()
  for (const a of apps) for (const h of [a.photo_sha256, a.signature_sha256]) if (h) out.add(h.trim())
  for (const u of uploads) out.add(u.sha256.trim())
  return [...out]
}

/** Forgets an application's files (the bytes go once nothing else names them); the record stays. */
export async function stripFiles(db: Db, id: string, at: Date): Promise<void> {
  await db.deleteFrom('application_uploads').where('application_id', '=', id).execute()
  await db
    .updateTable('applications')
    .set({ photo_sha256: null, signature_sha256: null, files_purged_at: at })
    .where('id', '=', id)
    .execute()
}

/** Whether an application, an upload or a kept batch archive still names these bytes. */
export async function applicationsHoldBlob(db: Db, sha256: string): Promise<boolean> {
  const r = await db
    .selectNoFrom((eb) =>
      eb
        .or([
          eb.exists(
            eb
              .selectFrom('applications')
              .select('id')
              .where((w) => w.or([w('photo_sha256', '=', sha256), w('signature_sha256', '=', sha256)])),
          ),
          eb.exists(eb.selectFrom('application_uploads').select('id').where('sha256', '=', sha256)),
          eb.exists(
            eb
              .selectFrom('production_batches')
              .select('id')
              .where('sha256', '=', sha256)
              .where('purged_at', 'is', null),
          ),
        ])
        .as('held'),
    )
    .executeTakeFirstOrThrow()
  return r.held === true
}

/** A person's drafts: deleted outright with their account (uploads and timeline cascade). */
export async function draftsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('applications')
    .select('id')
    .where('user_id', '=', userId)
    .where('status', '=', 'draft')
    .execute()
  return rows.map((r) => r.id)
}

export async function deleteApplications(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length)
    await db
      .deleteFrom('applications')
      .where('id', 'in', [...ids])
      .execute()
}

/** A person's applications beyond drafts: kept as the mission's record, stripped of what names them. */
export async function anonymise(db: Db, userId: string, at: Date): Promise<string[]> {
  const rows = await db
    .updateTable('applications')
    .set({
      form: '{}',
      passport_sealed: null,
      passport_digest: null,
      passport_last4: null,
      mrz_sealed: null,
      corrections: '[]',
      updated_at: at,
    })
    .where('user_id', '=', userId)
    .where('status', '<>', 'draft')
    .returning('id')
    .execute()
  return rows.map((r) => r.id)
}
