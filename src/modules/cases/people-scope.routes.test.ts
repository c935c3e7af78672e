import type { LightMyRequestResponse } from 'fastify'
import { describe, expect, it } from 'vitest'
import {
  citizenWithPhone,
  newPhone,
  OSAKA,
  PARIS,
  TOKYO,
  withCasesRuntime,
} from '../../../test/helpers/cases.ts'

/**
 * Issue #16, finding 1: an officer learns nothing through a write route about a person outside
 * their missions' districts. Such a person is not linked: the answer is the one an unknown person
 * gets, and nothing ties them to what was written.
 */
const { runtime, staff, call } = withCasesRuntime()
const UNKNOWN = '01900000-0000-7000-8000-000000000000'

/** A citizen the registry places in Tokyo now ("I am here now"), with names and a phone. */
const tokyoCitizen = () => citizenWithPhone(runtime().app, TOKYO)

/** What the Paris officer may not learn of the Tokyo citizen: names, phone, position, mission, country. */
function expectNothingOf(res: LightMyRequestResponse, who: { phone: string }, phoneGiven = false) {
  const secrets = [
    'ZHANG WEI',
    'Zhang Wei',
    '张伟',
    'Wang Fang',
    '王芳',
    '35.68',
    '139.76',
    'JP-TYO-EMB',
    '"JP"',
  ]
  for (const secret of phoneGiven ? secrets : [...secrets, who.phone, who.phone.slice(1)])
    expect(res.body, `the answer names ${secret}`).not.toContain(secret)
}

/** The refusal with the id taken out: an unknown id and an out-of-scope one must read the same. */
const refusal = (res: LightMyRequestResponse, id: string) => {
  const { status, code, detail } = res.json()
  return { statusCode: res.statusCode, status, code, detail: String(detail).replaceAll(id, '<id>') }
}

