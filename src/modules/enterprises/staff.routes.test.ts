import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { addSite, registeredEnterprise } from '../../../test/helpers/enterprises.ts'
import { dayFromToday, expectProblem, registerCitizen, type Session } from '../../../test/helpers/http.ts'
import { enterpriseAccount, uniquePhone } from '../../../test/helpers/notify.ts'

const { runtime, staff, call } = withDemoRuntime()

let owner: Session
let enterpriseId: string
let siteId: string
let base: string
beforeAll(async () => {
  owner = await enterpriseAccount(runtime())
  enterpriseId = await registeredEnterprise(runtime().app, owner.cookie, staff.duty)
  siteId = (await addSite(runtime().app, owner.cookie, enterpriseId)).id
  base = `/api/v1/enterprises/${enterpriseId}/sites/${siteId}/staff`
})

const importCsv = (csv: string, cookie = owner.cookie) =>
  runtime().app.inject({
    method: 'POST',
    url: `${base}/import`,
    headers: { cookie, 'content-type': 'text/csv' },
    payload: csv,
  })

describe('a site roster', () => {
  it('keeps the passport number sealed, shows its last 4, and links a registered citizen by phone', async () => {
    const citizen = await registerCitizen(runtime().app)
    const phone = uniquePhone('CN')
    const profile = await call('PUT', '/api/v1/me/profile', citizen.cookie, { phone })
    expect(profile.statusCode, profile.body).toBe(200)

    const res = await call('POST', base, owner.cookie, {
      name: 'Li Wei 李伟',
      phone,
      passportNumber: 'e12345678',
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ passportNumber: '••••5678', registered: true, trainingState: null })
    const stored = await sql<{ passport_sealed: string; passport_digest: string }>`
      select passport_sealed, passport_digest from enterprise_staff where id = ${res.json().id}::uuid`.execute(
      runtime().ctx.db,
    )
    expect(stored.rows[0]?.passport_sealed).not.toContain('12345678')
    expect(runtime().ctx.secrets.open(stored.rows[0]?.passport_sealed ?? '')).toBe('E12345678')

    const other = await call('POST', base, owner.cookie, { name: 'Zhao', phone: uniquePhone('CN') })
    expect(other.json().registered).toBe(false)
    expectProblem(
      await call('POST', base, owner.cookie, { name: 'Twice', phone }),
      409,
      'enterprise.staff_phone_taken',
    )
  })

  it('imports a CSV all or nothing: bad rows are named by line and nothing is written', async () => {
    const before = (await call('GET', base, owner.cookie)).json().length
    const good = uniquePhone('CN')
    const bad = await importCsv(
      `姓名,电话,护照号码\nWang Gang,${good},G11112222\nNo Phone,12345,\nDup,${good},\n`,
    )
    expectProblem(bad, 422, 'enterprise.roster_invalid')
    expect(bad.json().errors).toEqual([
      { line: 3, field: 'phone', reason: expect.any(String) },
      { line: 4, field: 'phone', reason: 'the same phone number as line 2' },
    ])
    expect((await call('GET', base, owner.cookie)).json()).toHaveLength(before)

    const second = uniquePhone('CN')
    const ok = await importCsv(`name,phone,passport\nWang Gang,${good},G11112222\n"Sun, Li",${second},\n`)
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toEqual({ imported: 2, created: 2, updated: 0 })
    const again = await importCsv(`name,phone\nWang Gang 王刚,${good}\n`)
    expect(again.json()).toEqual({ imported: 1, created: 0, updated: 1 })
    const roster = (await call('GET', base, owner.cookie)).json() as {
      name: string
      passportNumber: string
    }[]
    expect(roster).toHaveLength(before + 2)
    // A row without a passport keeps the one already sealed.
    expect(roster.find((p) => p.name === 'Wang Gang 王刚')?.passportNumber).toBe('••••2222')
  })

  it('is edited and removed by members only; another account gets 404', async () => {
    const stranger = await registerCitizen(runtime().app)
    const added = (await call('POST', base, owner.cookie, { name: 'Qian', phone: uniquePhone('CN') })).json()
    const url = `${base}/${added.id}`
    expect((await call('PUT', url, stranger.cookie, { name: 'X', phone: added.phone })).statusCode).toBe(404)
    expect((await call('GET', base, stranger.cookie)).statusCode).toBe(404)
    expect((await importCsv('name,phone\n', stranger.cookie)).statusCode).toBe(404)
    const edited = await call('PUT', url, owner.cookie, { name: 'Qian Bo', phone: added.phone })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json().name).toBe('Qian Bo')
    expect((await call('DELETE', url, owner.cookie)).statusCode).toBe(204)
    expect((await call('DELETE', url, owner.cookie)).statusCode).toBe(404)
  })

  it("is read by a duty officer with an audit entry, as are the enterprise's members", async () => {
    expect((await call('GET', base, staff.duty)).statusCode).toBe(200)
    expect((await call('GET', `/api/v1/enterprises/${enterpriseId}/members`, staff.duty)).statusCode).toBe(
      200,
    )
    const audit = await sql<{ action: string }>`
      select action from audit_log where subject_id in (${siteId}, ${enterpriseId})
        and action in ('enterprise.roster_view', 'enterprise.members_view')`.execute(runtime().ctx.db)
    expect(audit.rows.map((r) => r.action).sort()).toEqual([
      'enterprise.members_view',
      'enterprise.roster_view',
    ])
  })
})

describe('pre-departure training', () => {
  it('gives coverage per site and flags trainings expiring within 30 days or expired', async () => {
    const site = (await addSite(runtime().app, owner.cookie, enterpriseId, { name: 'Training camp' })).id
    const url = `/api/v1/enterprises/${enterpriseId}/sites/${site}/staff`
    const person = async (name: string) =>
      (await call('POST', url, owner.cookie, { name, phone: uniquePhone('CN') })).json().id as string
    const train = (id: string, validUntil: string, takenOn = dayFromToday(-300)) =>
      call('POST', `${url}/${id}/trainings`, owner.cookie, {
        course: 'Pre-departure security',
        takenOn,
        validUntil,
      })
    const [a, b, c] = [await person('Valid'), await person('Soon'), await person('Lapsed')]
    await person('Untrained')
    const valid = await train(a, dayFromToday(200))
    expect(valid.statusCode, valid.body).toBe(201)
    expect(valid.json().trainingState).toBe('valid')
    expect((await train(b, dayFromToday(10))).json().trainingState).toBe('expiring')
    expect((await train(c, dayFromToday(-1))).json().trainingState).toBe('expired')
    expectProblem(await train(a, dayFromToday(-400)), 422, 'enterprise.training_dates')

    const overview = (await call('GET', `/api/v1/enterprises/${enterpriseId}/training`, owner.cookie)).json()
    expect(overview.sites.find((s: { siteId: string }) => s.siteId === site)).toMatchObject({
      staff: 4,
      trained: 2,
      coverage: 50,
      expiring: 1,
      expired: 1,
    })
    const flagged = overview.flagged.filter((f: { siteId: string }) => f.siteId === site)
    expect(flagged.map((f: { name: string; state: string }) => [f.name, f.state])).toEqual([
      ['Lapsed', 'expired'],
      ['Soon', 'expiring'],
    ])
    // Renewed: no longer flagged.
    await train(c, dayFromToday(365), dayFromToday(0))
    const after = (await call('GET', `/api/v1/enterprises/${enterpriseId}/training`, owner.cookie)).json()
    expect(after.flagged.map((f: { name: string }) => f.name)).not.toContain('Lapsed')
  })
})
