import './appointments.css'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { useMissions } from './useMissionServices.ts'
import { useQueue } from './useQueue.ts'

/**
 * The waiting room's screen for one mission: the ticket just called and its counter in large
 * type, the ones before it, and how many wait, in Chinese and English together, live.
 */
export function DisplayPage() {
  const { mission = '' } = useParams()
  const { i18n } = useTranslation()
  const zh = i18n.getFixedT('zh-CN')
  const en = i18n.getFixedT('en')
  const both = (key: string, options?: Record<string, unknown>) => (
    <>
      <span className="display-zh">{zh(key, options)}</span>
      <span className="display-en">{en(key, options)}</span>
    </>
  )
  const missions = useMissions()
  const found = missions.data?.find((m) => m.code === mission)
  const { called, waiting, state, error } = useQueue(mission, { keep: 7 })
  const [now, setNow] = useState(() => new Date())
  const [flash, setFlash] = useState(false)
  const latest = called[0]
  const latestKey = latest ? `${latest.ticket}@${latest.at}` : ''

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000)
    return () => clearInterval(timer)
  }, [])
  useEffect(() => {
    if (!latestKey) return
    setFlash(true)
    const timer = setTimeout(() => setFlash(false), 4_000)
    return () => clearTimeout(timer)
  }, [latestKey])

  return (
    <div className="display" data-testid="queue-display" data-state={state}>
      <header className="display-header">
        <div>
          <div className="display-mission-zh">{found?.name['zh-CN'] ?? mission}</div>
          <div className="display-mission-en">{found?.name.en ?? ''}</div>
        </div>
        <div className="display-clock">
          {now.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })}
        </div>
      </header>
      <main className="display-main">
        <section className={`display-now${flash ? ' flash' : ''}`}>
          <div className="display-label">{both('appointments.display.nowCalling')}</div>
          {latest ? (
            <>
              <div className="display-ticket" data-testid="display-ticket">
                {latest.ticket}
              </div>
              <div className="display-counter" data-testid="display-counter">
                {both('appointments.display.counter', { counter: latest.counter })}
              </div>
            </>
          ) : (
            <div className="display-idle" data-testid="display-idle">
              {both('appointments.display.nobody')}
            </div>
          )}
        </section>
        <aside className="display-side">
          <div className="display-label">{both('appointments.display.recent')}</div>
          <ol className="display-recent" data-testid="display-recent">
            {called.slice(1).map((c) => (
              <li key={`${c.ticket}@${c.at}`}>
                <span className="display-recent-ticket">{c.ticket}</span>
                <span className="display-recent-counter">→ {c.counter}</span>
              </li>
            ))}
          </ol>
          <div className="display-waiting">
            <div className="display-label">{both('appointments.display.waitingLabel')}</div>
            <div className="display-waiting-count" data-testid="display-waiting">
              {waiting ?? '—'}
            </div>
          </div>
        </aside>
      </main>
      {(state !== 'live' || !!error) && (
        <footer className="display-offline" data-testid="display-offline">
          {both(error ? 'appointments.display.unavailable' : 'appointments.display.reconnecting')}
        </footer>
      )}
    </div>
  )
}
