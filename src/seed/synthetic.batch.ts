import type { Kysely } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { Database } from '../database.ts'
import { insertCitizens, type NewCitizen } from '../modules/identity/index.ts'
import {
  insertProfiles,
  insertResidences,
  insertTrips,
  type NewProfile,
  type NewResidence,
  type NewTrip,
  passportColumns,
} from '../modules/registrations/index.ts'
import type { SecretBox } from '../platform/crypto/secret-box.ts'
import { type PersonOptions, type SyntheticPerson, syntheticPerson } from './synthetic.people.ts'

export interface Batch {
  readonly citizens: NewCitizen[]
  readonly profiles: NewProfile[]
  readonly residences: NewResidence[]
  readonly trips: NewTrip[]
  readonly destinations: number
  /** Time spent sealing passport numbers and computing their blind index. */
  readonly sealMs: number
}

export function batchRows(b: Batch): number {
  // users and user_roles count once each per citizen.
  return b.citizens.length * 2 + b.profiles.length + b.residences.length + b.trips.length + b.destinations
}

/** People [from, to) as rows, with ids minted as the app mints them (UUIDv7). */
export function buildBatch(
  secrets: SecretBox,
  from: number,
  to: number,
  options: PersonOptions,
  person: (index: number, options: PersonOptions) => SyntheticPerson = syntheticPerson,
): Batch {
  const batch: Batch = { citizens: [], profiles: [], residences: [], trips: [], destinations: 0, sealMs: 0 }
  let sealMs = 0
  let destinations = 0
  for (let i = from; i < to; i++) {
    const p = person(i, options)
    const id = uuidv7()
    batch.citizens.push({ id, email: p.email, name: p.name, locale: p.locale })
    const sealStart = performance.now()
    const passport = passportColumns(secrets, p.passportNumber)
    sealMs += performance.now() - sealStart
    batch.profiles.push({
      user_id: id,
      name_latin: p.nameLatin,
      name_zh: p.nameZh,
      date_of_birth: p.dateOfBirth,
      sex: p.sex,
      ...passport,
      phone: p.phone,
      consent_to_contact: p.consentToContact,
      emergency_contacts: JSON.stringify(p.emergencyContacts),
    })
    if (p.residence) batch.residences.push({ user_id: id, ...p.residence })
    for (const t of p.trips) {
      batch.trips.push({
        id: uuidv7(),
        user_id: id,
        start_date: t.startDate,
        end_date: t.endDate,
        destinations: [...t.destinations],
      })
      destinations += t.destinations.length
    }
  }
  return { ...batch, destinations, sealMs }
}

/** One batch, all or nothing. */
export async function writeBatch(db: Kysely<Database>, batch: Batch, passwordHash: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await insertCitizens(trx, batch.citizens, passwordHash)
    await insertProfiles(trx, batch.profiles)
    await insertResidences(trx, batch.residences)
    await insertTrips(trx, batch.trips)
  })
}
