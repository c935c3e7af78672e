import { z } from 'zod'
import type { AppContext } from '../../context.ts'
import { defineJob } from '../../platform/queue/job.ts'
import { forgotPassword } from './password.service.ts'
import { requestLoginCode } from './phone.service.ts'

/**
 * What a request for a reset link or a sign-in code does after answering: whether an account has
 * the address or number is looked up here, so the request itself does the same work (one job
 * queued) either way.
 */
export const forgotPasswordJobType = {
  name: 'identity.forgot-password',
  payload: z.object({ email: z.string().max(254) }),
}
export const loginCodeJobType = {
  name: 'identity.login-code',
  payload: z.object({ phone: z.string().max(20) }),
}

export function forgotPasswordJob(ctx: AppContext) {
  return defineJob({
    ...forgotPasswordJobType,
    retryLimit: 3,
    expireInSeconds: 60,
    handle: ({ email }) => forgotPassword(ctx, email),
  })
}

export function loginCodeJob(ctx: AppContext) {
  return defineJob({
    ...loginCodeJobType,
    retryLimit: 3,
    expireInSeconds: 60,
    handle: ({ phone }) => requestLoginCode(ctx, phone),
  })
}
