import type { AppContext } from '../../context.ts'
import { normalizeLocale } from '../../platform/i18n/locale.ts'
import { healthSiteOf } from '../health/index.ts'
import { missionNames } from '../reference/index.ts'
import type { Me } from './auth.schema.ts'
import { identityError } from './identity.errors.ts'
import { isStaff } from './role.ts'
import { findUserById } from './user.repository.ts'

export async function loadMe(ctx: AppContext, userId: string, mfaPending: boolean): Promise<Me> {
  const user = await findUserById(ctx.db, userId)
  if (!user) throw identityError('user.not_found', 'No such account')
  const names = await missionNames(ctx.db, user.mission_codes)
  const healthSite = user.roles.includes('clinician') ? await healthSiteOf(ctx, user.id) : null
  return {
    id: user.id,
    email: user.email,
    emailVerified: user.email !== null && user.email_verified_at !== null,
    phone: user.phone,
    phoneVerified: user.phone !== null && user.phone_verified_at !== null,
    name: user.name,
    locale: normalizeLocale(user.locale),
    roles: user.roles,
    missions: user.mission_codes.map((code) => ({
      code,
      name: names.get(code) ?? { 'zh-CN': code, en: code },
    })),
    mfa: {
      required: ctx.config.mfaRequired && isStaff(user.roles),
      enrolled: user.totp_enrolled_at !== null,
      pending: mfaPending,
    },
    ...(healthSite ? { healthSite } : {}),
  }
}
