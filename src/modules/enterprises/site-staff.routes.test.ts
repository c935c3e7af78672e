import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { addSite, registeredEnterprise } from '../../../test/helpers/enterprises.ts'
import { expectProblem, type Session } from '../../../test/helpers/http.ts'
import { enterpriseAccount, uniquePhone } from '../../../test/helpers/notify.ts'

const { runtime, staff, call } = withDemoRuntime()

let owner: Session
let enterpriseId: string
let siteId: string
beforeAll(async () => {
  owner = await enterpriseAccount(runtime())
  enterpriseId = await registeredEnterprise(runtime().app, owner.cookie, staff.duty, {
    name: 'Export Test Co.',
  })
  siteId = (await addSite(runtime().app, owner.cookie, enterpriseId, { name: 'Export camp' })).id
  await call('POST', `/api/v1/enterprises/${enterpriseId}/sites/${siteId}/staff`, owner.cookie, {
    name: 'Zhou Min',
    phone: uniquePhone('CN'),
  })
})

describe("missions' view of sites", () => {
  it('exports the sites in scope as CSV with levels, scores, training and contacts (audited)', async () => {
    const duty = await call('GET', '/api/v1/sites/export?country=KE', staff.duty)
    expect(duty.statusCode, duty.body).toBe(200)
    expect(duty.headers['content-type']).toContain('text/csv')
    const [header, ...lines] = duty.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
    expect(header).toContain('security_officer')
    const mine = lines.find((l) => l.includes('Export camp'))
    expect(mine).toMatch(/^Export Test Co\.,测试路桥有限公司,Export camp,camp,KE,/)
    expect(mine).toContain(',1,0,') // roster of one, nobody trained
    const paris = await call('GET', '/api/v1/sites/export?country=KE', staff.officerParis)
    expect(
      paris.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(1)
    const audit = await sql<{ n: number }>`
      select count(*)::int as n from audit_log where action = 'sites.export'`.execute(runtime().ctx.db)
    expect(audit.rows[0]?.n).toBe(2)
  })

  it('gives HQ every country with its level, an officer only theirs', async () => {
    const hq = (await call('GET', '/api/v1/sites/by-country', staff.duty)).json()
    expect(hq.find((c: { country: string }) => c.country === 'KE')).toMatchObject({
      sites: expect.any(Number),
      staff: expect.any(Number),
      level: expect.toSatisfy((v: unknown) => v === null || typeof v === 'number'),
    })
    const paris = (await call('GET', '/api/v1/sites/by-country', staff.officerParis)).json()
    expect(paris.map((c: { country: string }) => c.country)).not.toContain('KE')
  })

  it("shows a site's roster to staff in scope (audited); another mission gets 404", async () => {
    expect((await call('GET', `/api/v1/sites/${siteId}/staff`, staff.officerParis)).statusCode).toBe(404)
    const roster = await call('GET', `/api/v1/sites/${siteId}/staff`, staff.duty)
    expect(roster.statusCode, roster.body).toBe(200)
    expect(roster.json().map((p: { name: string }) => p.name)).toEqual(['Zhou Min'])
    const site = (await call('GET', `/api/v1/sites/${siteId}`, staff.duty)).json()
    expect(site.training).toEqual({ roster: 1, trained: 0, coverage: 0 })
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log
      where action = 'sites.roster_view' and subject_id = ${siteId}`.execute(runtime().ctx.db)
    expect(audit.rows[0]?.n).toBe(1)
  })
})

describe('evacuation plan', () => {
  const upload = (payload: Buffer, cookie = owner.cookie) =>
    runtime().app.inject({
      method: 'PUT',
      url: `/api/v1/enterprises/${enterpriseId}/sites/${siteId}/plan?name=${encodeURIComponent('撤离预案.pdf')}`,
      headers: { cookie, 'content-type': 'application/pdf' },
      payload,
    })
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

  it('takes a PDF judged by its content, refuses anything else, and serves it back', async () => {
    expectProblem(await upload(Buffer.from('<html>not a plan</html>')), 415, 'enterprise.plan_not_pdf')
    const ok = await upload(pdf)
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toEqual({ name: '撤离预案.pdf', size: pdf.length })
    const site = (
      await call('GET', `/api/v1/enterprises/${enterpriseId}/sites/${siteId}`, owner.cookie)
    ).json()
    expect(site.evacuationPlan).toMatchObject({ name: '撤离预案.pdf', size: pdf.length })
    const back = await call('GET', `/api/v1/enterprises/${enterpriseId}/sites/${siteId}/plan`, owner.cookie)
    expect(back.statusCode).toBe(200)
    expect(back.rawPayload.equals(pdf)).toBe(true)
    const outsider = await enterpriseAccount(runtime())
    expect((await upload(pdf, outsider.cookie)).statusCode).toBe(404)
  })
})

describe('privacy export', () => {
  it('includes the enterprises the person administers', async () => {
    const data = (await call('GET', '/api/v1/me/export', owner.cookie)).json()
    expect(data.enterprises).toEqual([expect.objectContaining({ id: enterpriseId, memberRole: 'admin' })])
  })
})
