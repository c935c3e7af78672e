import { describe, expect, it } from 'vitest'
import { LOST_REPLACEMENT, submittedRenewal } from '../../../test/helpers/applications.ts'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { expectProblem, registerCitizen } from '../../../test/helpers/http.ts'

const { runtime, staff, call } = withDemoRuntime()
const app = () => runtime().app

const lost = (number: string, reason = 'lost') => ({
  ...LOST_REPLACEMENT,
  form: { reason, currentPassport: { number, expiryDate: '2030-01-01' } },
})

describe('the register of invalidated documents', () => {
  it('takes a lost passport on submission; staff find it by number (audited); the review shows the hit', async () => {
    const me = await registerCitizen(app())
    const { id, reference } = await submittedRenewal(app(), me.cookie, lost('E12345671'))

    const search = await call('GET', '/api/v1/invalidated-documents?number=e12345671', staff.officerParis)
    expect(search.statusCode, search.body).toBe(200)
    expect(search.json().items).toEqual([
      expect.objectContaining({
        number: 'E12345671',
        reason: 'lost',
        mission: 'JP-TYO-EMB',
        applicationReference: reference,
      }),
    ])
    expect(
      (await call('GET', '/api/v1/invalidated-documents?number=E99999999', staff.officerTokyo)).json(),
    ).toEqual({ items: [] })
    const audit = await runtime()
      .ctx.db.selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'invalidated_document.search')
      .execute()
    expect(audit).toHaveLength(2)
    expect(JSON.stringify(audit)).not.toContain('E12345671')

    const review = (await call('GET', `/api/v1/applications/${id}`, staff.officerTokyo)).json()
    expect(review.invalidatedDocument).toEqual({ reason: 'lost', since: expect.any(String), ownReport: true })
    const mine = (await call('GET', `/api/v1/me/applications/${id}`, me.cookie)).json()
    expect(mine).not.toHaveProperty('invalidatedDocument')
    expect(mine).not.toHaveProperty('approval')

    // Another person renews with that very passport: the officer sees it is void.
    const other = await registerCitizen(app())
    const renewal = await submittedRenewal(app(), other.cookie, {
      form: { currentPassport: { number: 'E12345671', expiryDate: '2030-01-01' } },
    })
    const hit = (await call('GET', `/api/v1/applications/${renewal.id}`, staff.officerTokyo)).json()
    expect(hit.invalidatedDocument).toMatchObject({ reason: 'lost', ownReport: false })
    const clean = await submittedRenewal(app(), other.cookie, {
      form: { currentPassport: { number: 'E55555555', expiryDate: '2030-01-01' } },
    })
    expect(
      (await call('GET', `/api/v1/applications/${clean.id}`, staff.officerTokyo)).json().invalidatedDocument,
    ).toBe(null)
  })

  it('takes an entry by hand from staff, once; citizens may not search', async () => {
    const body = { number: 'G7654321', reason: 'stolen', note: 'Reported to the Shinjuku police' }
    const added = await call('POST', '/api/v1/invalidated-documents', staff.officerTokyo, body)
    expect(added.statusCode, added.body).toBe(201)
    expect(added.json()).toMatchObject({ number: 'G7654321', reason: 'stolen', mission: 'JP-TYO-EMB' })
    expectProblem(
      await call('POST', '/api/v1/invalidated-documents', staff.duty, body),
      409,
      'register.already_listed',
    )
    const me = await registerCitizen(app())
    expectProblem(
      await call('GET', '/api/v1/invalidated-documents?number=G7654321', me.cookie),
      403,
      'auth.forbidden',
    )
    expectProblem(
      await call('GET', '/api/v1/invalidated-documents?number=x', staff.officerTokyo),
      400,
      'validation.failed',
    )
  })
})

describe('the second approver', () => {
  it('a lost or stolen replacement waits for a second, different officer; a renewal needs one', async () => {
    const me = await registerCitizen(app())
    const { id } = await submittedRenewal(app(), me.cookie, lost('S1234567', 'stolen'))
    const event = (who: string, body: object) => call('POST', `/api/v1/applications/${id}/events`, who, body)
    expect((await event(staff.officerTokyo, { action: 'accept' })).json().status).toBe('accepted')

    const first = await event(staff.officerTokyo, { action: 'approve' })
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({
      status: 'accepted',
      approval: { required: 2, firstApproverId: expect.any(String), firstApprovedAt: expect.any(String) },
    })
    expectProblem(await event(staff.officerTokyo, { action: 'approve' }), 409, 'application.same_approver')
    const second = await event(staff.duty, { action: 'approve' })
    expect(second.json().status).toBe('approved')

    const mine = (await call('GET', `/api/v1/me/applications/${id}`, me.cookie)).json()
    expect(mine.timeline.map((e: { kind: string }) => e.kind)).not.toContain('approval')

    const renewal = await submittedRenewal(app(), me.cookie, {
      form: { currentPassport: { number: 'R1234567', expiryDate: '2030-01-01' } },
    })
    await call('POST', `/api/v1/applications/${renewal.id}/events`, staff.officerTokyo, { action: 'accept' })
    const once = await call('POST', `/api/v1/applications/${renewal.id}/events`, staff.officerTokyo, {
      action: 'approve',
    })
    expect(once.json()).toMatchObject({
      status: 'approved',
      approval: { required: 1, firstApproverId: null },
    })
  })

  it('a return after the first approval starts the approval again', async () => {
    const me = await registerCitizen(app())
    const { id } = await submittedRenewal(app(), me.cookie, lost('T1234567'))
    const event = (who: string, body: object) => call('POST', `/api/v1/applications/${id}/events`, who, body)
    await event(staff.officerTokyo, { action: 'accept' })
    await event(staff.officerTokyo, { action: 'approve' })
    const returned = await event(staff.duty, {
      action: 'return',
      reason: 'Photo',
      corrections: [{ field: 'birthPlace', message: 'Say the city' }],
    })
    expect(returned.json()).toMatchObject({ status: 'returned', approval: { firstApproverId: null } })
  })
})
