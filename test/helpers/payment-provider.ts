import { expect } from 'vitest'
import { signPayment, verifyPayment } from '../../src/modules/applications/payment.signature.ts'

export const PAYMENT_SECRET = 'test-payment-secret-0123456789abcdef-0123'

/** A runtime whose fees may be paid online, at the fake provider below. */
export const PAYMENT_ENV = {
  PAYMENT_PAGE_URL: 'https://pay.example.test/checkout',
  PAYMENT_SECRET,
  PAYMENT_MERCHANT_ID: 'lingshi-test',
} as const

/**
 * The hosted payment page of the tests: it reads the address the citizen is sent to, checks our
 * signature on it as a provider would, and writes its callbacks signed with the shared secret.
 */
export function fakePaymentPage(redirectUrl: string, secret = PAYMENT_SECRET) {
  const url = new URL(redirectUrl)
  const params = Object.fromEntries(url.searchParams)
  expect(`${url.origin}${url.pathname}`).toBe(PAYMENT_ENV.PAYMENT_PAGE_URL)
  expect(verifyPayment(params, secret)).toBe(true)
  return {
    params,
    /** The provider's word on the order, signed (overrides are signed too, unless `signature` is given). */
    callback(status: 'paid' | 'failed', overrides: Record<string, string> = {}) {
      const body: Record<string, string> = {
        merchant: params.merchant ?? '',
        order: params.order ?? '',
        status,
        amount: params.amount ?? '',
        currency: params.currency ?? '',
        providerRef: `PSP-${(params.order ?? '').slice(-8)}`,
        ...overrides,
      }
      return { ...body, signature: overrides.signature ?? signPayment(body, secret) }
    },
  }
}
