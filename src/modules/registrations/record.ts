import { sql } from 'kysely'
import type { Db } from '../../database.ts'
import { listDependantRows } from './dependant.repository.ts'
import { findLocation } from './location.repository.ts'
import { findProfileRow } from './profile.repository.ts'
import { maskPassport } from './profile.service.ts'
import type { EmergencyContact } from './registrations.table.ts'
import { listTripRows } from './trip.repository.ts'

/** A person's registry entry as staff read it: the passport masked, every trip of the last year and ahead. */
export interface StaffRecord {
  person: {
    id: string
    name: string
    email: string | null
    phone: string | null
    nameLatin: string | null
    nameZh: string | null
    dateOfBirth: string | null
    sex: string | null
    passportNumber: string | null
    consentToContact: boolean
    emergencyContacts: EmergencyContact[]
  }
  dependants: {
    id: string
    relation: string
    nameLatin: string
    nameZh: string | null
    dateOfBirth: string
    sex: string | null
    passportNumber: string | null
    phone: string | null
  }[]
  residence: {
    country: string
    city: string | null
    address: string | null
    since: string | null
    lat: number | null
    lon: number | null
  } | null
  trips: {
    id: string
    startDate: string
    endDate: string
    destinations: { country: string; city: string | null; lat: number | null; lon: number | null }[]
    travellers: string[]
  }[]
  /** The person's last shared "I am here now". */
  lastLocation: { lat: number; lon: number; country: string | null; at: string } | null
}

const TRIPS_BACK_DAYS = 365

/** The registry entry of a person, or null when there is no such account. */
export async function staffRecordOf(db: Db, userId: string, today = new Date()): Promise<StaffRecord | null> {
  const p = await findProfileRow(db, userId)
  if (!p) return null
  const [dependants, trips, location] = await Promise.all([
    listDependantRows(db, userId),
    listTripRows(db, userId),
    findLocation(db, userId),
  ])
  const back = new Date(today.getTime() - TRIPS_BACK_DAYS * 86_400_000).toISOString().slice(0, 10)
  return {
    person: {
      id: p.id,
      name: p.name,
      email: p.email,
      phone: p.phone ?? p.login_phone ?? null,
      nameLatin: p.name_latin,
      nameZh: p.name_zh,
      dateOfBirth: p.date_of_birth,
      sex: p.sex,
      passportNumber: maskPassport(p.passport_last4),
      consentToContact: p.consent_to_contact ?? false,
      emergencyContacts: p.emergency_contacts ?? [],
    },
    dependants: dependants.map((d) => ({
      id: d.id,
      relation: d.relation,
      nameLatin: d.name_latin,
      nameZh: d.name_zh,
      dateOfBirth: d.date_of_birth,
      sex: d.sex,
      passportNumber: maskPassport(d.passport_last4),
      phone: d.phone,
    })),
    residence: p.residence_country
      ? {
          country: p.residence_country,
          city: p.residence_city,
          address: p.residence_address,
          since: p.residence_since,
          lat: p.residence_lat,
          lon: p.residence_lon,
        }
      : null,
    trips: trips
      .filter((t) => t.end_date >= back)
      .reverse()
      .map((t) => ({
        id: t.id,
        startDate: t.start_date,
        endDate: t.end_date,
        destinations: t.destinations.map((d) => ({
          country: d.country,
          city: d.city,
          lat: d.lat,
          lon: d.lon,
        })),
        travellers: t.travellers,
      })),
    lastLocation: location
      ? {
          lat: location.lat,
          lon: location.lon,
          country: location.country,
          at: new Date(location.recorded_at).toISOString(),
        }
      : null,
  }
}

/** The emergency contacts of each of these people (for a case's page: who to call for them). */
export async function emergencyContactsOf(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, EmergencyContact[]>> {
  if (ids.length === 0) return new Map()
  const r = await sql<{ user_id: string; emergency_contacts: EmergencyContact[] | null }>`
    select user_id, emergency_contacts from profiles where user_id = any(${[...ids]}::uuid[])`.execute(db)
  return new Map(r.rows.map((x) => [x.user_id, x.emergency_contacts ?? []]))
}
