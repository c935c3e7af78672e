import 'altcha/external'
import 'altcha/altcha.css'
import type {} from 'altcha/types/react'
import Pbkdf2Worker from 'altcha/workers/pbkdf2?worker'
import { useEffect, useLayoutEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { currentLocale } from '../../lib/i18n.ts'

// The external build spawns no inline (blob:) workers, which the Content-Security-Policy refuses;
// Vite serves this worker from our own origin.
globalThis.$altcha.algorithms.set('PBKDF2/SHA-256', () => new Pbkdf2Worker())

const LABELS = [
  'label',
  'loading',
  'verify',
  'verifying',
  'verified',
  'verificationRequired',
  'waitAlert',
  'error',
  'expired',
  'reload',
] as const

export interface ProofOfWorkProps {
  /** The challenge the server sent with its problem (signed; the browser does the work). */
  readonly challenge: object
  /** The payload to send back as `altcha` once solved; undefined while it is not. */
  readonly onSolved: (payload: string | undefined) => void
}

/** The ALTCHA widget, in our own words: starts working on the server's challenge at once. */
export default function ProofOfWork({ challenge, onSolved }: ProofOfWorkProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLElement>(null)
  const solved = useRef(onSolved)
  solved.current = onSolved
  const language = currentLocale() === 'en' ? 'lingshi-en' : 'lingshi-zh'

  useLayoutEffect(() => {
    globalThis.$altcha.i18n.set(language, Object.fromEntries(LABELS.map((k) => [k, t(`signIn.altcha.${k}`)])))
  }, [language, t])

  useEffect(() => {
    const widget = ref.current
    if (!widget) return
    const onState = (event: Event) => {
      const { state, payload } = (event as CustomEvent<{ state: string; payload?: string }>).detail
      solved.current(state === 'verified' ? payload : undefined)
    }
    widget.addEventListener('statechange', onState)
    return () => widget.removeEventListener('statechange', onState)
  }, [])

  return (
    <div data-testid="sign-in-challenge" style={{ marginBottom: 16 }}>
      <altcha-widget
        ref={ref}
        challenge={JSON.stringify(challenge)}
        configuration={JSON.stringify({ hideFooter: true })}
        auto="onload"
        language={language}
      />
    </div>
  )
}
