import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Principal } from '../../platform/http/access.ts'
import { addEvent, findScopedApplication, updateApplication } from './application.repository.ts'
import { ownApplication } from './application.service.ts'
import { applicationsError } from './applications.errors.ts'
import { findPayment, insertPayment, updatePayment } from './payment.repository.ts'
import type { PaymentCallbackBody } from './payment.schema.ts'
import { signPayment, verifyPayment } from './payment.signature.ts'

const UNPAYABLE = new Set(['draft', 'withdrawn', 'refused'])

/**
 * Sends the citizen to the hosted payment page: a pending payment of the application's fee, and a
 * signed request naming it (the order), the amount, where to return and where to call back.
 */
export async function startPayment(ctx: AppContext, principal: Principal, id: string) {
  const config = ctx.config.payment
  if (!config) throw applicationsError('payment.unavailable', 'Fees are paid at the counter here')
  const row = await ownApplication(ctx, principal.userId, id)
  if (row.payment_receipt) throw applicationsError('application.already_paid', 'The fee is paid already')
  if (UNPAYABLE.has(row.status))
    throw applicationsError(
      'application.bad_transition',
      `No fee is taken for an application that is ${row.status}`,
      {
        from: row.status,
      },
    )
  const paymentId = uuidv7()
  const amount = Number(row.fee_amount).toFixed(2)
  const currency = row.fee_currency.trim()
  await insertPayment(ctx.db, {
    id: paymentId,
    application_id: id,
    amount,
    currency,
    status: 'pending',
    provider_ref: null,
    created_at: new Date(),
    settled_at: null,
  })
  const params: Record<string, string> = {
    merchant: config.merchantId,
    order: paymentId,
    amount,
    currency,
    description: `Lingshi ${row.reference}`,
    returnUrl: `${ctx.config.linkBase}/applications/${id}`,
    callbackUrl: `${ctx.config.linkBase}/api/v1/payments/callback`,
  }
  const url = new URL(config.pageUrl)
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v)
  url.searchParams.set('signature', signPayment(params, config.secret))
  return { paymentId, redirectUrl: url.toString() }
}

/**
 * The provider's callback: signed with the shared secret, for an order we sent, for the amount and
 * currency we asked. Idempotent: the same word twice changes nothing. A paid order pays the
 * application exactly as a counter receipt does (the same gate to production).
 */
export async function settlePayment(ctx: AppContext, body: PaymentCallbackBody, ip: string) {
  const config = ctx.config.payment
  if (!config) throw applicationsError('payment.unavailable', 'No payment provider is configured')
  if (body.merchant !== config.merchantId || !verifyPayment(body, config.secret))
    throw applicationsError('payment.bad_signature', 'The callback is not signed by the provider')
  return ctx.db.transaction().execute(async (trx) => {
    const payment = await findPayment(trx, body.order, true)
    if (!payment) throw applicationsError('payment.unknown_order', 'No such order')
    if (Number(payment.amount).toFixed(2) !== body.amount || payment.currency.trim() !== body.currency)
      throw applicationsError('payment.mismatch', 'The amount or currency is not the one asked', {
        expected: { amount: Number(payment.amount).toFixed(2), currency: payment.currency.trim() },
      })
    if (payment.status !== 'pending') return { ok: true as const, status: payment.status }
    const now = new Date()
    await updatePayment(trx, payment.id, {
      status: body.status,
      provider_ref: body.providerRef,
      settled_at: now,
    })
    if (body.status === 'paid') {
      const row = await findScopedApplication(trx, null, payment.application_id, true)
      // Paid at the counter meanwhile: the online payment is kept on record for a refund.
      if (row && !row.payment_receipt) {
        await updateApplication(trx, row.id, {
          payment_receipt: `online:${body.providerRef}`,
          updated_at: now,
        })
        await addEvent(trx, {
          id: uuidv7(),
          applicationId: row.id,
          kind: 'payment',
          reason: null,
          actorId: null,
          at: now,
        })
      }
      await recordAudit(trx, {
        actorId: null,
        actorRoles: [],
        action: 'application.payment_online',
        subjectType: 'application',
        subjectId: payment.application_id,
        ip,
        details: { order: payment.id, providerRef: body.providerRef, duplicate: !!row?.payment_receipt },
      })
    }
    return { ok: true as const, status: body.status }
  })
}
