import { Alert, Button, Card, Col, Empty, Input, Row, Space, Table, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { appointmentsApi, localTime, today, todayIn } from '../../appointments/api.ts'
import { AppointmentStatus, useServiceName } from '../../appointments/parts.tsx'
import type { StaffAppointment } from '../../appointments/types.ts'
import { errorMessage } from '../../lib/errors.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { ScanButton } from './ScanButton.tsx'

/** The day's bookings; check-in by typed or scanned code gives a ticket; walk-ins get one too. */
export function DayPanel({ mission, location }: { mission: string; location?: string }) {
  const { t } = useTranslation()
  const serviceName = useServiceName()
  const [date, setDate] = useState(today)
  // The day is the mission's: its calendar knows the time zone.
  useEffect(() => {
    let live = true
    appointmentsApi
      .calendar(mission, location)
      .then((c) => live && setDate(todayIn(c.timezone)))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [mission, location])
  const day = useLoad(() => appointmentsApi.day(mission, date, location), `${mission}|${date}|${location}`)
  const [code, setCode] = useState('')
  const [ticket, setTicket] = useState<{ ticket: string; who: string }>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const checkIn = async (a: StaffAppointment) => {
    setError(undefined)
    setBusy(true)
    try {
      const { ticket: issued } = await appointmentsApi.checkIn(a.id)
      setTicket({ ticket: issued, who: a.name ?? a.code })
      setCode('')
      day.reload()
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }
  const checkInCode = (typed: string) => {
    const wanted = typed.trim().toUpperCase()
    if (!wanted) return
    const found = day.data?.find((a) => a.code.toUpperCase() === wanted)
    if (!found) {
      setError(t('appointments.console.noSuchCode', { code: wanted }))
      return
    }
    void checkIn(found)
  }
  const walkIn = async () => {
    setError(undefined)
    try {
      const { ticket: issued } = await appointmentsApi.walkIn(mission, location)
      setTicket({ ticket: issued, who: t('appointments.console.walkIn') })
    } catch (e) {
      setError(errorMessage(e, t))
    }
  }

  return (
    <Row gutter={16}>
      <Col xs={24} lg={16}>
        <Space style={{ marginBottom: 12 }}>
          <Input
            type="date"
            value={date}
            onChange={(e) => e.target.value && setDate(e.target.value)}
            data-testid="day-date"
            style={{ width: 170 }}
          />
          <Button onClick={day.reload}>{t('appointments.console.refresh')}</Button>
        </Space>
        {day.error ? (
          <LoadError error={day.error} retry={day.reload} />
        ) : (
          <Table<StaffAppointment>
            size="small"
            rowKey="id"
            loading={day.loading}
            dataSource={day.data ?? []}
            pagination={false}
            data-testid="day-list"
            locale={{ emptyText: <Empty description={t('appointments.console.noneToday')} /> }}
            onRow={(a) => ({ 'data-code': a.code }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('appointments.console.time'), render: (_, a) => localTime(a.start), width: 70 },
              { title: t('appointments.code'), dataIndex: 'code', render: (c: string) => <code>{c}</code> },
              { title: t('appointments.console.name'), render: (_, a) => a.name ?? '—' },
              { title: t('appointments.console.passport'), render: (_, a) => a.passportNumber ?? '—' },
              { title: t('appointments.service'), render: (_, a) => serviceName(a.service) },
              { title: t('appointments.status'), render: (_, a) => <AppointmentStatus status={a.status} /> },
              {
                title: t('appointments.console.ticket'),
                render: (_, a) => (a.ticket ? <strong>{a.ticket}</strong> : ''),
              },
              {
                title: '',
                render: (_, a) =>
                  a.status === 'booked' && (
                    <Button size="small" onClick={() => checkIn(a)} loading={busy} data-testid="row-check-in">
                      {t('appointments.console.checkIn')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('appointments.console.checkInTitle')}>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              value={code}
              onChange={(e) => setCode(e.target.value)}
              onPressEnter={() => checkInCode(code)}
              placeholder={t('appointments.console.typeCode')}
              data-testid="check-in-code"
              autoFocus
            />
            <Button type="primary" onClick={() => checkInCode(code)} data-testid="check-in">
              {t('appointments.console.checkIn')}
            </Button>
          </Space.Compact>
          <Space style={{ marginTop: 8 }}>
            <ScanButton onCode={checkInCode} />
            <Button onClick={walkIn} data-testid="walk-in">
              {t('appointments.console.walkIn')}
            </Button>
          </Space>
          {ticket && (
            <div className="issued-ticket" data-testid="issued-ticket">
              <Typography.Text type="secondary">
                {t('appointments.console.ticketFor', { who: ticket.who })}
              </Typography.Text>
              <div className="ticket-number">{ticket.ticket}</div>
            </div>
          )}
          {error && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 12 }}
              title={error}
              data-testid="check-in-error"
            />
          )}
        </Card>
      </Col>
    </Row>
  )
}
