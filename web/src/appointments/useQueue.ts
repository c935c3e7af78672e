import { useEffect, useRef, useState } from 'react'
import { appointmentsApi } from './api.ts'
import type { CalledTicket } from './types.ts'

export type StreamState = 'connecting' | 'live' | 'reconnecting'

/**
 * A mission's public queue, live: the last called tickets and the waiting count, from the
 * snapshot and then the server-sent events. Reconnects with a growing pause (1 s … 15 s) when the
 * stream drops, and takes a fresh snapshot each time so nothing called meanwhile is lost.
 */
export function useQueue(mission: string | undefined, { keep = 8 } = {}) {
  const [called, setCalled] = useState<CalledTicket[]>([])
  const [waiting, setWaiting] = useState<number>()
  const [state, setState] = useState<StreamState>('connecting')
  const [error, setError] = useState<unknown>()
  const lastEvent = useRef<CalledTicket | undefined>(undefined)
  const [latest, setLatest] = useState<CalledTicket>()

  useEffect(() => {
    if (!mission) return
    let closed = false
    let source: EventSource | undefined
    let retry: ReturnType<typeof setTimeout> | undefined
    let pause = 1_000
    const snapshot = () =>
      appointmentsApi
        .queue(mission)
        .then((s) => {
          if (closed) return
          setError(undefined)
          setCalled(s.called.slice(0, keep))
          setWaiting(s.waiting)
        })
        .catch((e: unknown) => !closed && setError(e))
    const connect = () => {
      if (closed) return
      void snapshot()
      source = new EventSource(appointmentsApi.queueEventsUrl(mission))
      source.onopen = () => {
        pause = 1_000
        setState('live')
      }
      source.onmessage = (event) => {
        let data: CalledTicket
        try {
          data = JSON.parse(event.data as string) as CalledTicket
        } catch {
          return
        }
        if (!data?.ticket) return
        lastEvent.current = data
        setLatest(data)
        setCalled((list) =>
          [data, ...list.filter((c) => !(c.ticket === data.ticket && c.counter === data.counter))].slice(
            0,
            keep,
          ),
        )
        // The event carries no count: the snapshot has it.
        void snapshot()
      }
      source.onerror = () => {
        source?.close()
        if (closed) return
        setState('reconnecting')
        retry = setTimeout(connect, pause)
        pause = Math.min(pause * 2, 15_000)
      }
    }
    setState('connecting')
    connect()
    return () => {
      closed = true
      source?.close()
      if (retry) clearTimeout(retry)
    }
  }, [mission, keep])

  return { called, waiting, state, error, latest }
}
