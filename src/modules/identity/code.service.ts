import { randomInt } from 'node:crypto'
import type { Transaction } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import type { Database, Db } from '../../database.ts'
import { normalizeLocale } from '../../platform/i18n/locale.ts'
import { sendDirect } from '../notifications/index.ts'
import { codeText } from './account.messages.ts'
import * as codes from './code.repository.ts'
import type { CodePurpose } from './identity.table.ts'

/**
 * The rules for codes sent by SMS: 6 digits, 10 minutes, 5 tries each; one code per number and
 * purpose a minute (a newer code replaces the older one). The per-address limit is the routes'.
 */
export const CODE_TTL_MS = 10 * 60_000
export const CODE_MAX_ATTEMPTS = 5
export const CODE_COOLDOWN_SECONDS = 60

/** Keyed, so the table of codes gives nothing away even with its 10⁶ possible values. */
function hashCode(ctx: AppContext, id: string, code: string): string {
  return ctx.signer.sign('sms-code', [id, code])
}

export function newCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0')
}

/** Seconds the number must still wait before another code of this purpose (0: it may have one now). */
export async function cooldownSeconds(db: Db, purpose: CodePurpose, target: string) {
  const age = await codes.secondsSinceLastCode(db, purpose, target)
  return age === null ? 0 : Math.max(0, Math.ceil(CODE_COOLDOWN_SECONDS - age))
}

/**
 * Writes a code for the number (also when no account has it, so that cooldowns do not tell them
 * apart) and texts it when `send` says whom it is for.
 */
export async function issueCode(
  ctx: AppContext,
  trx: Transaction<Database>,
  input: {
    purpose: CodePurpose
    target: string
    userId: string | null
    locale: string | null
    send: boolean
  },
): Promise<void> {
  const id = uuidv7()
  const code = newCode()
  await codes.insertCode(trx, {
    id,
    purpose: input.purpose,
    target: input.target,
    user_id: input.userId,
    code_hash: hashCode(ctx, id, code),
    expires_at: new Date(Date.now() + CODE_TTL_MS),
  })
  if (input.send)
    await sendDirect(
      ctx,
      {
        channel: 'sms',
        to: input.target,
        text: codeText(normalizeLocale(input.locale), code, input.purpose),
      },
      trx,
    )
}

/**
 * Spends one try of the newest live code; the code when the one given is right (it is used now),
 * else undefined. A wrong code, none at all and one out of tries are not told apart.
 */
export async function checkCode(
  ctx: AppContext,
  purpose: CodePurpose,
  by: { target: string } | { userId: string },
  given: string,
): Promise<codes.LiveCode | undefined> {
  const live = await codes.claimCodeAttempt(ctx.db, purpose, by, CODE_MAX_ATTEMPTS)
  if (!live) return undefined
  if (!ctx.signer.verify('sms-code', [live.id, given], live.code_hash)) return undefined
  return (await codes.spendCode(ctx.db, live.id)) ? live : undefined
}
