import type { AppContext } from '../../context.ts'
import { maskPassport } from '../registrations/index.ts'
import { reportsLoss as needsSecondApprover, signerOf } from './application.rules.ts'
import type { Application, ApplicationSummary, MrzMismatch } from './application.schema.ts'
import type { Reason } from './applications.enums.ts'
import type {
  ApplicationEventRow,
  ApplicationRow,
  ApplicationUploadRow,
  Correction,
  PhotoCheck,
} from './applications.table.ts'
import { parseTd3 } from './mrz.ts'

const iso = (d: Date | string) => new Date(d).toISOString()
const upper = (s: string) =>
  s
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim()

/** Each field typed that the MRZ of the current passport says otherwise. */
export function mrzMismatches(ctx: AppContext, row: ApplicationRow): MrzMismatch[] {
  if (!row.mrz_sealed) return []
  let mrz: ReturnType<typeof parseTd3>
  try {
    mrz = parseTd3(ctx.secrets.open(row.mrz_sealed))
  } catch {
    return []
  }
  const f = row.form
  const number = row.passport_sealed ? ctx.secrets.open(row.passport_sealed) : undefined
  const pairs: [string, string | undefined, string | null, (s: string) => string][] = [
    ['surname', f.surname, mrz.surname, upper],
    ['givenNames', f.givenNames, mrz.givenNames, upper],
    ['sex', f.sex, mrz.sex, (s) => s],
    ['dateOfBirth', f.dateOfBirth, mrz.dateOfBirth, (s) => s],
    ['currentPassport.number', number, mrz.documentNumber, (s) => s.toUpperCase()],
    ['currentPassport.expiryDate', f.currentPassportExpiry, mrz.expiryDate, (s) => s],
  ]
  const out: MrzMismatch[] = []
  for (const [field, typed, read, norm] of pairs)
    if (typed && read && norm(typed) !== norm(read)) out.push({ field, typed, mrz: read })
  if (!mrz.valid) out.push({ field: 'mrz', typed: '', mrz: 'check digits do not match' })
  return out
}

export function isOverdue(row: ApplicationRow, processingDays: number, now = new Date()): boolean {
  if (!row.submitted_at || ['refused', 'withdrawn', 'collected', 'posted', 'ready'].includes(row.status))
    return false
  return now.getTime() - new Date(row.submitted_at).getTime() > processingDays * 86_400_000
}

export interface ViewParts {
  readonly events: readonly ApplicationEventRow[]
  readonly uploads: readonly ApplicationUploadRow[]
  readonly requiredUploads: readonly Application['requiredUploads'][number][]
  /** Staff see the passport number in full (their read is audited), the citizen its last 4. */
  readonly staff: boolean
  readonly processingDays: number
  readonly invalidated?: { reason: string; reported_at: string; application_id: string | null } | null
}

export function toApplication(ctx: AppContext, row: ApplicationRow, parts: ViewParts): Application {
  const f = row.form
  const number = row.passport_sealed
    ? parts.staff
      ? ctx.secrets.open(row.passport_sealed)
      : (maskPassport(row.passport_last4) ?? '')
    : null
  return {
    id: row.id,
    reference: row.reference,
    service: row.service,
    mission: row.mission_code,
    status: row.status,
    dependantId: row.dependant_id,
    ...(parts.staff ? { applicantUserId: row.user_id } : {}),
    form: {
      surname: f.surname ?? null,
      givenNames: f.givenNames ?? null,
      nameZh: f.nameZh ?? null,
      sex: f.sex ?? null,
      dateOfBirth: f.dateOfBirth ?? null,
      birthPlace: f.birthPlace ?? null,
      phone: f.phone ?? null,
      addressAbroad: f.addressAbroad ?? null,
      addressChina: f.addressChina ?? null,
      reason: (f.reason as Reason | undefined) ?? null,
      currentPassport: number !== null ? { number, expiryDate: f.currentPassportExpiry ?? null } : null,
      mrz: row.mrz_sealed !== null,
    },
    mrzMismatches: mrzMismatches(ctx, row),
    photo: row.photo_sha256 ? { checks: row.photo_checks ?? [] } : null,
    signature: row.signature_sha256 !== null,
    signer: signerOf(row),
    uploads: parts.uploads.map((u) => ({
      id: u.id,
      kind: u.kind,
      name: u.file_name,
      size: Number(u.size),
      mediaType: u.media_type,
      uploadedAt: iso(u.uploaded_at),
    })),
    requiredUploads: [...parts.requiredUploads],
    fee: {
      amount: Number(row.fee_amount),
      currency: row.fee_currency.trim(),
      paid: row.payment_receipt !== null,
      online: ctx.config.payment !== undefined,
    },
    corrections: row.status === 'returned' ? (row.corrections as Correction[]) : [],
    timeline: parts.events
      .filter((e) => parts.staff || !e.internal)
      .map((e) => ({
        at: iso(e.at),
        kind: e.kind,
        from: e.from_status,
        to: e.to_status,
        reason: e.reason,
        internal: e.internal,
      })),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    submittedAt: row.submitted_at ? iso(row.submitted_at) : null,
    ...(parts.staff ? { overdue: isOverdue(row, parts.processingDays) } : {}),
    filesPurgedAt: row.files_purged_at ? iso(row.files_purged_at) : null,
    ...(parts.staff
      ? {
          invalidatedDocument: parts.invalidated
            ? {
                reason: parts.invalidated.reason as 'lost' | 'stolen' | 'other',
                since: iso(parts.invalidated.reported_at),
                ownReport: parts.invalidated.application_id === row.id,
              }
            : null,
          approval: {
            required: needsSecondApprover(row) ? 2 : 1,
            firstApproverId: row.first_approver,
            firstApprovedAt: row.first_approved_at ? iso(row.first_approved_at) : null,
          },
        }
      : {}),
  }
}

export function toSummary(row: ApplicationRow, processingDays: number): ApplicationSummary {
  const f = row.form
  const name = [f.surname, f.givenNames].filter(Boolean).join(' ')
  return {
    id: row.id,
    reference: row.reference,
    service: row.service,
    mission: row.mission_code,
    status: row.status,
    applicant: name || null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    submittedAt: row.submitted_at ? iso(row.submitted_at) : null,
    overdue: isOverdue(row, processingDays),
    photoFlagged: ((row.photo_checks ?? []) as PhotoCheck[]).some((c) => !c.passed),
  }
}
