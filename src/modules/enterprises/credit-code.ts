/**
 * The unified social credit code of GB 32100-2015: 18 characters from a 31-character alphabet
 * (digits and capital letters without I, O, Z, S, V). The 18th is the check character: with
 * weights 3^i mod 31 over the first 17, check = 31 − (Σ value × weight mod 31), 31 written as 0.
 * No imports: the web app checks the field with the same code.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const

/** The check character the first 17 characters call for, or null when one is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i))
    if (value < 0) return null
    sum += value * (CREDIT_CODE_WEIGHTS[i] as number)
  }
  const r = 31 - (sum % 31)
  return CREDIT_CODE_ALPHABET.charAt(r === 31 ? 0 : r)
}

/** Normalises (trim, upper case) for storage and comparison. */
export function normaliseCreditCode(code: string): string {
  return code.trim().toUpperCase()
}

/** True when the code has 18 characters of the alphabet and its check character is right. */
export function isValidCreditCode(code: string): boolean {
  const c = normaliseCreditCode(code)
  if (!/^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(c)) return false
  return creditCodeCheckChar(c.slice(0, 17)) === c.charAt(17)
}
