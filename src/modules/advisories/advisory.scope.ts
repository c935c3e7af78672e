import type { AppContext } from '../../context.ts'
import { forbidden, notFound } from '../../platform/errors/app-error.ts'
import type { Principal } from '../../platform/http/access.ts'
import { visibleCountries } from '../identity/index.ts'
import { unknownCountries } from '../reference/index.ts'

/** Officers draft for the countries their missions cover; duty officers for any (null). */
export function draftableCountries(ctx: AppContext, principal: Principal): Promise<string[] | null> {
  return visibleCountries(ctx.db, principal)
}

export async function assertMayDraft(ctx: AppContext, principal: Principal, country: string): Promise<void> {
  const scope = await draftableCountries(ctx, principal)
  if (scope && !scope.includes(country))
    throw forbidden('advisory.out_of_scope', `Your missions do not cover ${country}`)
}

export async function assertCountry(ctx: AppContext, country: string): Promise<void> {
  if ((await unknownCountries(ctx.db, [country])).length > 0)
    throw notFound('reference.unknown_country', `Unknown country ${country}`)
}
