import { beforeAll, describe, expect, it } from 'vitest'
import { alertBody, createAlert, sendAndWait } from '../../../test/helpers/alerts.ts'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { addSite, NAIROBI_CAP_POLYGON, registeredEnterprise } from '../../../test/helpers/enterprises.ts'
import { expectProblem, type Session } from '../../../test/helpers/http.ts'
import { enterpriseAccount } from '../../../test/helpers/notify.ts'

const { runtime, staff, call } = withDemoRuntime({ work: true })

const nairobiAlert = (headline: string) =>
  alertBody({ area: { areaDesc: 'Nairobi', polygon: [NAIROBI_CAP_POLYGON] }, info: { headline } })

let owner: Session
let other: Session
let siteId: string
let alertId: string
beforeAll(async () => {
  owner = await enterpriseAccount(runtime())
  other = await enterpriseAccount(runtime())
  const enterpriseId = await registeredEnterprise(runtime().app, owner.cookie, staff.duty)
  siteId = (await addSite(runtime().app, owner.cookie, enterpriseId)).id
  // A pending enterprise's site in the same place is not reached.
  const pending = await registeredEnterprise(runtime().app, other.cookie)
  await addSite(runtime().app, other.cookie, pending)
  const alert = await createAlert(runtime().app, staff.duty, nairobiAlert('Unrest in central Nairobi'))
  expect(alert.reach).toMatchObject({ sites: 1 })
  alertId = alert.id
  await sendAndWait(runtime().app, staff.duty, alertId)
})

const headcount = (cookie: string, body: object) =>
  call('POST', `/api/v1/alerts/${alertId}/headcounts`, cookie, { siteId, ...body })

describe("an alert over an enterprise's site", () => {
  it('reaches the site: the stats count it, the enterprise is asked for a headcount', async () => {
    const stats = (await call('GET', `/api/v1/alerts/${alertId}/stats`, staff.duty)).json()
    expect(stats.sites).toEqual({ reached: 1, reported: 0, safe: 0, injured: 0, missing: 0 })
    const inbox = (await call('GET', '/api/v1/me/inbox', owner.cookie)).json()
    expect(inbox.some((m: { link: string | null }) => m.link === `/enterprise/alerts/${alertId}`)).toBe(true)
    const mine = (await call('GET', '/api/v1/me/site-alerts', owner.cookie)).json()
    expect(mine[0]).toMatchObject({ alertId, sites: [{ id: siteId, headcount: null }] })
  })

  it('refuses a headcount over its total, and one from another enterprise', async () => {
    expectProblem(
      await headcount(owner.cookie, { total: 10, safe: 8, injured: 2, missing: 1 }),
      422,
      'alert.headcount_over_total',
    )
    expectProblem(
      await headcount(other.cookie, { total: 10, safe: 10, injured: 0, missing: 0 }),
      404,
      'alert.not_found',
    )
    expect((await call('GET', `/api/v1/alerts/${alertId}/stats`, staff.duty)).json().sites.reported).toBe(0)
  })

  it('opens a missing_person case for a missing person, and a later report replaces the earlier', async () => {
    const first = await headcount(owner.cookie, { total: 165, safe: 160, injured: 4, missing: 1 })
    expect(first.statusCode, first.body).toBe(201)
    const caseId = first.json().caseId as string
    expect(caseId).toEqual(expect.any(String))
    const c = (await call('GET', `/api/v1/cases/${caseId}`, staff.duty)).json()
    expect(c).toMatchObject({
      type: 'missing_person',
      siteId,
      country: 'KE',
      enterpriseId: expect.any(String),
    })
    expect((await call('GET', `/api/v1/alerts/${alertId}/stats`, staff.duty)).json().sites).toEqual({
      reached: 1,
      reported: 1,
      safe: 160,
      injured: 4,
      missing: 1,
    })

    const second = await headcount(owner.cookie, { total: 165, safe: 163, injured: 2, missing: 0 })
    expect(second.statusCode, second.body).toBe(201)
    expect(second.json().caseId).toBe(caseId)
    expect((await call('GET', `/api/v1/alerts/${alertId}/stats`, staff.duty)).json().sites).toEqual({
      reached: 1,
      reported: 1,
      safe: 163,
      injured: 2,
      missing: 0,
    })
    const board = (await call('GET', `/api/v1/alerts/${alertId}/sites`, staff.duty)).json()
    expect(board).toEqual([
      expect.objectContaining({
        id: siteId,
        headcount: expect.objectContaining({ total: 165, safe: 163, caseId }),
      }),
    ])
  })

  it("is not the Paris officer's to read", async () => {
    expect((await call('GET', `/api/v1/alerts/${alertId}/sites`, staff.officerParis)).statusCode).toBe(404)
  })
})
