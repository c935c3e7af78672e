import type { AppContext } from '../../context.ts'
import type { SecretBox } from '../../platform/crypto/secret-box.ts'
import { setAccountLocale } from '../identity/index.ts'
import { unknownCountries } from '../reference/index.ts'
import {
  findProfileRow,
  type OwnProfileRow,
  type ProfileChanges,
  upsertProfile,
  upsertResidence,
} from './profile.repository.ts'
import { registrationError } from './registrations.errors.ts'
import type { ProfileBody, ResidenceBody } from './registrations.schema.ts'
import type { EmergencyContact } from './registrations.table.ts'

export function maskPassport(last4: string | null): string | null {
  return last4 ? `••••${last4}` : null
}

/** How a passport number is stored: sealed, a blind index for exact search, the last 4 to show. */
export function passportColumns(secrets: SecretBox, passport: string | null) {
  return {
    passport_sealed: passport ? secrets.seal(passport) : null,
    passport_digest: passport ? secrets.blindIndex(passport) : null,
    passport_last4: passport ? passport.slice(-4) : null,
  }
}

function toProfile(row: OwnProfileRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    nameLatin: row.name_latin ?? null,
    surname: row.surname ?? null,
    givenNames: row.given_names ?? null,
    nameZh: row.name_zh ?? null,
    dateOfBirth: row.date_of_birth ?? null,
    sex: row.sex ?? null,
    passportNumber: maskPassport(row.passport_last4 ?? null),
    phone: row.phone ?? row.login_phone ?? null,
    /** Whether the number shown was proved with a code sent to it. */
    phoneVerified: row.phone ? row.phone_verified_at != null : row.login_phone_verified_at != null,
    locale: (row.locale === 'en' ? 'en' : 'zh-CN') as 'en' | 'zh-CN',
    consentToContact: row.consent_to_contact ?? false,
    emergencyContacts: (row.emergency_contacts ?? []) as EmergencyContact[],
    residence: row.residence_country
      ? {
          country: row.residence_country,
          city: row.residence_city ?? null,
          address: row.residence_address ?? null,
          lat: row.residence_lat ?? null,
          lon: row.residence_lon ?? null,
          since: row.residence_since ?? null,
        }
      : null,
  }
}

export type Profile = ReturnType<typeof toProfile>

export async function getProfile(ctx: AppContext, userId: string): Promise<Profile> {
  const row = await findProfileRow(ctx.db, userId)
  if (!row) throw new Error(`no user ${userId}`)
  return toProfile(row)
}

function profileChanges(ctx: AppContext, body: ProfileBody): ProfileChanges {
  const changes: ProfileChanges = {}
  if (body.nameLatin !== undefined) changes.name_latin = body.nameLatin?.toUpperCase() ?? null
  if (body.surname !== undefined) changes.surname = body.surname?.toUpperCase() ?? null
  if (body.givenNames !== undefined) changes.given_names = body.givenNames?.toUpperCase() ?? null
  if (body.nameZh !== undefined) changes.name_zh = body.nameZh
  if (body.dateOfBirth !== undefined) {
    if (
      body.dateOfBirth &&
      (body.dateOfBirth > new Date().toISOString().slice(0, 10) || body.dateOfBirth < '1900-01-01')
    )
      throw registrationError(
        'profile.bad_date_of_birth',
        'The date of birth must lie between 1900 and today',
      )
    changes.date_of_birth = body.dateOfBirth
  }
  if (body.sex !== undefined) changes.sex = body.sex
  if (body.passportNumber !== undefined)
    Object.assign(changes, passportColumns(ctx.secrets, body.passportNumber))
  if (body.phone !== undefined) changes.phone = body.phone
  if (body.consentToContact !== undefined) changes.consent_to_contact = body.consentToContact
  if (body.emergencyContacts !== undefined)
    changes.emergency_contacts = JSON.stringify(body.emergencyContacts)
  return changes
}

/** Merges the fields given; fields left out keep their value, `null` clears one. */
export async function updateProfile(ctx: AppContext, userId: string, body: ProfileBody): Promise<Profile> {
  const changes = profileChanges(ctx, body)
  await ctx.db.transaction().execute(async (trx) => {
    await upsertProfile(trx, userId, changes)
    if (body.locale) await setAccountLocale(trx, userId, body.locale)
  })
  return getProfile(ctx, userId)
}

export async function setResidence(ctx: AppContext, userId: string, body: ResidenceBody): Promise<Profile> {
  if ((await unknownCountries(ctx.db, [body.country])).length > 0)
    throw registrationError('reference.unknown_country', `Unknown country ${body.country}`)
  await upsertResidence(ctx.db, userId, {
    country: body.country,
    city: body.city ?? null,
    address: body.address ?? null,
    lat: body.lat ?? null,
    lon: body.lon ?? null,
    since: body.since ?? null,
  })
  return getProfile(ctx, userId)
}
