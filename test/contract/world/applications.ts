import { submittedRenewal } from '../../helpers/applications.ts'
import type { Builder } from './builder.ts'

/** A's renewal submitted in Tokyo (the review's subject), a second one to withdraw, and a draft to fill in. */
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
  return {
    applicationTokyo: tokyo.id,
    applicationTokyoReference: tokyo.reference,
    applicationTokyoSpare: spare.id,
    applicationDraftA: draft.id,
  }
}
