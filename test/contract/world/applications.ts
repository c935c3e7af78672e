import { submittedRenewal } from '../../helpers/applications.ts'
import type { Builder } from './builder.ts'

/**
 * A's renewal submitted in Tokyo (the review's subject), a second one to withdraw, a draft to fill in,
 * and a third approved, paid and exported in Tokyo's production batch.
 */
export async function addApplications(b: Builder) {
  const app = b.rt.app
  const cookie = b.cookies.citizenA
  const tokyo = await submittedRenewal(app, cookie)
  const spare = await submittedRenewal(app, cookie)
  const draft = await b.made<{ id: string }>(
    'citizenA',
    'POST',
    '/api/v1/me/applications',
    { service: 'passport_renewal', mission: 'JP-TYO-EMB' },
    "A's draft application",
  )
  // Approved and paid in Tokyo, then exported: the production batch of the world.
  const produced = await submittedRenewal(app, cookie)
  for (const action of ['accept', 'approve'])
    await b.made(
      'officerTokyo',
      'POST',
      `/api/v1/applications/${produced.id}/events`,
      { action },
      `renewal ${action}`,
      200,
    )
  await b.made(
    'officerTokyo',
    'POST',
    `/api/v1/applications/${produced.id}/payment`,
    { receipt: 'R-W-1' },
    'fee paid',
    200,
  )
  const batch = await b.made(
    'officerTokyo',
    'POST',
    '/api/v1/production-batches',
    {},
    "Tokyo's production batch",
  )
  return {
    batchTokyo: batch.id,
    applicationTokyo: tokyo.id,
    applicationTokyoReference: tokyo.reference,
    applicationTokyoSpare: spare.id,
    applicationDraftA: draft.id,
  }
}
