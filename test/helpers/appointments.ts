import { solveChallenge } from 'altcha-lib/v1'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { expect } from 'vitest'
import type { AppContext } from '../../src/context.ts'
import { registerCitizen, type Session } from './http.ts'

/** What the ALTCHA widget does: fetch a challenge, find the number, send base64 JSON back. */
export async function solvedAltcha(app: FastifyInstance, cookie?: string): Promise<string> {
  const res = await app.inject({
    method: 'GET',
    url: '/api/v1/appointments/challenge',
    ...(cookie ? { headers: { cookie } } : {}),
  })
  expect(res.statusCode, res.body).toBe(200)
  const c = res.json() as {
    algorithm: string
    challenge: string
    maxnumber: number
    salt: string
    signature: string
  }
  const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise
  if (!solution) throw new Error('the challenge was not solved')
  return Buffer.from(
    JSON.stringify({
      algorithm: c.algorithm,
      challenge: c.challenge,
      number: solution.number,
      salt: c.salt,
      signature: c.signature,
    }),
  ).toString('base64')
}

let passportSeq = 0

/**
 * A factory's shortcut for what `POST /me/email` and its link do (booking.email.test.ts goes
 * through them): the account's e-mail counts as verified, as the demo seed marks its citizen.
 */
export async function markEmailVerified(ctx: AppContext, userId: string): Promise<void> {
  await sql`update users set email_verified_at = now() where id = ${userId}`.execute(ctx.db)
}

/**
 * A citizen with a verified e-mail whose profile has the name and passport number a booking is
 * bound to (`verified: false` leaves the e-mail unproved).
 */
export async function citizenWithPassport(
  rt: { app: FastifyInstance; ctx: AppContext },
  locale: 'en' | 'zh-CN' = 'en',
  { verified = true } = {},
): Promise<Session> {
  const app = rt.app
  const me = await registerCitizen(app)
  if (verified) await markEmailVerified(rt.ctx, me.userId)
  passportSeq++
  const res = await app.inject({
    method: 'PUT',
    url: '/api/v1/me/profile',
    headers: { cookie: me.cookie },
    payload: {
      surname: 'Wang',
      givenNames: 'Fang',
      nameZh: '王芳',
      passportNumber: `E${process.pid % 1000}${String(Date.now() % 1e6).padStart(6, '0')}${passportSeq}`,
      locale,
    },
  })
  expect(res.statusCode, res.body).toBe(200)
  return me
}

/** An IANA zone whose local time now is around noon (Etc/GMT signs are inverted), so "today" has hours left. */
export function noonZone(now = new Date()): string {
  const offset = 12 - now.getUTCHours()
  if (offset === 0) return 'Etc/GMT'
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`
}
