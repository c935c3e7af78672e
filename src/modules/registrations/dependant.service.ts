import type { Updateable } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import {
  countDependantsForUpdate,
  deleteDependant,
  insertDependant,
  listDependantRows,
  listSealedPassports,
  type ShownDependantRow,
  updateDependant,
} from './dependant.repository.ts'
import type { DependantBody, DependantChanges } from './dependant.schema.ts'
import { maskPassport, passportColumns } from './profile.service.ts'
import { registrationError } from './registrations.errors.ts'
import type { DependantsTable } from './registrations.table.ts'

/** Enough for a large family; more suggests a group tour, which is an enterprise's registration. */
export const MAX_DEPENDANTS = 20

function toDependant(row: ShownDependantRow) {
  return {
    id: row.id,
    nameLatin: row.name_latin,
    nameZh: row.name_zh,
    dateOfBirth: row.date_of_birth,
    sex: row.sex,
    passportNumber: maskPassport(row.passport_last4),
    relation: row.relation,
    phone: row.phone,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  }
}

function checkDateOfBirth(date: string): void {
  if (date > new Date().toISOString().slice(0, 10) || date < '1900-01-01')
    throw registrationError(
      'dependant.bad_date_of_birth',
      'The date of birth must lie between 1900 and today',
    )
}

export async function listDependants(ctx: AppContext, userId: string) {
  return (await listDependantRows(ctx.db, userId)).map(toDependant)
}

export async function getDependant(ctx: AppContext, userId: string, id: string) {
  const [row] = await listDependantRows(ctx.db, userId, id)
  if (!row) throw registrationError('dependant.not_found', 'No such dependant')
  return toDependant(row)
}

export async function createDependant(ctx: AppContext, userId: string, body: DependantBody) {
  checkDateOfBirth(body.dateOfBirth)
  const id = uuidv7()
  await ctx.db.transaction().execute(async (trx) => {
    if ((await countDependantsForUpdate(trx, userId)) >= MAX_DEPENDANTS)
      throw registrationError('dependant.too_many', `At most ${MAX_DEPENDANTS} dependants can be added`, {
        limit: MAX_DEPENDANTS,
      })
    await insertDependant(trx, userId, id, {
      relation: body.relation,
      name_latin: body.nameLatin.toUpperCase(),
      name_zh: body.nameZh ?? null,
      date_of_birth: body.dateOfBirth,
      sex: body.sex ?? null,
      phone: body.phone ?? null,
      ...passportColumns(ctx.secrets, body.passportNumber ?? null),
    })
  })
  return getDependant(ctx, userId, id)
}

export async function changeDependant(ctx: AppContext, userId: string, id: string, body: DependantChanges) {
  const changes: Updateable<DependantsTable> = {}
  if (body.nameLatin !== undefined) changes.name_latin = body.nameLatin.toUpperCase()
  if (body.nameZh !== undefined) changes.name_zh = body.nameZh
  if (body.dateOfBirth !== undefined) {
    checkDateOfBirth(body.dateOfBirth)
    changes.date_of_birth = body.dateOfBirth
  }
  if (body.sex !== undefined) changes.sex = body.sex
  if (body.relation !== undefined) changes.relation = body.relation
  if (body.phone !== undefined) changes.phone = body.phone
  if (body.passportNumber !== undefined)
    Object.assign(changes, passportColumns(ctx.secrets, body.passportNumber))
  if (!(await updateDependant(ctx.db, userId, id, changes)))
    throw registrationError('dependant.not_found', 'No such dependant')
  return getDependant(ctx, userId, id)
}

/** Removing a dependant also takes them off every trip they were listed on. */
export async function removeDependant(ctx: AppContext, userId: string, id: string): Promise<void> {
  if (!(await deleteDependant(ctx.db, userId, id)))
    throw registrationError('dependant.not_found', 'No such dependant')
}

/** The person's dependants with passports in full, for their own export. */
export async function exportDependants(ctx: AppContext, userId: string) {
  const sealed = new Map((await listSealedPassports(ctx.db, userId)).map((r) => [r.id, r.passport_sealed]))
  return (await listDependantRows(ctx.db, userId)).map((row) => {
    const passport = sealed.get(row.id)
    return { ...toDependant(row), passportNumber: passport ? ctx.secrets.open(passport) : null }
  })
}
