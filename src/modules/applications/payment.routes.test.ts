import { describe, expect, it } from 'vitest'
import { submittedRenewal } from '../../../test/helpers/applications.ts'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { expectProblem, registerCitizen } from '../../../test/helpers/http.ts'
import { fakePaymentPage, PAYMENT_ENV } from '../../../test/helpers/payment-provider.ts'

const { runtime, staff, call } = withDemoRuntime({ env: PAYMENT_ENV })
const app = () => runtime().app
const callback = (body: object) => call('POST', '/api/v1/payments/callback', undefined, body)

describe('online payment', () => {
  it('sends the citizen out signed, takes the signed callback once, and pays as the counter does', async () => {
    const me = await registerCitizen(app())
    const { id } = await submittedRenewal(app(), me.cookie)
    const view = (await call('GET', `/api/v1/me/applications/${id}`, me.cookie)).json()
    expect(view.fee).toMatchObject({ amount: 2600, currency: 'JPY', paid: false, online: true })

    const started = await call('POST', `/api/v1/me/applications/${id}/payments`, me.cookie)
    expect(started.statusCode, started.body).toBe(201)
    const page = fakePaymentPage(started.json().redirectUrl)
    expect(page.params).toMatchObject({ merchant: 'lingshi-test', amount: '2600.00', currency: 'JPY' })
    expect(page.params.callbackUrl).toMatch(/\/api\/v1\/payments\/callback$/)

    expectProblem(
      await callback(page.callback('paid', { signature: '0'.repeat(64) })),
      401,
      'payment.bad_signature',
    )
    expectProblem(await callback(page.callback('paid', { amount: '1.00' })), 422, 'payment.mismatch')
    expectProblem(await callback(page.callback('paid', { currency: 'CNY' })), 422, 'payment.mismatch')
    expectProblem(
      await callback(page.callback('paid', { order: '01900000-0000-7000-8000-000000000000' })),
      404,
      'payment.unknown_order',
    )
    expect((await call('GET', `/api/v1/me/applications/${id}`, me.cookie)).json().fee.paid).toBe(false)

    const paid = await callback(page.callback('paid'))
    expect(paid.statusCode, paid.body).toBe(200)
    expect(paid.json()).toEqual({ ok: true, status: 'paid' })
    const twice = await callback(page.callback('paid'))
    expect(twice.json()).toEqual({ ok: true, status: 'paid' })
    const mine = (await call('GET', `/api/v1/me/applications/${id}`, me.cookie)).json()
    expect(mine.fee.paid).toBe(true)
    expect(mine.timeline.filter((e: { kind: string }) => e.kind === 'payment')).toHaveLength(1)
    expectProblem(
      await call('POST', `/api/v1/me/applications/${id}/payments`, me.cookie),
      409,
      'application.already_paid',
    )

    // The same gate as the counter: approved and paid goes to production.
    for (const action of ['accept', 'approve'])
      await call('POST', `/api/v1/applications/${id}/events`, staff.officerTokyo, { action })
    const produced = await call('POST', `/api/v1/applications/${id}/production`, staff.officerTokyo)
    expect(produced.json().status).toBe('in_production')
  })

  it('a failed payment leaves the fee unpaid; a draft, or another citizen, cannot pay', async () => {
    const me = await registerCitizen(app())
    const { id } = await submittedRenewal(app(), me.cookie)
    const page = fakePaymentPage(
      (await call('POST', `/api/v1/me/applications/${id}/payments`, me.cookie)).json().redirectUrl,
    )
    expect((await callback(page.callback('failed'))).json()).toEqual({ ok: true, status: 'failed' })
    expect((await callback(page.callback('paid'))).json()).toEqual({ ok: true, status: 'failed' })
    expect((await call('GET', `/api/v1/me/applications/${id}`, me.cookie)).json().fee.paid).toBe(false)

    const draft = await submittedRenewal(app(), me.cookie, { submit: false })
    expectProblem(
      await call('POST', `/api/v1/me/applications/${draft.id}/payments`, me.cookie),
      409,
      'application.bad_transition',
    )
    const other = await registerCitizen(app())
    expectProblem(
      await call('POST', `/api/v1/me/applications/${id}/payments`, other.cookie),
      404,
      'application.not_found',
    )
  })
})
