import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

const HOLD_MS = 2_000

/**
 * The SOS button: sends after being held about two seconds (a pocket or a slip sends nothing),
 * with the fill showing how far along the hold is. Space or Enter held on the focused button
 * does the same; the page also offers a confirm step for anyone who cannot hold.
 */
export function HoldToSend({ onSend, disabled }: { onSend: () => void; disabled?: boolean }) {
  const { t } = useTranslation()
  const [progress, setProgress] = useState(0)
  const started = useRef<number | null>(null)
  const frame = useRef<number | null>(null)
  const sendRef = useRef(onSend)
  sendRef.current = onSend

  const stop = useCallback(() => {
    started.current = null
    if (frame.current !== null) cancelAnimationFrame(frame.current)
    frame.current = null
    setProgress(0)
  }, [])

  const tick = useCallback(() => {
    if (started.current === null) return
    const p = Math.min(1, (performance.now() - started.current) / HOLD_MS)
    setProgress(p)
    if (p >= 1) {
      stop()
      sendRef.current()
      return
    }
    frame.current = requestAnimationFrame(tick)
  }, [stop])

  const start = useCallback(() => {
    if (disabled || started.current !== null) return
    started.current = performance.now()
    frame.current = requestAnimationFrame(tick)
  }, [disabled, tick])

  useEffect(() => stop, [stop])

  const isHoldKey = (e: KeyboardEvent) => e.key === ' ' || e.key === 'Enter'
  const seconds = Math.ceil(((1 - progress) * HOLD_MS) / 1000)
  return (
    <button
      type="button"
      className="sos-hold"
      data-testid="help-hold"
      disabled={disabled}
      aria-describedby="sos-hold-hint"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture?.(e.pointerId)
        start()
      }}
      onPointerUp={stop}
      onPointerCancel={stop}
      onLostPointerCapture={stop}
      onContextMenu={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (!isHoldKey(e)) return
        e.preventDefault()
        if (!e.repeat) start()
      }}
      onKeyUp={(e) => {
        if (isHoldKey(e)) stop()
      }}
      onBlur={stop}
    >
      <span className="sos-hold-fill" style={{ width: `${progress * 100}%` }} aria-hidden />
      <span className="sos-hold-label">{progress > 0 ? t('sos.holding', { seconds }) : t('sos.hold')}</span>
      <progress
        className="sos-hold-progress"
        max={100}
        value={Math.round(progress * 100)}
        aria-label={t('sos.holdProgress')}
      />
      <span id="sos-hold-hint" className="sos-hold-hint">
        {t('sos.holdHint')}
      </span>
    </button>
  )
}
