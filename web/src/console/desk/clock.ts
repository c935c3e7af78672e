import { useEffect, useState } from 'react'

/** The current time, ticking every `ms` while the component is shown. */
export function useNow(ms = 1_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms)
    return () => clearInterval(timer)
  }, [ms])
  return now
}

/** 45 s, 12 min, 3 h 05 min, 2 d 4 h: a wait or a time left, as precise as it needs to be. */
export function span(ms: number): string {
  const s = Math.max(0, Math.floor(Math.abs(ms) / 1000))
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`
  const h = Math.floor(m / 60)
  if (h < 48) return `${h} h ${String(m % 60).padStart(2, '0')} min`
  return `${Math.floor(h / 24)} d ${h % 24} h`
}
