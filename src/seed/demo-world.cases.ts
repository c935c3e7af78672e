import type { AppContext } from '../context.ts'
import { type CreateCaseBody, createCase, putDetention, recordHelpRequest } from '../modules/cases/index.ts'
import type { Principal } from '../platform/http/access.ts'
import type { DemoStaff } from './demo-world.staff.ts'

const DAY = 86_400_000
const IP = '127.0.0.1'

interface DemoCase {
  readonly by: keyof Pick<DemoStaff, 'duty' | 'operator' | 'officerTokyo' | 'officerParis'>
  readonly body: CreateCaseBody
}

/** Open cases of several types at the Tokyo and Paris embassies; `person(i)` is a demo-world citizen. */
function demoCases(person: (i: number) => string, team: readonly string[]): DemoCase[] {
  const tokyo = { lat: 35.6895, lon: 139.6917 }
  const paris = { lat: 48.8606, lon: 2.3376 }
  return [
    {
      by: 'officerTokyo',
      body: {
        type: 'detention',
        summary: 'Detained in Shinjuku on a visa overstay; family asks for a consular visit. (demo data)',
        ...tokyo,
        people: [{ personId: person(3) }],
      },
    },
    {
      by: 'duty',
      body: {
        type: 'kidnapping',
        summary:
          'Business traveller missing after a meeting; ransom call received by the family. (demo data)',
        ...tokyo,
        people: [{ personId: person(7) }],
        team: [...team],
      },
    },
    {
      by: 'operator',
      body: {
        type: 'medical',
        summary: 'Hospitalised in Minato after a fall; needs an interpreter and insurance help. (demo data)',
        ...tokyo,
        people: [{ personId: person(11) }],
        answers: { injured: true },
      },
    },
    {
      by: 'operator',
      body: {
        type: 'lost_documents',
        summary: 'Passport stolen at Shibuya station; flight home in four days. (demo data)',
        ...tokyo,
        people: [{ personId: person(15) }],
      },
    },
    {
      by: 'operator',
      body: {
        type: 'missing_person',
        summary: 'Student has not answered the family for three days. (demo data)',
        lat: 34.7025,
        lon: 135.4959,
        people: [{ personId: person(95) }],
      },
    },
    {
      by: 'officerParis',
      body: {
        type: 'assault',
        summary: 'Tourist assaulted and robbed near Gare du Nord; police report filed. (demo data)',
        ...paris,
        people: [{ personId: person(131) }],
        answers: { injured: true },
      },
    },
    {
      by: 'operator',
      body: {
        type: 'lost_documents',
        summary: 'Passport lost in the Louvre; needs a travel document. (demo data)',
        ...paris,
        people: [{ personId: person(137) }],
      },
    },
    {
      by: 'officerParis',
      body: {
        type: 'fraud',
        summary: 'Rental deposit paid to a fake landlord. (demo data)',
        ...paris,
        people: [{ personId: person(142) }],
      },
    },
  ]
}

/**
 * The cases, a detention whose first consular visit is overdue (arrest three weeks ago, no visit
 * yet), and two SOS requests waiting for the hotline.
 */
export async function seedDemoCases(
  ctx: AppContext,
  staff: DemoStaff,
  person: (i: number) => string,
  now: Date,
): Promise<number> {
  let opened = 0
  for (const c of demoCases(person, [staff.officerTokyo.userId])) {
    const by: Principal = staff[c.by]
    const created = await createCase(ctx, by, c.body, IP)
    opened++
    if (c.body.type === 'detention')
      await putDetention(
        ctx,
        by,
        created.id,
        {
          arrestedAt: new Date(now.getTime() - 21 * DAY).toISOString(),
          authorityNotifiedAt: new Date(now.getTime() - 20 * DAY).toISOString(),
          facility: 'Tokyo Immigration Bureau detention centre (demo data)',
          charges: 'Visa overstay',
        },
        IP,
      )
  }
  await recordHelpRequest(ctx, {
    personId: person(20),
    message: 'SOS: I lost my group near Asakusa and my phone battery is low. (demo data)',
    lat: 35.7148,
    lon: 139.7967,
  })
  await recordHelpRequest(ctx, {
    personId: person(150),
    message: 'SOS: pickpocketed, no money and no passport. (demo data)',
  })
  return opened
}
