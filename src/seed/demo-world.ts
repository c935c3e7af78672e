import type { AppContext } from '../context.ts'
import {
  addAssemblyPoint,
  closeCrisis,
  createCrisis,
  getManifest,
  linkAlertToCrisis,
  setPersonStatus,
} from '../modules/cases/index.ts'
import { accountIdsByEmail } from '../modules/identity/index.ts'
import { answerDemoAlert, type DemoAlert, draftDemoAlert, sendDemoAlert } from './demo-world.alerts.ts'
import { seedDemoCases } from './demo-world.cases.ts'
import { ensureDemoCitizen } from './demo-world.citizen.ts'
import { DEMO_WORLD_PEOPLE, demoWorldEmail, seedDemoWorldPeople } from './demo-world.people.ts'
import { type DemoStaff, demoStaff } from './demo-world.staff.ts'

const DAY = 86_400_000
const IP = '127.0.0.1'

/** Central Tokyo, [lon, lat]: the sent alert's area (the demo citizen's trip lies in it). */
export const DEMO_TOKYO_RING = [
  [139.55, 35.55],
  [139.95, 35.55],
  [139.95, 35.85],
  [139.55, 35.85],
  [139.55, 35.55],
] as const

const BANGKOK_RING = [
  [100.35, 13.6],
  [100.7, 13.6],
  [100.7, 13.95],
  [100.35, 13.95],
  [100.35, 13.6],
] as const

const TYPHOON: DemoAlert = {
  event: { 'zh-CN': '台风', en: 'Typhoon' },
  headline: {
    'zh-CN': '台风接近东京，请做好防范（演示数据）',
    en: 'Typhoon approaching Tokyo: take precautions (demo data)',
  },
  description: {
    'zh-CN': '强台风预计今晚至明天影响东京地区，可能出现暴雨、强风和交通中断。',
    en: 'A strong typhoon is expected to reach the Tokyo area tonight and tomorrow, with heavy rain, strong winds and transport disruption.',
  },
  instruction: {
    'zh-CN': '请减少外出，远离河流和海岸，关注当地政府发布的避难信息。',
    en: 'Stay indoors where you can, keep away from rivers and the coast, and follow local evacuation notices.',
  },
  areaDesc: '东京 Tokyo',
  ring: DEMO_TOKYO_RING,
  severity: 'Moderate',
}

const FLOOD: DemoAlert = {
  event: { 'zh-CN': '洪水', en: 'Flood' },
  headline: {
    'zh-CN': '曼谷洪水：请报平安（演示数据）',
    en: 'Bangkok floods: tell us you are safe (demo data)',
  },
  description: {
    'zh-CN': '曼谷部分城区水位仍高，公共交通部分停运。',
    en: 'Water levels remain high in parts of Bangkok; some public transport is suspended.',
  },
  instruction: {
    'zh-CN': '请回复是否安全；需要撤离者请前往集合点。',
    en: 'Tell us whether you are safe; if you need to leave, go to an assembly point.',
  },
  areaDesc: '曼谷 Bangkok',
  ring: BANGKOK_RING,
  severity: 'Moderate',
}

export interface DemoWorldSummary {
  readonly people: number
  readonly cases: number
  readonly answers: number
}

/**
 * The demo world beside the demo accounts: a few hundred citizens around six cities, open cases
 * at the Tokyo and Paris embassies, a sent typhoon alert over Tokyo with answers, and a resolved
 * flood crisis in Bangkok with its manifest. Written once, through the modules' services, dated
 * around the day it is written; the demo citizen's own trip is renewed on every start. Null when
 * the world was already there.
 */
export async function seedDemoWorld(ctx: AppContext, now = new Date()): Promise<DemoWorldSummary | null> {
  const staff = await demoStaff(ctx)
  const fresh = await seedDemoWorldPeople(ctx, now)
  await ensureDemoCitizen(ctx, staff.citizenId, now)
  if (!fresh) return null
  const emails = Array.from({ length: DEMO_WORLD_PEOPLE }, (_, i) => demoWorldEmail(i))
  const ids = await accountIdsByEmail(ctx.db, emails)
  const person = (i: number) => {
    const id = ids.get(demoWorldEmail(i))
    if (!id) throw new Error(`demo-world person ${i} is missing`)
    return id
  }
  const cases = await seedDemoCases(ctx, staff, person, now)
  const typhoon = await draftDemoAlert(ctx, staff.duty, TYPHOON, now, 48)
  await sendDemoAlert(ctx, staff.duty, typhoon.id)
  const tokyoPeople = Array.from({ length: 60 }, (_, i) => person(i))
  const answers = await answerDemoAlert(ctx, typhoon.id, tokyoPeople, { needHelp: true })
  await seedResolvedCrisis(ctx, staff, now)
  return { people: DEMO_WORLD_PEOPLE, cases, answers }
}

/** The Bangkok floods: opened twelve days ago, two assembly points, everyone accounted for, closed. */
async function seedResolvedCrisis(ctx: AppContext, staff: DemoStaff, now: Date): Promise<void> {
  const crisis = await createCrisis(
    ctx,
    staff.duty,
    {
      name: 'Bangkok floods 曼谷洪水 (demo data)',
      country: 'TH',
      area: { type: 'Polygon', coordinates: [BANGKOK_RING.map(([lon, lat]) => [lon, lat])] },
      startsAt: new Date(now.getTime() - 12 * DAY).toISOString(),
    },
    IP,
  )
  const withPoints = await addAssemblyPoint(
    ctx,
    staff.duty,
    crisis.id,
    { name: 'Lumphini Park 伦披尼公园', lat: 13.7306, lon: 100.5418 },
    IP,
  )
  await addAssemblyPoint(
    ctx,
    staff.duty,
    crisis.id,
    { name: 'Embassy 使馆', lat: 13.7659, lon: 100.5672 },
    IP,
  )
  const point = withPoints.assemblyPoints[0]?.id
  const flood = await draftDemoAlert(ctx, staff.duty, FLOOD, now, 24)
  await linkAlertToCrisis(ctx, staff.duty, crisis.id, flood.id, IP)
  await sendDemoAlert(ctx, staff.duty, flood.id)
  const manifest = await getManifest(ctx, staff.duty, crisis.id, { limit: 1000 }, IP)
  const people = manifest.people.map((p) => p.id)
  await answerDemoAlert(ctx, flood.id, people.slice(0, Math.ceil(people.length * 0.7)), {
    needHelp: false,
  })
  for (const [i, id] of people.entries()) {
    const status = i % 5 === 0 && point ? 'checked_in' : i % 9 === 4 ? 'left_area' : 'safe'
    await setPersonStatus(
      ctx,
      staff.operator,
      crisis.id,
      id,
      status === 'checked_in' ? { status, assemblyPointId: point } : { status },
      IP,
    )
  }
  await closeCrisis(ctx, staff.duty, crisis.id, IP)
}
