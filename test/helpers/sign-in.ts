import { solveChallenge } from 'altcha-lib'
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { SignInChallenge } from '../../src/modules/identity/auth.schema.ts'

/** What the ALTCHA widget does in a browser: finds the counter and sends base64 JSON back. */
export async function solve(challenge: SignInChallenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 60_000 })
  if (!solution) throw new Error('The challenge was not solved in time')
  const payload = {
    challenge: { parameters: challenge.parameters, signature: challenge.signature },
    solution,
  }
  return Buffer.from(JSON.stringify(payload)).toString('base64')
}

export type SignInBody = { email: string; password: string } | { phone: string; password: string }

/** POST /auth/login from a given client address, with a solved challenge when one is given. */
export function signIn(
  app: FastifyInstance,
  body: SignInBody,
  from = '127.0.0.1',
  altcha?: string,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: from,
    payload: altcha ? { ...body, altcha } : body,
  })
}

/** Signs in as a person would with the web page: solves the challenge when the server asks for one. */
export async function signInSolving(
  app: FastifyInstance,
  body: SignInBody,
  from = '127.0.0.1',
): Promise<LightMyRequestResponse> {
  const first = await signIn(app, body, from)
  if (first.statusCode !== 401 || first.json().code !== 'auth.challenge_required') return first
  return signIn(app, body, from, await solve(first.json().challenge))
}
