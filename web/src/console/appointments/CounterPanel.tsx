import { Alert, Button, Card, Col, InputNumber, List, Row, Space, Statistic, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { appointmentsApi } from '../../appointments/api.ts'
import type { QueueNext, TicketAction, TicketState } from '../../appointments/types.ts'
import { useQueue } from '../../appointments/useQueue.ts'
import { ApiError } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'

const COUNTER_KEY = 'lingshi.counter'

/** One counter's clerk: "call next" gives the earliest checked-in ticket; the hall's queue beside it. */
export function CounterPanel({ mission }: { mission: string }) {
  const { t } = useTranslation()
  const [counter, setCounter] = useState<number>(() => Number(localStorage.getItem(COUNTER_KEY)) || 1)
  const [current, setCurrent] = useState<QueueNext>()
  const [state, setState] = useState<TicketState>()
  const [empty, setEmpty] = useState(false)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const queue = useQueue(mission)

  const callNext = async () => {
    setError(undefined)
    setEmpty(false)
    setBusy(true)
    try {
      const next = await appointmentsApi.next(mission, counter)
      setState(undefined)
      if (next?.ticket) setCurrent(next)
      else setEmpty(true)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'appointment.queue_empty') setEmpty(true)
      else setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }

  const act = async (action: TicketAction) => {
    if (!current?.ticket) return
    setError(undefined)
    try {
      const after = await appointmentsApi.ticket(mission, current.ticket, action)
      setState(after)
      if (after.status === 'done' || after.status === 'missed') setCurrent(undefined)
    } catch (e) {
      setError(errorMessage(e, t))
    }
  }

  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('appointments.console.counterTitle')}>
          <Space>
            <Typography.Text>{t('appointments.console.counterNumber')}</Typography.Text>
            <InputNumber
              min={1}
              max={99}
              value={counter}
              data-testid="counter-number"
              onChange={(v) => {
                const n = Number(v) || 1
                setCounter(n)
                localStorage.setItem(COUNTER_KEY, String(n))
              }}
            />
            <Button type="primary" size="large" onClick={callNext} loading={busy} data-testid="call-next">
              {t('appointments.console.callNext')}
            </Button>
          </Space>
          <div className="counter-current" data-testid="counter-current">
            {current?.ticket ? (
              <>
                <Typography.Text type="secondary">
                  {t('appointments.console.nowServing', { counter })}
                </Typography.Text>
                <div className="ticket-number" data-testid="called-ticket">
                  {current.ticket}
                </div>
                {!current.appointmentId && (
                  <Typography.Text type="secondary">{t('appointments.console.walkIn')}</Typography.Text>
                )}
                <Space wrap style={{ marginTop: 12, justifyContent: 'center' }}>
                  <Button onClick={() => act('recall')} data-testid="ticket-recall">
                    {t('appointments.console.recall')}
                    {state?.calls ? ` (${state.calls})` : ''}
                  </Button>
                  <Button
                    onClick={() => act('serve')}
                    disabled={state?.status === 'serving'}
                    data-testid="ticket-serve"
                  >
                    {t('appointments.console.serve')}
                  </Button>
                  <Button type="primary" ghost onClick={() => act('done')} data-testid="ticket-done">
                    {t('appointments.console.done')}
                  </Button>
                  <Button danger onClick={() => act('miss')} data-testid="ticket-miss">
                    {t('appointments.console.miss')}
                  </Button>
                </Space>
              </>
            ) : (
              <Typography.Text type="secondary">{t('appointments.console.nobodyCalled')}</Typography.Text>
            )}
          </div>
          {empty && (
            <Alert
              type="info"
              showIcon
              title={t('appointments.console.queueEmpty')}
              data-testid="queue-empty"
            />
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('appointments.console.hall')}>
          <Statistic
            title={t('appointments.console.waiting')}
            value={queue.waiting ?? '—'}
            data-testid="hall-waiting"
          />
          <List
            size="small"
            header={t('appointments.console.lastCalled')}
            dataSource={queue.called}
            locale={{ emptyText: t('appointments.console.nobodyCalled') }}
            renderItem={(c) => (
              <List.Item key={`${c.ticket}-${c.at}`}>
                <strong>{c.ticket}</strong> → {t('appointments.console.counterN', { counter: c.counter })} ·{' '}
                {new Date(c.at).toLocaleTimeString()}
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  )
}
