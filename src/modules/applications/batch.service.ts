import { Readable } from 'node:stream'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../database.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { addEvent, updateApplication } from './application.repository.ts'
import { canMove } from './application-status.ts'
import { applicationsError } from './applications.errors.ts'
import type { ApplicationRow, ProductionBatchRow } from './applications.table.ts'
import { type ArchiveFile, batchArchive } from './batch.archive.ts'
import {
  findBatch,
  insertBatch,
  listBatches,
  lockProducible,
  referencesOfBatches,
} from './batch.repository.ts'
import type { ProductionBatch } from './batch.schema.ts'
import { missionsOf, tellCitizen } from './review.service.ts'

/** The stored bytes of a blob, or undefined when they are gone. */
export async function readBlob(ctx: AppContext, sha256: string): Promise<Buffer | undefined> {
  const stored = await ctx.blobs.open(sha256)
  if (!stored) return undefined
  const chunks: Buffer[] = []
  for await (const chunk of stored.stream as AsyncIterable<Buffer>) chunks.push(chunk)
  return Buffer.concat(chunks)
}

const isJpeg = (b: Buffer) => b[0] === 0xff && b[1] === 0xd8

/** What the producer needs of one application: the person, the document, the files' names. */
function productionRecord(ctx: AppContext, row: ApplicationRow, photo: string, signature: string) {
  const f = row.form
  return {
    reference: row.reference,
    service: row.service,
    mission: row.mission_code,
    reason: f.reason ?? null,
    applicant: {
      surname: f.surname ?? null,
      givenNames: f.givenNames ?? null,
      nameZh: f.nameZh ?? null,
      sex: f.sex ?? null,
      dateOfBirth: f.dateOfBirth ?? null,
      birthPlace: f.birthPlace ?? null,
    },
    contact: {
      phone: f.phone ?? null,
      addressAbroad: f.addressAbroad ?? null,
      addressChina: f.addressChina ?? null,
    },
    currentPassport: row.passport_sealed
      ? { number: ctx.secrets.open(row.passport_sealed), expiryDate: f.currentPassportExpiry ?? null }
      : null,
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    files: { photo, signature },
  }
}

async function filesOf(ctx: AppContext, row: ApplicationRow): Promise<ArchiveFile[]> {
  const photo = row.photo_sha256 ? await readBlob(ctx, row.photo_sha256) : undefined
  const signature = row.signature_sha256 ? await readBlob(ctx, row.signature_sha256) : undefined
  if (!photo || !signature) throw new Error(`the files of ${row.reference} are missing from the store`)
  const photoName = isJpeg(photo) ? 'photo.jpg' : 'photo.png'
  const record = productionRecord(ctx, row, photoName, 'signature.png')
  return [
    { path: `${row.reference}/application.json`, bytes: Buffer.from(`${JSON.stringify(record, null, 2)}\n`) },
    { path: `${row.reference}/${photoName}`, bytes: photo },
    { path: `${row.reference}/signature.png`, bytes: signature },
  ]
}

function toBatch(row: ProductionBatchRow, references: readonly string[]): ProductionBatch {
  return {
    id: row.id,
    mission: row.mission_code,
    count: row.count,
    size: Number(row.size),
    sha256: row.sha256.trim(),
    createdAt: new Date(row.created_at).toISOString(),
    purged: row.purged_at !== null,
    references: [...references],
  }
}

/** The mission a batch is for: the one named (within the caller's scope), else the caller's only one. */
function batchMission(principal: Principal, named: string | undefined): string {
  const scope = missionsOf(principal)
  if (named) {
    if (scope && !scope.includes(named))
      throw applicationsError('application.unknown_mission', `No mission ${named} among yours`)
    return named
  }
  if (scope?.length === 1 && scope[0]) return scope[0]
  throw applicationsError('batch.mission_required', 'Name the mission whose applications go to production')
}

/**
 * Exports the mission's approved and paid applications in one archive (each one's data, photo and
 * signature, and a manifest with the SHA-256 of every file) and moves them to `in_production`,
 * each with its timeline event and a word to the citizen. Nothing moves if anything fails.
 */
export async function createBatch(
  ctx: AppContext,
  principal: Principal,
  named: string | undefined,
  ip: string,
): Promise<ProductionBatch> {
  const mission = batchMission(principal, named)
  return ctx.db.transaction().execute(async (trx) => {
    const rows = (await lockProducible(trx, mission)).filter((r) => canMove(r.status, 'in_production'))
    if (!rows.length)
      throw applicationsError(
        'batch.nothing_to_produce',
        `No approved and paid application of ${mission} waits`,
      )
    const id = uuidv7()
    const now = new Date()
    const files: ArchiveFile[] = []
    for (const row of rows) files.push(...(await filesOf(ctx, row)))
    const header = { batch: id, mission, createdAt: now.toISOString(), count: rows.length }
    const { bytes } = batchArchive(files, header, now)
    const blob = await ctx.blobs.stage(Readable.from([bytes]), bytes.length)
    await blob.commit()
    await insertBatch(trx, {
      id,
      mission_code: mission,
      sha256: blob.sha256,
      size: bytes.length,
      count: rows.length,
      created_by: principal.userId,
      created_at: now,
      purged_at: null,
    })
    for (const row of rows) {
      await updateApplication(trx, row.id, { status: 'in_production', batch_id: id, updated_at: now })
      await addEvent(trx, {
        id: uuidv7(),
        applicationId: row.id,
        kind: 'status',
        from: row.status,
        to: 'in_production',
        actorId: principal.userId,
        at: now,
      })
      await tellCitizen(ctx, trx, row, 'in_production', null)
    }
    await recordAudit(trx, {
      actorId: principal.userId,
      actorRoles: principal.roles,
      action: 'production_batch.create',
      subjectType: 'production_batch',
      subjectId: id,
      ip,
      details: { mission, count: rows.length, sha256: blob.sha256 },
    })
    return toBatch(
      {
        id,
        mission_code: mission,
        sha256: blob.sha256,
        size: bytes.length,
        count: rows.length,
        created_by: principal.userId,
        created_at: now,
        purged_at: null,
      },
      rows.map((r) => r.reference),
    )
  })
}

export async function listProductionBatches(
  db: Db,
  principal: Principal,
  mission: string | undefined,
): Promise<{ items: ProductionBatch[] }> {
  const rows = await listBatches(db, missionsOf(principal), mission)
  const refs = await referencesOfBatches(
    db,
    rows.map((r) => r.id),
  )
  return { items: rows.map((r) => toBatch(r, refs.get(r.id) ?? [])) }
}

/** The batch's archive, the same bytes every time; another mission's batch is 404 (audited read). */
export async function openBatchArchive(ctx: AppContext, principal: Principal, id: string, ip: string) {
  const row = await findBatch(ctx.db, missionsOf(principal), id)
  if (!row) throw applicationsError('batch.not_found', 'No such production batch')
  if (row.purged_at)
    throw applicationsError('batch.purged', 'The archive was deleted with the applications’ files')
  const bytes = await readBlob(ctx, row.sha256.trim())
  if (!bytes) throw applicationsError('batch.purged', 'The archive is no longer kept')
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'production_batch.download',
    subjectType: 'production_batch',
    subjectId: id,
    ip,
    details: { mission: row.mission_code, sha256: row.sha256.trim() },
  })
  return {
    bytes,
    name: `batch-${row.mission_code}-${new Date(row.created_at).toISOString().slice(0, 10)}-${id.slice(-8)}.zip`,
  }
}
