import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { sha256Hex } from '../../platform/crypto/tokens.ts'
import type { Principal } from '../../platform/http/access.ts'
import type { RequestMeta } from './auth.service.ts'
import { identityError } from './identity.errors.ts'
import * as sessions from './session.repository.ts'

/**
 * A session's id as its owner sees it: a digest of the stored key (itself the digest of the
 * cookie), so the list gives nothing that would let anyone act as that session.
 */
const publicId = (storedId: string) => sha256Hex(`session:${storedId}`).slice(0, 32)

/** "Chrome on Android", "Safari on iPhone" … from the user agent, or null when it says nothing known. */
export function deviceOf(userAgent: string | null): string | null {
  if (!userAgent) return null
  const ua = userAgent
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /(Chrome|Chromium|CriOS)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : /MicroMessenger/.test(ua)
            ? 'WeChat'
            : null
  const os = /iPhone|iPad/.test(ua)
    ? /iPad/.test(ua)
      ? 'iPad'
      : 'iPhone'
    : /Android/.test(ua)
      ? 'Android'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null
  if (browser && os) return `${browser} · ${os}`
  return browser ?? os
}

export async function listMySessions(ctx: AppContext, principal: Principal) {
  const rows = await sessions.listUserSessions(ctx.db, principal.userId, ctx.config.session.idleMs)
  return {
    sessions: rows.map((r) => ({
      id: publicId(r.id),
      device: deviceOf(r.user_agent),
      userAgent: r.user_agent,
      createdAt: new Date(r.created_at).toISOString(),
      lastSeenAt: new Date(r.last_seen_at).toISOString(),
      current: r.id === principal.sessionId,
    })),
  }
}

/** Ends one of my sessions (the current one too: that signs me out). */
export async function endMySession(ctx: AppContext, principal: Principal, id: string, meta: RequestMeta) {
  const rows = await sessions.listUserSessions(ctx.db, principal.userId, ctx.config.session.idleMs)
  const row = rows.find((r) => publicId(r.id) === id)
  if (!row || !(await sessions.deleteUserSession(ctx.db, principal.userId, row.id)))
    throw identityError('session.not_found', 'No such session of yours')
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'auth.session_ended',
    subjectType: 'user',
    subjectId: principal.userId,
    ip: meta.ip,
  })
  return { current: row.id === principal.sessionId }
}

export async function endOtherSessions(ctx: AppContext, principal: Principal, meta: RequestMeta) {
  const ended = await sessions.deleteOtherSessions(ctx.db, principal.userId, principal.sessionId)
  await recordAudit(ctx.db, {
    actorId: principal.userId,
    actorRoles: principal.roles,
    action: 'auth.sessions_ended',
    subjectType: 'user',
    subjectId: principal.userId,
    ip: meta.ip,
    details: { ended },
  })
  return { ended }
}
