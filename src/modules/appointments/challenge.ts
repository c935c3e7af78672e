import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1'
import { sql } from 'kysely'
import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import type { Db } from '../../database.ts'

// ALTCHA v1 (SHA-256): the server signs a challenge whose salt carries its expiry, purpose and
// cost; the client finds the number; the server checks the signature, expiry, purpose and cost,
// and spends the signature so a solution buys one booking or waitlist entry only.
const TTL_MS = 10 * 60_000
const PURPOSE = 'appointments'

export const challengeResponse = z.strictObject({
  algorithm: z.string(),
  challenge: z.string(),
  maxnumber: z.number().int(),
  salt: z.string(),
  signature: z.string(),
})
export type AppointmentChallenge = z.infer<typeof challengeResponse>

const payloadShape = z.object({
  algorithm: z.literal('SHA-256'),
  challenge: z.string().max(200),
  number: z.number().int().min(0),
  salt: z.string().max(500),
  signature: z.string().max(200),
})

function hmacKey(ctx: AppContext): string {
  return ctx.signer.sign('altcha', [PURPOSE])
}

/** How hard a challenge is: the configured cost, times four for an account that books and cancels repeatedly. */
export function costFor(ctx: AppContext, recentCancellations: number): number {
  const base = ctx.config.appointments.altchaMaxNumber
  return recentCancellations >= 3 ? base * 4 : base
}

export async function issueChallenge(ctx: AppContext, cost: number): Promise<AppointmentChallenge> {
  const c = await createChallenge({
    algorithm: 'SHA-256',
    hmacKey: hmacKey(ctx),
    maxnumber: cost,
    expires: new Date(Date.now() + TTL_MS),
    params: { purpose: PURPOSE, cost: String(cost) },
  })
  return {
    algorithm: c.algorithm,
    challenge: c.challenge,
    maxnumber: c.maxnumber ?? cost,
    salt: c.salt,
    signature: c.signature,
  }
}

function decode(payload: string): z.infer<typeof payloadShape> | null {
  try {
    const parsed = payloadShape.safeParse(JSON.parse(Buffer.from(payload, 'base64').toString('utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** The signature of a valid, unexpired solution of at least this cost, or null. Nothing is spent yet. */
export async function checkSolution(ctx: AppContext, payload: string | undefined, minCost: number) {
  if (!payload) return null
  const p = decode(payload)
  if (!p) return null
  if (!(await verifySolution(p, hmacKey(ctx), true))) return null
  const params = extractParams(p)
  if (params.purpose !== PURPOSE || !(Number(params.cost) >= minCost)) return null
  return { signature: p.signature, expiresAt: new Date(Number(params.expires) * 1000) }
}

/** Spends a checked solution inside the caller's transaction: false when it was used before. */
export async function spendSolution(db: Db, s: { signature: string; expiresAt: Date }): Promise<boolean> {
  const r = await db
    .insertInto('appointment_challenges')
    .values({ signature: s.signature, expires_at: s.expiresAt })
    .onConflict((oc) => oc.column('signature').doNothing())
    .returning('signature')
    .executeTakeFirst()
  return r !== undefined
}

/** Forgets spent challenges that have expired anyway. */
export async function purgeSpentChallenges(db: Db): Promise<void> {
  await sql`delete from appointment_challenges where expires_at < now() - interval '1 minute'`.execute(db)
}
