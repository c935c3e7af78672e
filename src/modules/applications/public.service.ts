import type { AppContext } from '../../context.ts'
import { findByReference } from './application.repository.ts'
import { applicationNotFound } from './applications.errors.ts'

/**
 * Status only, for anyone holding the reference and the applicant's date of birth; any mismatch
 * is the same 404 (a draft too: nothing was sent yet).
 */
export async function publicStatus(ctx: AppContext, reference: string, dateOfBirth: string) {
  const row = await findByReference(ctx.db, reference.toUpperCase())
  if (!row || row.status === 'draft' || row.form.dateOfBirth !== dateOfBirth) throw applicationNotFound()
  return { reference: row.reference, status: row.status, updatedAt: new Date(row.updated_at).toISOString() }
}
