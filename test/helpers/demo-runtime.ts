import { afterAll, beforeAll } from 'vitest'
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/demo.ts'
import { caller, login, type Session } from './http.ts'
import { startTestRuntime, type TestRuntime, type TestRuntimeOptions } from './test-runtime.ts'

const STAFF = {
  officerTokyo: 'officer.tokyo@demo.lingshi',
  officerParis: 'officer.paris@demo.lingshi',
  duty: 'duty@demo.lingshi',
  operator: 'operator@demo.lingshi',
  admin: 'admin@demo.lingshi',
  clinicianTokyo: 'clinician.tokyo@demo.lingshi',
} as const

export type DemoStaff = keyof typeof STAFF

/** A test runtime with the demo accounts, and a session for each demo staff member. */
export async function startDemoRuntime(
  options: TestRuntimeOptions = {},
): Promise<{ rt: TestRuntime; sessions: Record<DemoStaff, Session> }> {
  const rt = await startTestRuntime(options)
  await seedDemo(rt.ctx)
  const sessions = {} as Record<DemoStaff, Session>
  for (const [key, email] of Object.entries(STAFF))
    sessions[key as DemoStaff] = await login(rt.app, email, DEMO_PASSWORD)
  return { rt, sessions }
}

/**
 * One runtime per test file with the demo accounts, and a signed-in session for each demo staff
 * member: `staff.duty` is the duty officer's cookie.
 */
export function withDemoRuntime(options: TestRuntimeOptions = {}) {
  let rt: TestRuntime | undefined
  const staff = {} as Record<DemoStaff, string>
  beforeAll(async () => {
    const started = await startDemoRuntime(options)
    rt = started.rt
    for (const [key, session] of Object.entries(started.sessions)) staff[key as DemoStaff] = session.cookie
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
