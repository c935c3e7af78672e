import { describe, expect, it } from 'vitest'
import { assertStrongPassword, judgePassword, personalWords } from './password-policy.ts'

describe('password strength', () => {
  it('scores the passwords people pick first below 3, passphrases above', () => {
    for (const weak of ['password12', 'Password1!', 'qwertyuiop1', 'lingshi-demo', 'consular2026'])
      expect(judgePassword(weak, []).score, weak).toBeLessThan(3)
    for (const strong of ['correct horse battery', 'a long enough passphrase', 'Tr0ub4dor&3 lantern'])
      expect(judgePassword(strong, []).score, strong).toBeGreaterThanOrEqual(3)
  })

  it("takes the e-mail's parts, the phone's digits and the name as known words", () => {
    const words = personalWords({
      email: 'li.ming+travel@mofa-example.cn',
      phone: '+8613800138000',
      name: 'Li Ming',
    })
    expect(words).toEqual(
      expect.arrayContaining([
        'li.ming+travel',
        'ming',
        'travel',
        'mofa-example',
        '8613800138000',
        '00138000',
      ]),
    )
    expect(judgePassword('mofa-example8000', []).score).toBeGreaterThanOrEqual(3)
    expect(judgePassword('mofa-example8000', words).score).toBeLessThan(3)
    expect(judgePassword('li.ming+travel1', words).score).toBeLessThan(3)
  })

  it('refuses with stable feedback keys the web app translates', () => {
    try {
      assertStrongPassword('Password1!', [])
      expect.unreachable()
    } catch (err) {
      expect(err).toMatchObject({ status: 400, code: 'auth.weak_password' })
      const { feedback } = (err as { extra: { feedback: { warning: string; suggestions: string[] } } }).extra
      expect(feedback.warning).toBe('similarToCommon')
      expect(feedback.suggestions).toContain('anotherWord')
    }
    expect(() => assertStrongPassword('short', [])).toThrow(/10 characters/)
  })
})
