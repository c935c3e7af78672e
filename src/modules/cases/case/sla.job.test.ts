import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { TOKYO, withCasesRuntime } from '../../../../test/helpers/cases.ts'
import { checkSla, type SlaCheck, slaJobType } from './sla.job.ts'

const { runtime, staff, call } = withCasesRuntime()

const MINUTE = 60_000

async function newCase(body: object = {}) {
  const res = await call('POST', '/api/v1/cases', staff.operator.cookie, {
    type: 'missing_person',
    summary: 'Missing',
    ...TOKYO,
    ...body,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

/** The SLA checks queued for a case, as pg-boss holds them. */
async function queued(caseId: string): Promise<{ data: SlaCheck; startAfter: Date }[]> {
  const r = await sql<{ data: SlaCheck; start_after: Date }>`
    select data, start_after from pgboss.job where name = ${slaJobType.name} and data->>'caseId' = ${caseId}
    order by created_on`.execute(runtime().ctx.db)
  return r.rows.map((x) => ({ data: x.data, startAfter: new Date(x.start_after) }))
}

async function slaMessages(cookie: string, caseId: string) {
  const inbox = (await call('GET', '/api/v1/me/inbox?limit=200', cookie)).json()
  return inbox.filter(
    (m: { kind: string; about: { id: string } | null }) =>
      m.kind === 'case.sla_breach' && m.about?.id === caseId,
  )
}

const justAfter = (iso: string) => new Date(new Date(iso).getTime() + MINUTE)

describe('SLA timers', () => {
  it('queues the first-response check at the deadline, in the database', async () => {
    const c = await newCase()
    expect(c.priority).toBe('P1')
    const jobs = await queued(c.id)
    expect(jobs).toEqual([
      {
        data: { caseId: c.id, kind: 'firstResponse', due: c.firstResponseDue },
        startAfter: new Date(c.firstResponseDue),
      },
    ])
    expect(new Date(c.firstResponseDue).getTime() - new Date(c.createdAt).getTime()).toBe(15 * MINUTE)
  })

  it('flags, records and escalates a missed first response once, to the mission and duty officers', async () => {
    const c = await newCase()
    const job = (await queued(c.id))[0]?.data as SlaCheck
    expect(await checkSla(runtime().ctx, job, justAfter(job.due))).toBe(true)
    expect(await checkSla(runtime().ctx, job, justAfter(job.due))).toBe(false)
    const seen = (await call('GET', `/api/v1/cases/${c.id}`, staff.duty.cookie)).json()
    expect(seen).toMatchObject({ slaBreached: { kind: 'firstResponse' }, slaMisses: 1 })
    expect(seen.timeline.at(-1)).toMatchObject({
      kind: 'sla_breach',
      by: null,
      details: { sla: 'firstResponse', due: job.due },
    })
    expect(await slaMessages(staff.tokyo.cookie, c.id)).toHaveLength(1)
    expect(await slaMessages(staff.duty.cookie, c.id)).toHaveLength(1)
    expect(await slaMessages(staff.paris.cookie, c.id)).toHaveLength(0)
    expect(await slaMessages(staff.operator.cookie, c.id)).toHaveLength(0)
    const breached = (
      await call('GET', '/api/v1/cases?slaBreached=true&mission=JP-TYO-EMB', staff.tokyo.cookie)
    ).json()
    expect(breached.items.map((x: { id: string }) => x.id)).toContain(c.id)
  })

  it('does nothing when staff responded in time, and restarts the update timer with each response', async () => {
    const c = await newCase()
    const first = (await queued(c.id))[0]?.data as SlaCheck
    const noted = (
      await call('POST', `/api/v1/cases/${c.id}/events`, staff.tokyo.cookie, {
        kind: 'note',
        note: 'Police informed',
      })
    ).json()
    expect(await checkSla(runtime().ctx, first, justAfter(first.due))).toBe(false)
    const updates = (await queued(c.id)).filter((j) => j.data.kind === 'update')
    expect(updates.map((j) => j.data.due)).toEqual([noted.updateDue])
    expect(new Date(noted.updateDue).getTime() - new Date(noted.firstResponseAt).getTime()).toBe(60 * MINUTE)

    const again = (
      await call('POST', `/api/v1/cases/${c.id}/events`, staff.tokyo.cookie, {
        kind: 'call',
        note: 'Hospital rang',
      })
    ).json()
    const superseded = updates[0]?.data as SlaCheck
    expect(await checkSla(runtime().ctx, superseded, justAfter(superseded.due))).toBe(false)
    const current = (await queued(c.id)).find((j) => j.data.due === again.updateDue)?.data as SlaCheck
    expect(await checkSla(runtime().ctx, current, justAfter(current.due))).toBe(true)
    const missed = (await call('GET', `/api/v1/cases/${c.id}`, staff.tokyo.cookie)).json()
    expect(missed).toMatchObject({ slaBreached: { kind: 'update' }, slaMisses: 1 })
    // The next response clears the flag; the count of misses stays.
    const answered = (
      await call('POST', `/api/v1/cases/${c.id}/events`, staff.tokyo.cookie, { kind: 'note', note: 'Found' })
    ).json()
    expect(answered).toMatchObject({ slaBreached: null, slaMisses: 1 })
  })

  it('stops counting once a case is resolved', async () => {
    const c = await newCase()
    await call('POST', `/api/v1/cases/${c.id}/events`, staff.tokyo.cookie, {
      kind: 'status',
      status: 'in_progress',
    })
    const done = (
      await call('POST', `/api/v1/cases/${c.id}/events`, staff.tokyo.cookie, {
        kind: 'status',
        status: 'resolved',
      })
    ).json()
    expect(done.updateDue).toBeNull()
    for (const j of await queued(c.id))
      expect(await checkSla(runtime().ctx, j.data, justAfter(j.data.due))).toBe(false)
  })

  it('escalates a need-to-know case to its team and duty officers, not to the mission', async () => {
    const c = await newCase({ type: 'kidnapping', team: [staff.paris.userId] })
    const job = (await queued(c.id))[0]?.data as SlaCheck
    expect(await checkSla(runtime().ctx, job, justAfter(job.due))).toBe(true)
    expect(await slaMessages(staff.paris.cookie, c.id)).toHaveLength(1)
    expect(await slaMessages(staff.duty.cookie, c.id)).toHaveLength(1)
    expect(await slaMessages(staff.tokyo.cookie, c.id)).toHaveLength(0)
  })

  it('runs through the job queue when the deadline has passed', async () => {
    const c = await newCase()
    const past = new Date(Date.now() - MINUTE)
    await runtime()
      .ctx.db.updateTable('cases')
      .set({ first_response_due: past })
      .where('id', '=', c.id)
      .execute()
    await runtime().ctx.queue.send(slaJobType, {
      caseId: c.id,
      kind: 'firstResponse',
      due: past.toISOString(),
    })
    await runtime().ctx.queue.work()
    const until = Date.now() + 30_000
    let flagged = null
    while (!flagged && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 250))
      flagged = (await call('GET', `/api/v1/cases/${c.id}`, staff.duty.cookie)).json().slaBreached
    }
    expect(flagged).toMatchObject({ kind: 'firstResponse' })
  })
})
