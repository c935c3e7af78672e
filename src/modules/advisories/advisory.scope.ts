import type { AppContext } from '../../context.ts'
import type { Principal } from '../../platform/http/access.ts'
import { visibleCountries } from '../identity/index.ts'
import { unknownCountries } from '../reference/index.ts'
import { advisoryError } from './advisories.errors.ts'

/** Officers draft for the countries their missions cover; duty officers for any. */
export async function assertMayDraft(ctx: AppContext, principal: Principal, country: string): Promise<void> {
  const scope = await visibleCountries(ctx.db, principal)
  if (scope && !scope.includes(country))
    throw advisoryError('advisory.out_of_scope', `Your missions do not cover ${country}`)
}

export async function assertCountry(ctx: AppContext, country: string): Promise<void> {
  if ((await unknownCountries(ctx.db, [country])).length > 0)
    throw advisoryError('reference.unknown_country', `Unknown country ${country}`)
}
