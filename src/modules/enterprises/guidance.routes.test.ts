import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { addSite, registeredEnterprise } from '../../../test/helpers/enterprises.ts'
import { expectProblem, registerCitizen, type Session } from '../../../test/helpers/http.ts'
import { enterpriseAccount } from '../../../test/helpers/notify.ts'
import { sendAssessmentReminders } from './assessment-reminder.job.ts'

const { runtime, staff, call } = withDemoRuntime()

const text = (en: string) => ({ 'zh-CN': `${en}（中文）`, en })
const draft = (title: string) => ({
  title: text(title),
  body: text(`${title}: keep to the compound after dark.`),
})

let owner: Session
let enterpriseId: string
beforeAll(async () => {
  owner = await enterpriseAccount(runtime())
  enterpriseId = await registeredEnterprise(runtime().app, owner.cookie, staff.duty)
  await addSite(runtime().app, owner.cookie, enterpriseId)
})

const inbox = async (cookie: string) =>
  (await call('GET', '/api/v1/me/inbox?limit=50', cookie)).json() as {
    kind: string
    title: string
    link: string
  }[]

describe('security guidance for enterprises', () => {
  it('is drafted by an officer for their countries only, published by a duty officer, with versions', async () => {
    expectProblem(
      await call('PUT', '/api/v1/enterprise-guidance/KE/draft', staff.officerParis, draft('Nairobi')),
      403,
      'enterprise.guidance_out_of_scope',
    )
    expect(
      (await call('PUT', '/api/v1/enterprise-guidance/JP/draft', staff.officerTokyo, draft('Tokyo')))
        .statusCode,
    ).toBe(200)
    expect(
      (await call('POST', '/api/v1/enterprise-guidance/JP/publish', staff.officerTokyo)).statusCode,
    ).toBe(403)

    const first = await call('PUT', '/api/v1/enterprise-guidance/KE/draft', staff.duty, draft('Version one'))
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({ basedOn: null, title: { en: 'Version one' } })
    const p1 = await call('POST', '/api/v1/enterprise-guidance/KE/publish', staff.duty)
    expect(p1.statusCode, p1.body).toBe(200)
    expect(p1.json()).toMatchObject({ version: 1, title: { en: 'Version one' } })
    expect(p1.json().notified).toBeGreaterThanOrEqual(1)
    expectProblem(
      await call('POST', '/api/v1/enterprise-guidance/KE/publish', staff.duty),
      404,
      'enterprise.guidance_no_draft',
    )
    await call('PUT', '/api/v1/enterprise-guidance/KE/draft', staff.duty, draft('Version two'))
    expect((await call('GET', '/api/v1/enterprise-guidance/KE/draft', staff.duty)).json().basedOn).toBe(1)
    expect((await call('POST', '/api/v1/enterprise-guidance/KE/publish', staff.duty)).json().version).toBe(2)

    const country = (await call('GET', '/api/v1/enterprise-guidance/KE', owner.cookie)).json()
    expect(country.current).toMatchObject({
      version: 2,
      body: { en: 'Version two: keep to the compound after dark.' },
    })
    expect(country.history.map((h: { version: number }) => h.version)).toEqual([1])
  })

  it('is shown to the enterprises with sites there, and its publication reaches their inbox', async () => {
    const mine = (await call('GET', `/api/v1/enterprises/${enterpriseId}/guidance`, owner.cookie)).json()
    expect(mine).toEqual([{ country: 'KE', sites: 1, guidance: expect.objectContaining({ version: 2 }) }])
    const messages = (await inbox(owner.cookie)).filter((m) => m.kind === 'enterprise.guidance')
    expect(messages).toHaveLength(2)
    expect(messages[0]?.link).toBe('/enterprise')
    const stranger = await registerCitizen(runtime().app)
    expect(
      (await call('GET', `/api/v1/enterprises/${enterpriseId}/guidance`, stranger.cookie)).statusCode,
    ).toBe(404)
  })
})

describe('self-assessment reminders', () => {
  const publishLevel = async (level: number) => {
    const put = await call('PUT', '/api/v1/advisories/KE', staff.duty, {
      level,
      summary: text(`Level ${level}`),
    })
    expect(put.statusCode, put.body).toBe(200)
    expect((await call('POST', '/api/v1/advisories/KE/publish', staff.duty)).statusCode).toBe(200)
  }
  const reminders = async () =>
    (await inbox(owner.cookie)).filter((m) => m.kind === 'enterprise.assessment_due')

  it('are due when none was made, once a year, and when a site’s level rises; each reason is sent once', async () => {
    const due = (await call('GET', `/api/v1/enterprises/${enterpriseId}/assessment/due`, owner.cookie)).json()
    expect(due).toMatchObject({ due: true, reasons: [{ kind: 'first' }] })
    await sendAssessmentReminders(runtime().ctx)
    await sendAssessmentReminders(runtime().ctx)
    expect(await reminders()).toHaveLength(1)

    await publishLevel(1)
    const put = await call('PUT', `/api/v1/enterprises/${enterpriseId}/assessment`, owner.cookie, {
      answers: { gov1: 3 },
    })
    expect(put.statusCode, put.body).toBe(200)
    expect(
      (await call('GET', `/api/v1/enterprises/${enterpriseId}/assessment/due`, owner.cookie)).json().due,
    ).toBe(false)
    await sendAssessmentReminders(runtime().ctx)
    expect(await reminders()).toHaveLength(1)

    await publishLevel(2)
    const rose = (
      await call('GET', `/api/v1/enterprises/${enterpriseId}/assessment/due`, owner.cookie)
    ).json()
    expect(rose.reasons).toEqual([expect.objectContaining({ kind: 'level_rose', from: 1, to: 2 })])
    await sendAssessmentReminders(runtime().ctx)
    await sendAssessmentReminders(runtime().ctx)
    const after = await reminders()
    expect(after).toHaveLength(2)
    expect(after[0]?.title).toBe('A security self-assessment is due')

    await sql`update enterprise_assessments set submitted_at = now() - interval '400 days'
               where enterprise_id = ${enterpriseId}::uuid`.execute(runtime().ctx.db)
    const yearly = (
      await call('GET', `/api/v1/enterprises/${enterpriseId}/assessment/due`, owner.cookie)
    ).json()
    expect(yearly.reasons.map((r: { kind: string }) => r.kind)).toEqual(['yearly', 'level_rose'])
    await sendAssessmentReminders(runtime().ctx)
    expect(await reminders()).toHaveLength(3)
  })
})