async function count(table: 'cases' | 'contacts') {
  const r = await runtime()
    .ctx.db.selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** Whether anything written ties the person to a case or a contact. */
async function linkedTo(personId: string) {
  const db = runtime().ctx.db
  const people = await db
    .selectFrom('case_people')
    .select('case_id')
    .where('person_id', '=', personId)
    .execute()
  const contacts = await db.selectFrom('contacts').select('id').where('person_id', '=', personId).execute()
  return people.length + contacts.length
}

/** The id of someone out of scope is refused exactly as an unknown id is, and nothing is written. */
async function expectRefusedAsUnknown(
  table: 'cases' | 'contacts',
  send: (personId: string) => Promise<LightMyRequestResponse>,
) {
  const citizen = await tokyoCitizen()
  const before = await count(table)
  const theirs = await send(citizen.userId)
  const unknown = await send(UNKNOWN)
  expect(theirs.statusCode).toBe(400)
  expect(refusal(theirs, citizen.userId)).toEqual(refusal(unknown, UNKNOWN))
  expectNothingOf(theirs, citizen)
  expect(await count(table)).toBe(before)
  expect(await linkedTo(citizen.userId)).toBe(0)
}

describe('POST /api/v1/cases: people outside the officer’s districts', () => {
  const open = (body: object, cookie = staff.paris.cookie) =>
    call('POST', '/api/v1/cases', cookie, { type: 'medical', summary: 'Ill', ...body })

  it('refuses a personId of a citizen in Tokyo exactly as an unknown one, writing nothing', () =>
    expectRefusedAsUnknown('cases', (personId) => open({ people: [{ personId }] })))

  it('takes the phone of a citizen in Tokyo as an unknown phone: no person, no place, nothing linked', async () => {
    const citizen = await tokyoCitizen()
    const theirs = await open({ people: [{ phone: citizen.phone }] })
    const unknown = await open({ people: [{ phone: newPhone() }] })
    expect(theirs.statusCode, theirs.body).toBe(201)
    expectNothingOf(theirs, citizen, true)
    const shape = (res: LightMyRequestResponse) => {
      const c = res.json()
      return { people: c.people.map(({ phone: _, ...p }: object & { phone: string }) => p), ...pick(c) }
    }
    expect(shape(theirs)).toEqual(shape(unknown))
    expect(theirs.json().people).toEqual([
      { personId: null, phone: citizen.phone, person: null, emergencyContacts: [] },
    ])
    expect(await linkedTo(citizen.userId)).toBe(0)
  })

  it('still links people of the officer’s own districts, and anyone for operators', async () => {
    const inParis = await citizenWithPhone(runtime().app, PARIS)
    const byParis = await open({ people: [{ personId: inParis.userId }], summary: 'Paris' })
    expect(byParis.statusCode, byParis.body).toBe(201)
    expect(byParis.json().people).toEqual([
      expect.objectContaining({
        personId: inParis.userId,
        person: expect.objectContaining({ nameZh: '张伟' }),
      }),
    ])
    const citizen = await tokyoCitizen()
    const byTokyo = await open({ people: [{ phone: citizen.phone }] }, staff.tokyo.cookie)
    expect(byTokyo.json().people).toEqual([expect.objectContaining({ personId: citizen.userId })])
    const byOperator = await open(
      { type: 'fraud', people: [{ personId: citizen.userId }] },
      staff.operator.cookie,
    )
    expect(byOperator.json().people).toEqual([expect.objectContaining({ personId: citizen.userId })])
  })
})

describe('POST /api/v1/cases/{id}/events: a change that leaves the case out of the officer’s sight', () => {
  it('answers without the people the officer may not read', async () => {
    const citizen = await tokyoCitizen()
    const opened = await call('POST', '/api/v1/cases', staff.duty.cookie, {
      type: 'kidnapping',
      summary: 'Taken',
      ...OSAKA,
      people: [{ personId: citizen.userId }],
      team: [staff.paris.userId],
    })
    expect(opened.statusCode, opened.body).toBe(201)
    const id = opened.json().id
    // On the team, the Paris officer reads the case and its people.
    const read = await call('GET', `/api/v1/cases/${id}`, staff.paris.cookie)
    expect(read.json().people).toEqual([expect.objectContaining({ personId: citizen.userId })])
    const left = await call('POST', `/api/v1/cases/${id}/events`, staff.paris.cookie, {
      kind: 'team',
      memberId: staff.paris.userId,
      remove: true,
    })
    expect(left.statusCode, left.body).toBe(201)
    expect(left.json().people).toEqual([])
    for (const secret of ['ZHANG WEI', '张伟', 'Wang Fang', citizen.phone, '139.76'])
      expect(left.body).not.toContain(secret)
  })
})

describe('POST /api/v1/contacts: a caller outside the officer’s districts', () => {
  const record = (caller: object, cookie = staff.paris.cookie) =>
    call('POST', '/api/v1/contacts', cookie, { channel: 'phone', caller, summary: 'Calls for help' })

  it('refuses caller.personId of a citizen in Tokyo exactly as an unknown one, writing nothing', () =>
    expectRefusedAsUnknown('contacts', (personId) => record({ personId })))

  it('takes caller.phone of a citizen in Tokyo as an unknown phone: no person, no mission', async () => {
    const citizen = await tokyoCitizen()
    const theirs = await record({ phone: citizen.phone })
    const unknown = await record({ phone: newPhone() })
    expect(theirs.statusCode, theirs.body).toBe(201)
    expectNothingOf(theirs, citizen, true)
    const shape = (res: LightMyRequestResponse) => {
      const c = res.json()
      return { person: c.person, personId: c.caller.personId, ...pick(c) }
    }
    expect(shape(theirs)).toEqual(shape(unknown))
    expect(theirs.json()).toMatchObject({ person: null, caller: { personId: null }, mission: null })
    expect(await linkedTo(citizen.userId)).toBe(0)
  })

  it('still finds callers of the officer’s own districts, and anyone for operators', async () => {
    const inParis = await citizenWithPhone(runtime().app, PARIS)
    const byParis = await record({ phone: inParis.phone })
    expect(byParis.json()).toMatchObject({ person: { id: inParis.userId }, mission: { code: 'FR-PAR-EMB' } })
    const citizen = await tokyoCitizen()
    const byOperator = await record({ personId: citizen.userId }, staff.operator.cookie)
    expect(byOperator.json()).toMatchObject({
      person: { id: citizen.userId },
      mission: { code: 'JP-TYO-EMB' },
    })
  })
})

/** The parts of a case or contact that come from where its people are. */
const pick = (c: { mission: unknown; country: unknown; location: unknown }) => ({
  mission: c.mission,
  country: c.country,
  location: c.location,
})
