import { beforeAll, describe, expect, it } from 'vitest'
import { withDemoRuntime } from '../../test/helpers/demo-runtime.ts'
import { login } from '../../test/helpers/http.ts'
import { DEMO_PASSWORD } from './demo.ts'
import { DEMO_WORLD_PEOPLE } from './demo-world.people.ts'
import { seedDemoWorld } from './demo-world.ts'

const { runtime, staff, call } = withDemoRuntime()

let citizen: string
beforeAll(async () => {
  const first = await seedDemoWorld(runtime().ctx)
  expect(first?.people).toBe(DEMO_WORLD_PEOPLE)
  citizen = (await login(runtime().app, 'citizen@demo.lingshi', DEMO_PASSWORD)).cookie
})

const ok = async (method: 'GET', url: string, cookie: string) => {
  const res = await call(method, url, cookie)
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

const today = () => new Date().toISOString().slice(0, 10)

describe('the demo world', () => {
  it('gives the demo citizen a phone, a child and a trip to JP covering today', async () => {
    const profile = await ok('GET', '/api/v1/me/profile', citizen)
    expect(profile.phone).toMatch(/^\+\d{8,15}$/)
    const list = (await ok('GET', '/api/v1/me/trips', citizen)) as {
      startDate: string
      endDate: string
      destinations: { country: string }[]
    }[]
    expect(
      list.some(
        (t) =>
          t.startDate <= today() && t.endDate >= today() && t.destinations.some((d) => d.country === 'JP'),
      ),
    ).toBe(true)
    const dependants = await ok('GET', '/api/v1/me/dependants', citizen)
    expect(JSON.stringify(dependants)).toContain('LI XIAOYU')
  })

  it("lets the operator find the citizen by the profile's phone", async () => {
    const { phone } = await ok('GET', '/api/v1/me/profile', citizen)
    const found = await ok('GET', `/api/v1/contacts?caller=${encodeURIComponent(phone)}`, staff.operator)
    expect(found.person?.name).toBe('Li Ming 李明')
  })

  it('places at least 50 people in Japan for the Tokyo officer', async () => {
    const res = await ok('GET', '/api/v1/people?country=JP', staff.officerTokyo)
    expect(res.count).toBeGreaterThanOrEqual(50)
  })

  it('holds open cases at the Tokyo embassy, a detention with its visit overdue, and one need-to-know', async () => {
    const res = await ok('GET', '/api/v1/cases?mission=JP-TYO-EMB', staff.duty)
    const items = res.items as {
      status: string
      type: string
      visitOverdue: boolean
      needToKnow: boolean
    }[]
    const open = items.filter((c) => !['resolved', 'closed'].includes(c.status))
    expect(open.length).toBeGreaterThanOrEqual(3)
    expect(open.some((c) => c.type === 'detention' && c.visitOverdue)).toBe(true)
    expect(open.some((c) => c.needToKnow)).toBe(true)
    const paris = await ok('GET', '/api/v1/cases?mission=FR-PAR-EMB', staff.duty)
    expect(paris.items.length).toBeGreaterThanOrEqual(2)
  })

  it('has a sent alert whose stats count answers, and the citizen has it in the inbox', async () => {
    const sent = await ok('GET', '/api/v1/alerts?status=sent', staff.duty)
    const counted = []
    for (const a of sent.items as { id: string }[]) {
      const stats = await ok('GET', `/api/v1/alerts/${a.id}/stats`, staff.duty)
      const n = stats.answers.safe + stats.answers.need_help + stats.answers.not_in_area
      if (n > 0) counted.push(n)
    }
    expect(counted.length).toBeGreaterThanOrEqual(1)
    const mine = await ok('GET', '/api/v1/me/alerts', citizen)
    expect(mine.items.length).toBeGreaterThanOrEqual(1)
  })

  it('has a resolved crisis whose manifest accounts for people, with their answers', async () => {
    const { crises } = await ok('GET', '/api/v1/crises?status=closed', staff.duty)
    expect(crises.length).toBe(1)
    const m = await ok('GET', `/api/v1/crises/${crises[0].id}/manifest?limit=1000`, staff.duty)
    expect(m.counts.total).toBeGreaterThanOrEqual(10)
    expect(m.counts.byStatus.safe).toBeGreaterThan(0)
    expect(m.people.some((p: { answer: string | null }) => p.answer === 'safe')).toBe(true)
  })

  it('is written once: seeding again adds nobody', async () => {
    const before = await ok('GET', '/api/v1/cases?mission=JP-TYO-EMB', staff.duty)
    expect(await seedDemoWorld(runtime().ctx)).toBeNull()
    const after = await ok('GET', '/api/v1/cases?mission=JP-TYO-EMB', staff.duty)
    expect(after.items.length).toBe(before.items.length)
    const trips = await ok('GET', '/api/v1/me/trips', citizen)
    expect(JSON.stringify(trips).match(/"country":"JP"/g)?.length).toBe(1)
  })
})
