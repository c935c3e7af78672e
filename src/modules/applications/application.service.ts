import { randomInt } from 'node:crypto'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../database.ts'
import type { Principal } from '../../platform/http/access.ts'
import { missionNames } from '../reference/index.ts'
import { knownDependantOf, knownDetailsOf, passportColumns } from '../registrations/index.ts'
import {
  addEvent,
  findOwnApplication,
  insertApplication,
  listOwnApplications,
  listUploads,
  updateApplication,
  updateIfUnchanged,
  viewRows,
} from './application.repository.ts'
import { isMinor, REASONS_OF, REQUIRED_FIELDS, requiredUploads } from './application.rules.ts'
import type { Application, ApplicationSummary, PatchBody } from './application.schema.ts'
import { toApplication, toSummary } from './application.view.ts'
import { canMove, EDITABLE } from './application-status.ts'
import type { ServiceCode } from './applications.enums.ts'
import { applicationNotFound, applicationsError } from './applications.errors.ts'
import type { ApplicationForm, ApplicationRow, Correction } from './applications.table.ts'
import { serviceOfMission, servicesOfMission } from './catalogue.repository.ts'
import { listServices } from './catalogue.service.ts'
import { mrzLines } from './mrz.ts'
import { receiptPdf } from './receipt.pdf.ts'
import { registerReportedLoss } from './register.service.ts'

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A reference a person can read out on the phone: "LS" + date + 6 characters (no I, L, O, U). */
export function newReference(now = new Date()): string {
  const date = now.toISOString().slice(2, 10).replace(/-/g, '')
  let tail = ''
  for (let i = 0; i < 6; i++) tail += ALPHABET[randomInt(ALPHABET.length)]
  return `LS${date}${tail}`
}

/** The whole application as the citizen or staff see it. */
export async function presentApplication(
  ctx: AppContext,
  db: Db,
  row: ApplicationRow,
  staff: boolean,
): Promise<Application> {
  const { events, uploads, service, invalidated } = await viewRows(db, row, staff)
  return toApplication(ctx, row, {
    events,
    uploads,
    requiredUploads: requiredUploads(service?.uploads ?? [], row.minor),
    staff,
    processingDays: service?.processing_days ?? 30,
    invalidated,
  })
}

export async function ownApplication(
  ctx: AppContext,
  userId: string,
  id: string,
  lock = false,
  db: Db = ctx.db,
) {
  const row = await findOwnApplication(db, userId, id, lock)
  if (!row) throw applicationNotFound()
  return row
}

function splitName(latin: string | null): Pick<ApplicationForm, 'surname' | 'givenNames'> {
  if (!latin) return {}
  const [surname, ...given] = latin.trim().toUpperCase().split(/\s+/)
  return { surname, ...(given.length ? { givenNames: given.join(' ') } : {}) }
}

/** A draft for the caller or one of their dependants, filled in from what the registry knows. */
export async function createApplication(
  ctx: AppContext,
  principal: Principal,
  body: { service: ServiceCode; mission: string; dependantId?: string | undefined },
) {
  const offered = await listServices(ctx, body.mission).catch((err) => {
    if (err?.code === 'catalogue.unknown_mission')
      throw applicationsError('application.unknown_mission', `No mission ${body.mission}`)
    throw err
  })
  const service = offered.find((s) => s.code === body.service)
  if (!service)
    throw applicationsError(
      'application.service_unavailable',
      `${body.mission} does not offer ${body.service}`,
    )
  const known = body.dependantId
    ? await knownDependantOf(ctx, principal.userId, body.dependantId)
    : await knownDetailsOf(ctx, principal.userId)
  if (!known) throw applicationsError('application.bad_dependant', 'No such family member in your profile')
  const form: ApplicationForm = {
    ...splitName(known.nameLatin),
    ...(known.nameZh ? { nameZh: known.nameZh } : {}),
    ...(known.sex ? { sex: known.sex } : {}),
    ...(known.dateOfBirth ? { dateOfBirth: known.dateOfBirth } : {}),
    ...(known.phone ? { phone: known.phone } : {}),
  }
  const id = uuidv7()
  const reference = newReference()
  const now = new Date()
  await ctx.db.transaction().execute(async (trx) => {
    await insertApplication(trx, {
      id,
      reference,
      user_id: principal.userId,
      dependant_id: body.dependantId ?? null,
      minor: body.dependantId ? isMinor(known.dateOfBirth) : false,
      mission_code: body.mission,
      service: body.service,
      status: 'draft',
      form: JSON.stringify(form),
      passport_sealed: null,
      passport_digest: null,
      passport_last4: null,
      mrz_sealed: null,
      photo_sha256: null,
      photo_checks: null,
      signature_sha256: null,
      corrections: '[]',
      fee_amount: service.fee.amount.toFixed(2),
      fee_currency: service.fee.currency,
      payment_receipt: null,
      created_at: now,
      updated_at: now,
      submitted_at: null,
    })
    await addEvent(trx, {
      id: uuidv7(),
      applicationId: id,
      kind: 'created',
      to: 'draft',
      actorId: principal.userId,
      at: now,
    })
  })
  return { id, reference, status: 'draft' as const }
}

