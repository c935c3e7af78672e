import type { LightMyRequestResponse } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectProblem, registerCitizen, uniqueEmail } from '../../../test/helpers/http.ts'
import { signIn, signInSolving, solve } from '../../../test/helpers/sign-in.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { signInKeys } from './sign-in-throttle.ts'
import { createAccount } from './user.service.ts'

let rt: TestRuntime
beforeAll(async () => {
  rt = await startTestRuntime()
})
afterAll(async () => {
  await rt?.close()
})

const PASSWORD = 'correct horse battery'

/** What a caller can tell from an answer, apart from the challenge's own random numbers. */
function shape(res: LightMyRequestResponse) {
  const body = res.json()
  return {
    status: res.statusCode,
    code: body.code,
    detail: body.detail,
    challenge: body.challenge !== undefined,
    retryAfter: res.headers['retry-after'],
  }
}

describe('sign-in without locks (#16 finding 3)', () => {
  it('asks nothing of the first sign-ins from an address, even after a few mistakes', async () => {
    const s = await registerCitizen(rt.app)
    for (let i = 0; i < 3; i++)
      expectProblem(
        await signIn(rt.app, { email: s.email, password: `typo ${i}` }, '10.0.0.1'),
        401,
        'auth.invalid_credentials',
      )
    const ok = await signIn(rt.app, { email: s.email, password: PASSWORD }, '10.0.0.2')
    expect(ok.statusCode, ok.body).toBe(200)
  })

  it("never refuses a correct password for other accounts' failures from the same address", async () => {
    const office = '10.1.0.1'
    const colleague = await registerCitizen(rt.app)
    for (let i = 0; i < 100; i++) {
      const res = await signIn(rt.app, { email: uniqueEmail('guess'), password: `guess ${i}` }, office)
      expect(res.statusCode, res.body).toBe(401)
    }
    const asked = await signIn(rt.app, { email: colleague.email, password: PASSWORD }, office)
    expectProblem(asked, 401, 'auth.challenge_required')
    const solved = await signIn(
      rt.app,
      { email: colleague.email, password: PASSWORD },
      office,
      await solve(asked.json().challenge),
    )
    expect(solved.statusCode, solved.body).toBe(200)
    // Another address owes nothing for this one's failures.
    const elsewhere = await signIn(rt.app, { email: colleague.email, password: PASSWORD }, '10.1.0.2')
    expect(elsewhere.statusCode, elsewhere.body).toBe(200)
  })

  it("does not lock a duty officer's account: ten wrong passwords from elsewhere cost the owner a challenge", async () => {
    const email = uniqueEmail('duty')
    await createAccount(
      rt.ctx,
      { email, name: 'Duty', role: 'duty_officer', password: 'duty officer secret' },
      { userId: null, roles: ['admin'], ip: null },
    )
    for (let i = 0; i < 10; i++) {
      const res = await signInSolving(rt.app, { email, password: `attack ${i}` }, `10.2.0.${i + 1}`)
      expectProblem(res, 401, 'auth.invalid_credentials')
    }
    const owner = await signInSolving(rt.app, { email, password: 'duty officer secret' }, '10.2.1.1')
    expect(owner.statusCode, owner.body).toBe(200)
    expect(owner.json().user.roles).toEqual(['duty_officer'])
  })

  it('answers an unknown e-mail, a wrong password and an account under attack alike', async () => {
    const known = await registerCitizen(rt.app)
    const unknown = uniqueEmail('nobody')
    for (let i = 1; i <= 11; i++) {
      const k = await signIn(rt.app, { email: known.email, password: `wrong ${i}` }, `10.3.1.${i}`)
      const u = await signIn(rt.app, { email: unknown, password: `wrong ${i}` }, `10.3.2.${i}`)
      expect(shape(k), `try ${i}`).toEqual(shape(u))
      expect([401]).toContain(k.statusCode)
    }
    // Under attack, even the right password is asked for proof of work first, as an unknown one is.
    const right = await signIn(rt.app, { email: known.email, password: PASSWORD }, '10.3.1.100')
    const none = await signIn(rt.app, { email: unknown, password: PASSWORD }, '10.3.2.100')
    expectProblem(right, 401, 'auth.challenge_required')
    expect(shape(right)).toEqual(shape(none))
    // With the work done, a wrong password and an unknown account still answer alike.
    const k = await signIn(
      rt.app,
      { email: known.email, password: 'still wrong' },
      '10.3.1.101',
      await solve(right.json().challenge),
    )
    const u = await signIn(
      rt.app,
      { email: unknown, password: 'still wrong' },
      '10.3.2.101',
      await solve(none.json().challenge),
    )
    expectProblem(k, 401, 'auth.invalid_credentials')
    expect(shape(k)).toEqual(shape(u))
  })

  it('takes a solved challenge once, and only one of ours', async () => {
    const s = await registerCitizen(rt.app)
    const from = '10.4.0.1'
    for (let i = 0; i < 10; i++) await signIn(rt.app, { email: uniqueEmail(), password: `guess ${i}` }, from)
    const asked = await signIn(rt.app, { email: s.email, password: PASSWORD }, from)
    expectProblem(asked, 401, 'auth.challenge_required')
    const payload = await solve(asked.json().challenge)

    const forged = JSON.parse(Buffer.from(payload, 'base64').toString())
    forged.challenge.parameters.data.level = 8
    const tampered = await signIn(
      rt.app,
      { email: s.email, password: PASSWORD },
      from,
      Buffer.from(JSON.stringify(forged)).toString('base64'),
    )
    expectProblem(tampered, 401, 'auth.challenge_required')
    const garbage = await signIn(rt.app, { email: s.email, password: PASSWORD }, from, 'bm90IGpzb24=')
    expectProblem(garbage, 401, 'auth.challenge_required')

    const first = await signIn(rt.app, { email: s.email, password: PASSWORD }, from, payload)
    expect(first.statusCode, first.body).toBe(200)
    const replay = await signIn(rt.app, { email: s.email, password: PASSWORD }, from, payload)
    expectProblem(replay, 401, 'auth.challenge_required')
  })

  it('makes an address that keeps failing on one account wait, answering its early tries like wrong passwords', async () => {
    const s = await registerCitizen(rt.app)
    const from = '10.5.0.1'
    const { pair } = signInKeys(from, `email:${s.email.toLowerCase()}`)
    // Nine failures from this address on this account: the next try waits a minute.
    await rt.ctx.db
      .insertInto('login_failures')
      .values({ key: pair, failures: 9, last_failure_at: sql<Date>`now()` })
      .execute()
    const early = await signIn(rt.app, { email: s.email, password: PASSWORD }, from)
    const wrong = await signIn(rt.app, { email: uniqueEmail(), password: 'not this one' }, '10.5.0.2')
    expectProblem(early, 401, 'auth.invalid_credentials')
    expect(shape(early)).toEqual(shape(wrong))
    // The owner elsewhere is not held up by this address's tries.
    const owner = await signIn(rt.app, { email: s.email, password: PASSWORD }, '10.5.0.3')
    expect(owner.statusCode, owner.body).toBe(200)

    await rt.ctx.db
      .updateTable('login_failures')
      .set({ last_failure_at: sql<Date>`now() - interval '61 seconds'` })
      .where('key', '=', pair)
      .execute()
    const later = await signIn(rt.app, { email: s.email, password: PASSWORD }, from)
    expect(later.statusCode, later.body).toBe(200)
  })

  it('keeps no address, e-mail or phone number in clear in its counts', async () => {
    const email = uniqueEmail('private')
    await signIn(rt.app, { email, password: 'wrong password' }, '10.6.0.1')
    const keys = await rt.ctx.db.selectFrom('login_failures').select('key').execute()
    const text = keys.map((k) => k.key).join('\n')
    expect(text).not.toContain('10.6.0.1')
    expect(text).not.toContain(email)
  })
})
