import { Button, Card, Col, Input, Row, Skeleton, Space, Statistic } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { addDays, today } from '../../appointments/api.ts'
import { get } from '../../lib/api.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'

// The shape of GET /api/v1/missions/{code}/appointments/figures (figures.service.ts on the
// server, which is no *.schema.ts the web app may import).
interface Figures {
  capacity: number
  bookings: number
  cancelled: number
  done: number
  noShows: number
  missed: number
  utilisation: number
  noShowRate: number
  waitMinutes: { p50: number | null; p90: number | null }
  waitlistEntries: number
  waitlistBooked: number
}

/** The mission's figures over local dates, and their CSV. */
export function FiguresPanel({ mission, location }: { mission: string; location?: string }) {
  const { t } = useTranslation()
  const [from, setFrom] = useState(() => addDays(today(), -30))
  const [to, setTo] = useState(today)
  const query = new URLSearchParams({ from, to, ...(location ? { location } : {}) })
  const base = `/api/v1/missions/${encodeURIComponent(mission)}/appointments/figures`
  const f = useLoad(() => get<Figures>(`${base}?${query}`), `${mission}|${query}`)
  const pct = (n: number) => `${Math.round(n * 1000) / 10} %`
  const minutes = (n: number | null) => (n === null ? '—' : t('appointments.figures.minutes', { n }))

  return (
    <div data-testid="figures-panel">
      <Space style={{ marginBottom: 12 }} wrap>
        <Input type="date" value={from} onChange={(e) => e.target.value && setFrom(e.target.value)} />
        <span>–</span>
        <Input type="date" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} />
        <a href={`${base}.csv?${query}`} download>
          <Button data-testid="figures-csv">{t('appointments.figures.csv')}</Button>
        </a>
      </Space>
      {f.error ? (
        <LoadError error={f.error} retry={f.reload} />
      ) : !f.data ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          {(
            [
              ['bookings', f.data.bookings],
              ['capacity', f.data.capacity],
              ['utilisation', pct(f.data.utilisation)],
              ['noShowRate', pct(f.data.noShowRate)],
              ['done', f.data.done],
              ['cancelled', f.data.cancelled],
              ['missed', f.data.missed],
              ['noShows', f.data.noShows],
              ['waitP50', minutes(f.data.waitMinutes.p50)],
              ['waitP90', minutes(f.data.waitMinutes.p90)],
              ['waitlistEntries', f.data.waitlistEntries],
              ['waitlistBooked', f.data.waitlistBooked],
            ] as const
          ).map(([key, value]) => (
            <Col key={key} xs={12} md={6}>
              <Card size="small">
                <Statistic title={t(`appointments.figures.${key}`)} value={value} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </div>
  )
}