/** While returned, only what the officer flagged may change: `application.field_locked` otherwise. */
export function assertEditable(row: ApplicationRow, parts: readonly string[]): void {
  if (!EDITABLE.includes(row.status))
    throw applicationsError(
      'application.not_editable',
      `An application that is ${row.status} cannot be changed`,
      {
        current: row.status,
      },
    )
  if (row.status !== 'returned') return
  const flagged = new Set((row.corrections as Correction[]).map((c) => c.field))
  const locked = parts.filter((p) => !flagged.has(p as Correction['field']))
  if (locked.length)
    throw applicationsError(
      'application.field_locked',
      `Only the parts flagged for correction may change: ${locked.join(', ')}`,
      {
        fields: locked,
      },
    )
}

/** How often a save is re-applied when the draft changed between its read and its write. */
const SAVE_ATTEMPTS = 5

/**
 * Saves the fields given (a step of the form); the MRZ is checked for its shape and kept sealed.
 * The draft is read, judged and written back only if it is still as read (no transaction held
 * across the judgement: a citizen's steps are saved many times and seldom race).
 */
export async function patchApplication(ctx: AppContext, principal: Principal, id: string, body: PatchBody) {
  const fields = Object.keys(body).filter((k) => body[k as keyof PatchBody] !== undefined)
  const mrz = body.mrz !== undefined ? mrzLines(body.mrz) : undefined
  for (let attempt = 1; ; attempt++) {
    const row = await ownApplication(ctx, principal.userId, id)
    assertEditable(row, fields)
    if (body.reason && !REASONS_OF[row.service].includes(body.reason))
      throw applicationsError('application.bad_reason', `${body.reason} is no reason for ${row.service}`, {
        reasons: REASONS_OF[row.service],
      })
    const saved = await updateIfUnchanged(ctx.db, row, savedChanges(ctx, row, body, mrz))
    if (saved) return presentApplication(ctx, ctx.db, saved, false)
    if (attempt === SAVE_ATTEMPTS)
      throw applicationsError('application.save_conflict', 'The application changed while it was saved')
  }
}

const FORM_FIELDS = [
  'surname',
  'givenNames',
  'nameZh',
  'sex',
  'dateOfBirth',
  'birthPlace',
  'phone',
  'addressAbroad',
  'addressChina',
  'reason',
] as const

function savedChanges(
  ctx: AppContext,
  row: ApplicationRow,
  body: PatchBody,
  mrz: string[] | undefined,
): Parameters<typeof updateApplication>[2] {
  const form: ApplicationForm = { ...row.form }
  for (const key of FORM_FIELDS) {
    const v = body[key]
    if (v !== undefined)
      (form as Record<string, string>)[key] = key === 'surname' || key === 'givenNames' ? v.toUpperCase() : v
  }
  const changes: Parameters<typeof updateApplication>[2] = { updated_at: new Date() }
  if (body.currentPassport) {
    form.currentPassportExpiry = body.currentPassport.expiryDate
    Object.assign(changes, passportColumns(ctx.secrets, body.currentPassport.number))
  }
  if (mrz) changes.mrz_sealed = ctx.secrets.seal(mrz.join('\n'))
  changes.form = JSON.stringify(form)
  return changes
}

