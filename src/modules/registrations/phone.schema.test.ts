import { describe, expect, it } from 'vitest'
import { phoneSchema, toE164 } from './phone.schema.ts'

describe('E.164 phone numbers', () => {
  it('normalises what people paste, and refuses what is no valid number', () => {
    expect(toE164('+86 138-0013-8000')).toBe('+8613800138000')
    expect(toE164('0086 (138) 0013 8000')).toBe('+8613800138000')
    // An unencoded + in a query string arrives as a space.
    expect(toE164(' 33612345678')).toBe('+33612345678')
    expect(toE164('13800138000')).toBeNull()
    expect(toE164('+861')).toBeNull()
    expect(toE164('')).toBeNull()
  })

  it('takes only the E.164 form in a request, in its canonical form', () => {
    expect(phoneSchema.parse('+8613800138000')).toBe('+8613800138000')
    for (const bad of ['+86 138 0013 8000', '008613800138000', '+1234', '8613800138000', 'phone'])
      expect(phoneSchema.safeParse(bad).success).toBe(false)
  })
})
