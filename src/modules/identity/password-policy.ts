import { badRequest } from '../../platform/errors/app-error.ts'

const COMMON = new Set([
  'password123',
  'password1234',
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'qwerty12345',
  'iloveyou123',
  'abc1234567',
  'a123456789',
  'woaini1314',
  '1qaz2wsx3edc',
  'zaq12wsxcde',
  'admin12345',
  'welcome123',
  'letmein1234',
])

/** NIST 800-63B style: length over composition rules, plus a few obvious refusals. */
export function assertStrongPassword(password: string, identifiers: readonly (string | undefined)[]): void {
  const weak = (detail: string) => badRequest('auth.weak_password', detail)
  if (password.length < 10) throw weak('The password must be at least 10 characters long')
  if (new Set(password).size < 5) throw weak('The password repeats too few different characters')
  const lower = password.toLowerCase()
  if (COMMON.has(lower)) throw weak('This password is too common')
  for (const id of identifiers) {
    const local = id?.split('@')[0]?.toLowerCase()
    if (local && local.length >= 4 && lower.includes(local)) {
      throw weak('The password must not contain your e-mail address or phone number')
    }
  }
}
