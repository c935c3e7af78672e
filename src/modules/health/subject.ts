import type { AppContext } from '../../context.ts'
import type { Principal } from '../../platform/http/access.ts'
import { certificateNames } from '../registrations/index.ts'
import { healthError } from './health.errors.ts'
import { siteOfClinician } from './site.repository.ts'

/**
 * What every record a clinician enters (dose, test, recovery) checks first: the clinician's own site
 * (another site 404, none 403), then the person and the names a certificate carries.
 */
export async function clinicianSite(ctx: AppContext, principal: Principal, siteId: string) {
  const site = await siteOfClinician(ctx.db, principal.userId)
  if (!site) throw healthError('health.no_site', 'Your account is not assigned to a vaccination site')
  if (site.id !== siteId) throw healthError('health.site_not_found', 'No such vaccination site of yours')
  return site
}

export async function certificateHolder(ctx: AppContext, personId: string) {
  const names = await certificateNames(ctx, personId)
  if (!names) throw healthError('health.person_not_found', 'No such person')
  if (!names.surname)
    throw healthError(
      'health.no_names',
      'The person has no Latin surname in their profile (as in the passport)',
    )
  if (!names.dateOfBirth)
    throw healthError('health.no_date_of_birth', 'The person has no date of birth in their profile')
  return { surname: names.surname, givenNames: names.givenNames, dateOfBirth: names.dateOfBirth }
}
