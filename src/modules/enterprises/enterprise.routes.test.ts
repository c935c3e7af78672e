import { beforeAll, describe, expect, it } from 'vitest'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { addSite, enterpriseBody, registeredEnterprise, siteBody } from '../../../test/helpers/enterprises.ts'
import { expectProblem, registerCitizen, type Session } from '../../../test/helpers/http.ts'
import { enterpriseAccount } from '../../../test/helpers/notify.ts'

const { runtime, staff, call } = withDemoRuntime()

let owner: Session
let stranger: Session & { email: string }
beforeAll(async () => {
  owner = await enterpriseAccount(runtime())
  stranger = await registerCitizen(runtime().app)
})

describe('registering an enterprise', () => {
  it('takes a real credit code, refuses it changed by one character, and refuses it twice', async () => {
    const real = await call(
      'POST',
      '/api/v1/enterprises',
      owner.cookie,
      enterpriseBody({ creditCode: '91440300708461136T' }),
    )
    expect(real.statusCode, real.body).toBe(201)
    expect(real.json()).toEqual({ id: expect.any(String), status: 'pending' })

    const changed = await call(
      'POST',
      '/api/v1/enterprises',
      owner.cookie,
      enterpriseBody({ creditCode: '91440300708461137T' }),
    )
    expectProblem(changed, 422, 'enterprise.credit_code')

    const again = await call(
      'POST',
      '/api/v1/enterprises',
      stranger.cookie,
      enterpriseBody({ creditCode: '91440300708461136t' }),
    )
    expectProblem(again, 409, 'enterprise.credit_code_taken')

    const mine = (await call('GET', '/api/v1/me/enterprises', owner.cookie)).json()
    expect(mine).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: real.json().id, myRole: 'admin' })]),
    )
    expect((await call('GET', `/api/v1/enterprises/${real.json().id}`, stranger.cookie)).statusCode).toBe(404)
  })

  it('is verified by a duty officer, not by its own account', async () => {
    const id = await registeredEnterprise(runtime().app, owner.cookie)
    expect((await call('POST', `/api/v1/enterprises/${id}/verify`, owner.cookie)).statusCode).toBe(403)
    const pending = (await call('GET', '/api/v1/enterprises?status=pending', staff.duty)).json()
    expect(pending.map((e: { id: string }) => e.id)).toContain(id)
    const res = await call('POST', `/api/v1/enterprises/${id}/verify`, staff.duty)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ status: 'verified' })
    expect((await call('GET', `/api/v1/enterprises/${id}`, owner.cookie)).json().status).toBe('verified')
  })

  it('adds a security officer by e-mail (administrators only)', async () => {
    const id = await registeredEnterprise(runtime().app, owner.cookie)
    const officer = await registerCitizen(runtime().app)
    const res = await call('POST', `/api/v1/enterprises/${id}/members`, owner.cookie, {
      email: officer.email,
      role: 'security_officer',
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toHaveLength(2)
    const byOfficer = await call('POST', `/api/v1/enterprises/${id}/members`, officer.cookie, {
      email: stranger.email,
      role: 'admin',
    })
    expectProblem(byOfficer, 403, 'enterprise.not_admin')
  })
})

describe('sites', () => {
  let enterpriseId: string
  let siteId: string
  beforeAll(async () => {
    enterpriseId = await registeredEnterprise(runtime().app, owner.cookie, staff.duty)
    siteId = (await addSite(runtime().app, owner.cookie, enterpriseId)).id
  })

  it("are listed with their country's advisory level, and changed whole", async () => {
    const list = (await call('GET', `/api/v1/enterprises/${enterpriseId}/sites`, owner.cookie)).json()
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({
      id: siteId,
      country: 'KE',
      staff: { chinese: 40 },
      advisory: expect.any(Object),
    })
    const res = await call(
      'PUT',
      `/api/v1/enterprises/${enterpriseId}/sites/${siteId}`,
      owner.cookie,
      siteBody({ staff: { chinese: 41, local: 100, other: 0 }, measures: { guards: true, safeRoom: true } }),
    )
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ staff: { chinese: 41 }, measures: { guards: true, safeRoom: true } })
  })

  it('refuses a point in another country', async () => {
    const res = await call(
      'POST',
      `/api/v1/enterprises/${enterpriseId}/sites`,
      owner.cookie,
      siteBody({ lat: 48.85, lon: 2.35 }),
    )
    expectProblem(res, 422, 'enterprise.point_outside_country')
  })

  it('are seen by staff in scope only: the Paris officer sees no Kenyan site, HQ sees it', async () => {
    const paris = await call('GET', '/api/v1/sites?country=KE', staff.officerParis)
    expect(paris.statusCode, paris.body).toBe(200)
    expect(paris.json().items).toEqual([])
    expect((await call('GET', `/api/v1/sites/${siteId}`, staff.officerParis)).statusCode).toBe(404)
    const duty = (await call('GET', '/api/v1/sites?country=KE&limit=200', staff.duty)).json()
    expect(duty.items.map((s: { id: string }) => s.id)).toContain(siteId)
    expect((await call('GET', `/api/v1/sites/${siteId}`, staff.duty)).statusCode).toBe(200)
  })

  it("of an enterprise not yet verified are not staff's to see", async () => {
    const pending = await registeredEnterprise(runtime().app, owner.cookie)
    const site = await addSite(runtime().app, owner.cookie, pending)
    expect((await call('GET', `/api/v1/sites/${site.id}`, staff.duty)).statusCode).toBe(404)
  })

  it('pages by cursor', async () => {
    await addSite(runtime().app, owner.cookie, enterpriseId, { name: 'Second camp' })
    const first = (await call('GET', '/api/v1/sites?country=KE&limit=1', staff.duty)).json()
    expect(first.items).toHaveLength(1)
    expect(first.nextCursor).toBe(first.items[0].id)
    const second = (
      await call('GET', `/api/v1/sites?country=KE&limit=1&cursor=${first.nextCursor}`, staff.duty)
    ).json()
    expect(second.items[0].id > first.items[0].id).toBe(true)
  })
})

