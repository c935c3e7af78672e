import { solveChallengeWorkers } from 'altcha-lib/v1'
import AltchaWorker from 'altcha-lib/v1/worker?worker'
import { useCallback, useRef, useState } from 'react'
import { get } from '../lib/api.ts'
import type { AltchaChallenge } from './types.ts'

/**
 * Solves the server's v1 (SHA-256) ALTCHA challenge in Workers served from our own origin
 * (the Content-Security-Policy refuses blob: workers) and returns the payload the ALTCHA widget
 * would send: base64 of `{algorithm, challenge, number, salt, signature, took}`.
 *
 * The v3 widget in package.json speaks only the newer key-derivation format, so the booking
 * screens do the widget's work with altcha-lib's own browser solver instead.
 */
export async function solveAltcha(challenge: AltchaChallenge): Promise<string> {
  const started = performance.now()
  const cores = Math.min(4, Math.max(1, navigator.hardwareConcurrency || 1))
  const solution = await solveChallengeWorkers(
    () => new AltchaWorker(),
    cores,
    challenge.challenge,
    challenge.salt,
    challenge.algorithm,
    challenge.maxnumber,
  )
  if (!solution) throw new Error('altcha: no solution within maxnumber')
  const payload = {
    algorithm: challenge.algorithm,
    challenge: challenge.challenge,
    number: solution.number,
    salt: challenge.salt,
    signature: challenge.signature,
    took: Math.round(performance.now() - started),
  }
  return btoa(JSON.stringify(payload))
}

export type ProofState = 'idle' | 'working' | 'verified' | 'error'

/**
 * One proof of work per action: `prove()` fetches a fresh single-use challenge and solves it;
 * `spend()` hands the payload over once and forgets it.
 */
export function useProofOfWork() {
  const [state, setState] = useState<ProofState>('idle')
  const payload = useRef<string | undefined>(undefined)
  const running = useRef<Promise<string> | undefined>(undefined)

  const prove = useCallback(async (): Promise<string> => {
    if (payload.current) return payload.current
    if (running.current) return running.current
    setState('working')
    running.current = get<AltchaChallenge>('/api/v1/appointments/challenge')
      .then(solveAltcha)
      .then((p) => {
        payload.current = p
        setState('verified')
        return p
      })
      .catch((e: unknown) => {
        setState('error')
        throw e
      })
      .finally(() => {
        running.current = undefined
      })
    return running.current
  }, [])

  /** The solved payload for one request; the next action proves again (challenges are single-use). */
  const spend = useCallback(async (): Promise<string> => {
    const p = await prove()
    payload.current = undefined
    setState('idle')
    return p
  }, [prove])

  return { state, prove, spend }
}
