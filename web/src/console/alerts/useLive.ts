import { useEffect, useState } from 'react'
import { get } from '../../lib/api.ts'
import type { AlertStats, MapCell } from './alert.ts'

const EVERY_MS = 4_000
const HIDDEN_MS = 20_000

export interface Live {
  stats?: AlertStats
  cells?: MapCell[]
  error?: unknown
  updatedAt?: Date
}

/**
 * The live board's figures and map, polled every few seconds while `active` (more slowly in a
 * background tab). The recipients list is not polled: each read of it is audited.
 */
export function useLive(id: string, active: boolean): Live {
  const [live, setLive] = useState<Live>({})
  useEffect(() => {
    if (!active) return
    let on = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const tick = async () => {
      try {
        const [stats, map] = await Promise.all([
          get<AlertStats>(`/api/v1/alerts/${id}/stats`),
          get<{ cells: MapCell[] }>(`/api/v1/alerts/${id}/map`),
        ])
        if (on) setLive({ stats, cells: map.cells, updatedAt: new Date() })
      } catch (error) {
        if (on) setLive((l) => ({ ...l, error }))
      }
      if (on) timer = setTimeout(tick, document.hidden ? HIDDEN_MS : EVERY_MS)
    }
    void tick()
    return () => {
      on = false
      clearTimeout(timer)
    }
  }, [id, active])
  return live
}
