import type { AppContext } from '../../context.ts'
import type { Principal } from '../../platform/http/access.ts'

/**
 * Booking needs a signed-in citizen with a verified phone or e-mail. Until identity's verification
 * routes land, a signed-in citizen is enough (the route's access already says so): this is the one
 * place to make the check once they exist.
 */
export async function requireVerifiedContact(_ctx: AppContext, _principal: Principal): Promise<void> {}
