import type { AppContext } from '../../context.ts'
import { notFound } from '../../platform/errors/app-error.ts'
import { normalizeLocale } from '../../platform/i18n/locale.ts'
import { missionNames } from '../reference/index.ts'
import type { Me } from './auth.schema.ts'
import { isStaff, type Role } from './role.ts'
import { findUserById } from './user.repository.ts'

export async function loadMe(ctx: AppContext, userId: string, mfaPending: boolean): Promise<Me> {
  const user = await findUserById(ctx.db, userId)
  if (!user) throw notFound('user.not_found', 'No such account')
  const names = await missionNames(ctx.db, user.missions)
  return {
    id: user.id,
    email: user.email,
    phone: user.phone,
    name: user.name,
    locale: normalizeLocale(user.locale),
    roles: user.roles as Role[],
    missions: user.missions.map((code) => ({ code, name: names.get(code) ?? { 'zh-CN': code, en: code } })),
    mfa: {
      required: ctx.config.mfaRequired && isStaff(user.roles),
      enrolled: user.totp_enrolled_at !== null,
      pending: mfaPending,
    },
  }
}
