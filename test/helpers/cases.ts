import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect } from 'vitest'
import { startDemoRuntime } from './demo-runtime.ts'
import { caller, registerCitizen, type Session } from './http.ts'
import type { TestRuntime, TestRuntimeOptions } from './test-runtime.ts'

export const TOKYO = { lat: 35.68, lon: 139.76 }
export const OSAKA = { lat: 34.69, lon: 135.5 }
export const PARIS = { lat: 48.8566, lon: 2.3522 }

export interface Staff {
  operator: Session
  tokyo: Session
  paris: Session
  duty: Session
}

/** A test runtime with the demo staff signed in. */
export async function startCasesRuntime(
  options: TestRuntimeOptions = {},
): Promise<{ rt: TestRuntime; staff: Staff }> {
  const { rt, sessions } = await startDemoRuntime(options)
  const staff = {
    operator: sessions.operator,
    tokyo: sessions.officerTokyo,
    paris: sessions.officerParis,
    duty: sessions.duty,
  }
  return { rt, staff }
}

/**
 * One cases runtime per test file, started before its tests and closed after them, with the
 * demo staff signed in: `staff.tokyo.cookie`, `call('GET', url, cookie)`, `runtime().ctx.db`.
 */
export function withCasesRuntime(options: TestRuntimeOptions = {}) {
  let rt: TestRuntime | undefined
  const staff = {} as Staff
  beforeAll(async () => {
    const started = await startCasesRuntime(options)
    rt = started.rt
    Object.assign(staff, started.staff)
  })
  afterAll(async () => {
    await rt?.close()
  })
  const runtime = () => {
    if (!rt) throw new Error('the runtime starts in beforeAll')
    return rt
  }
  const call: ReturnType<typeof caller> = (...args) => caller(runtime().app)(...args)
  return { runtime, staff, call }
}

let seq = 0
/** A fresh valid mobile number (+86 138…), different on every call. */
export function newPhone(): string {
  seq++
  const digits = `${Date.now() % 1_000_000}`.padStart(6, '0') + `${seq % 100}`.padStart(2, '0')
  return `+86138${digits}`
}

/** A registered citizen with names and a phone in the profile, and optionally "I am here now". */
export async function citizenWithPhone(
  app: FastifyInstance,
  where?: { lat: number; lon: number },
): Promise<Session & { phone: string }> {
  const phone = newPhone()
  const s = await registerCitizen(app)
  const call = caller(app)
  const put = await call('PUT', '/api/v1/me/profile', s.cookie, {
    nameLatin: 'Zhang Wei',
    nameZh: '张伟',
    phone,
  })
  expect(put.statusCode, put.body).toBe(200)
  if (where) {
    const loc = await call('PUT', '/api/v1/me/location', s.cookie, where)
    expect(loc.statusCode, loc.body).toBe(200)
  }
  return { ...s, phone }
}