/** Every part a complete application still lacks, by the names PATCH and the uploads use. */
export async function missingParts(db: Db, row: ApplicationRow): Promise<string[]> {
  const missing: string[] = []
  const f = row.form as Record<string, unknown>
  for (const field of REQUIRED_FIELDS[row.service]) {
    const present =
      field === 'currentPassport'
        ? row.passport_sealed !== null && !!row.form.currentPassportExpiry
        : !!f[field]
    if (!present) missing.push(field)
  }
  if (!row.photo_sha256) missing.push('photo')
  if (!row.signature_sha256) missing.push('signature')
  const service = await serviceOfMission(db, row.mission_code, row.service)
  const held = new Set((await listUploads(db, row.id)).map((u) => u.kind))
  for (const kind of requiredUploads(service?.uploads ?? [], row.minor))
    if (!held.has(kind)) missing.push(kind)
  return missing
}

/** Submits a complete draft, or resubmits a corrected one; anything missing is named and nothing moves. */
export async function submitApplication(ctx: AppContext, principal: Principal, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await ownApplication(ctx, principal.userId, id, true, trx)
    if (!canMove(row.status, 'submitted'))
      throw applicationsError(
        'application.bad_transition',
        `An application that is ${row.status} cannot be submitted`,
        {
          from: row.status,
          to: 'submitted',
        },
      )
    const missing = await missingParts(trx, row)
    if (missing.length)
      throw applicationsError('application.incomplete', `Still missing: ${missing.join(', ')}`, { missing })
    const now = new Date()
    await updateApplication(trx, id, {
      status: 'submitted',
      submitted_at: now,
      updated_at: now,
      corrections: '[]',
    })
    await registerReportedLoss(trx, row, now)
    await addEvent(trx, {
      id: uuidv7(),
      applicationId: id,
      kind: 'submitted',
      from: row.status,
      to: 'submitted',
      actorId: principal.userId,
      at: now,
    })
    return { status: 'submitted' as const, reference: row.reference }
  })
}

export async function withdrawApplication(ctx: AppContext, principal: Principal, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await ownApplication(ctx, principal.userId, id, true, trx)
    if (!canMove(row.status, 'withdrawn'))
      throw applicationsError(
        'application.bad_transition',
        `An application that is ${row.status} cannot be withdrawn`,
        {
          from: row.status,
          to: 'withdrawn',
        },
      )
    const now = new Date()
    await updateApplication(trx, id, { status: 'withdrawn', updated_at: now, closed_at: now })
    await addEvent(trx, {
      id: uuidv7(),
      applicationId: id,
      kind: 'withdrawn',
      from: row.status,
      to: 'withdrawn',
      actorId: principal.userId,
      at: now,
    })
    return presentApplication(ctx, trx, { ...row, status: 'withdrawn', updated_at: now }, false)
  })
}

export async function getOwnApplication(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<Application> {
  return presentApplication(ctx, ctx.db, await ownApplication(ctx, principal.userId, id), false)
}

export async function listMyApplications(
  ctx: AppContext,
  principal: Principal,
): Promise<ApplicationSummary[]> {
  const rows = await listOwnApplications(ctx.db, principal.userId)
  const days = new Map<string, number>()
  for (const m of new Set(rows.map((r) => r.mission_code)))
    for (const s of await servicesOfMission(ctx.db, m)) days.set(`${m}/${s.code}`, s.processing_days)
  return rows.map((r) => toSummary(r, days.get(`${r.mission_code}/${r.service}`) ?? 30))
}

/** The acknowledgement PDF of a submitted application (a draft has none yet). */
export async function ownReceipt(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<{ reference: string; pdf: Buffer }> {
  const row = await ownApplication(ctx, principal.userId, id)
  if (row.status === 'draft')
    throw applicationsError(
      'application.not_submitted',
      'A receipt is given once the application is submitted',
    )
  const names = await missionNames(ctx.db, [row.mission_code])
  const name = names.get(row.mission_code) ?? { 'zh-CN': row.mission_code, en: row.mission_code }
  return {
    reference: row.reference,
    pdf: await receiptPdf(await presentApplication(ctx, ctx.db, row, false), name),
  }
}
