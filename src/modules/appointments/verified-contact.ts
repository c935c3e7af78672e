import type { AppContext } from '../../context.ts'
import type { Principal } from '../../platform/http/access.ts'
import { hasVerifiedContact } from '../identity/index.ts'
import { appointmentsError } from './appointments.errors.ts'

/**
 * Booking and the waitlist need a signed-in citizen who has proved a phone number or an e-mail
 * address: a bot farm then needs a working inbox or SIM per account, not only a password.
 * 403 `appointment.unverified` otherwise.
 */
export async function requireVerifiedContact(ctx: AppContext, principal: Principal): Promise<void> {
  if (!(await hasVerifiedContact(ctx.db, principal.userId)))
    throw appointmentsError(
      'appointment.unverified',
      'Verify your e-mail address or phone number (account settings) before booking',
    )
}