describe('self-assessment', () => {
  it('scores answers 0–100 by section, lists the gaps with guidance, and keeps the history', async () => {
    const id = await registeredEnterprise(runtime().app, owner.cookie)
    const template = (await call('GET', '/api/v1/enterprises/assessment/template', owner.cookie)).json()
    const ids: string[] = template.sections.flatMap((s: { questions: { id: string }[] }) =>
      s.questions.map((q) => q.id),
    )
    expect(template.sections.length).toBeGreaterThanOrEqual(6)
    expect(template.sections[0].questions[0]).toMatchObject({
      id: expect.any(String),
      text: expect.any(String),
      weight: expect.any(Number),
    })

    const full = await call('PUT', `/api/v1/enterprises/${id}/assessment`, owner.cookie, {
      answers: Object.fromEntries(ids.map((q) => [q, 3])),
    })
    expect(full.statusCode, full.body).toBe(200)
    expect(full.json()).toMatchObject({ score: 100, gaps: [] })

    const answers = Object.fromEntries(ids.map((q) => [q, 3]))
    answers[ids[0] as string] = 0
    const partial = (
      await call('PUT', `/api/v1/enterprises/${id}/assessment`, owner.cookie, { answers })
    ).json()
    expect(partial.score).toBeLessThan(100)
    expect(partial.score).toBeGreaterThan(80)
    expect(partial.sections[0].score).toBeLessThan(100)
    expect(partial.gaps).toEqual([
      expect.objectContaining({ questionId: ids[0], guidance: expect.any(Object) }),
    ])

    expectProblem(
      await call('PUT', `/api/v1/enterprises/${id}/assessment`, owner.cookie, { answers: { nope: 1 } }),
      422,
      'enterprise.unknown_question',
    )
    const history = (await call('GET', `/api/v1/enterprises/${id}/assessments`, owner.cookie)).json()
    expect(history.map((h: { score: number }) => h.score)).toEqual([partial.score, 100])
    expect(
      (await call('PUT', `/api/v1/enterprises/${id}/assessment`, stranger.cookie, { answers })).statusCode,
    ).toBe(404)
  })
})

describe('incidents', () => {
  it('reach the hotline as a contact; a kidnapping also opens a case linked to the site', async () => {
    const id = await registeredEnterprise(runtime().app, owner.cookie, staff.duty)
    const site = await addSite(runtime().app, owner.cookie, id)
    const robbery = await call('POST', `/api/v1/enterprises/${id}/incidents`, owner.cookie, {
      siteId: site.id,
      kind: 'robbery',
      summary: 'Payroll van robbed on the way to the camp',
    })
    expect(robbery.statusCode, robbery.body).toBe(201)
    expect(robbery.json().caseId).toBeUndefined()
    const contacts = (await call('GET', '/api/v1/contacts?channel=app&limit=500', staff.operator)).json()
    expect(JSON.stringify(contacts)).toContain(robbery.json().contactId)

    const kidnap = await call('POST', `/api/v1/enterprises/${id}/incidents`, owner.cookie, {
      siteId: site.id,
      kind: 'kidnapping',
      summary: 'Two engineers taken at the quarry',
    })
    expect(kidnap.statusCode, kidnap.body).toBe(201)
    const { caseId } = kidnap.json()
    const c = await call('GET', `/api/v1/cases/${caseId}`, staff.duty)
    expect(c.statusCode, c.body).toBe(200)
    expect(c.json()).toMatchObject({ type: 'kidnapping', siteId: site.id, enterpriseId: id, country: 'KE' })

    const other = await registeredEnterprise(runtime().app, owner.cookie)
    const wrongSite = await call('POST', `/api/v1/enterprises/${other}/incidents`, owner.cookie, {
      siteId: site.id,
      kind: 'strike',
      summary: 'x',
    })
    expectProblem(wrongSite, 404, 'enterprise.site_not_found')
  })
})
