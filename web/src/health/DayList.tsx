import { SERIES } from '@server/health/campaign.enums.ts'
import { MANUFACTURERS, PRODUCT_CODES, PRODUCTS, type Product } from '@server/health/health.enums.ts'
import { Alert, Button, Card, Empty, InputNumber, Select, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { post } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'
import { useLoad } from '../lib/useLoad.ts'
import { type DayBooking, sproutApi } from './sprout-api.ts'

const today = () => new Date().toISOString().slice(0, 10)
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** Record the booking's dose from the day's list: the lots the site holds, the series of the product. */
function DoseFromList({
  b,
  siteId,
  onDone,
}: {
  b: DayBooking
  siteId: string
  onDone: (next: string | null) => void
}) {
  const { t } = useTranslation()
  const { data: stock } = useLoad(() => sproutApi.stock(siteId), siteId)
  const [product, setProduct] = useState<Product>('BBIBP-CorV')
  const [lot, setLot] = useState<string>()
  const doseNumber = Math.min(b.dosesSoFar + 1, 9)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const lots = (stock ?? []).filter(
    (s) => s.product === product && s.left > 0 && !s.flags.includes('expired'),
  )
  const series = SERIES[product]

  async function record() {
    if (!b.personId || !lot) return
    setBusy(true)
    setError(undefined)
    try {
      await post('/api/v1/health/doses', {
        personId: b.personId,
        product,
        manufacturer: PRODUCTS[product].ma,
        lot,
        doseNumber,
        seriesDoses: Math.max(series.doses, doseNumber),
        date: today(),
        siteId,
      })
      onDone(doseNumber < series.doses ? addDays(today(), series.intervalDays) : null)
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 8 }} data-testid="day-dose-form">
      <Select
        value={product}
        onChange={(v) => {
          setProduct(v)
          setLot(undefined)
        }}
        style={{ width: '100%' }}
        data-testid="day-product"
        options={PRODUCT_CODES.map((c) => ({
          value: c,
          label: `${PRODUCTS[c].name} · ${MANUFACTURERS[PRODUCTS[c].ma]}`,
        }))}
      />
      <Select
        value={lot}
        onChange={setLot}
        placeholder={t('health.sprout.pickLot')}
        style={{ width: '100%' }}
        data-testid="day-lot"
        options={lots.map((l) => ({
          value: l.lot,
          label: `${l.lot} · ${t('health.sprout.left', { n: l.left })} · ${l.expiresOn ?? ''}`,
        }))}
      />
      <Typography.Text>
        {t('health.sprout.doseOf', { n: doseNumber, m: Math.max(series.doses, doseNumber) })}
      </Typography.Text>
      {error && <Alert type="error" message={error} />}
      <Button type="primary" disabled={!lot} loading={busy} onClick={record} data-testid="day-record">
        {t('health.clinician.record')}
      </Button>
    </Space>
  )
}

/** The clinician's day: today's vaccination bookings at the site with their screening, and the queue. */
export function DayList({ siteId }: { siteId: string }) {
  const { t } = useTranslation()
  const [tick, setTick] = useState(0)
  const { data, error } = useLoad(() => sproutApi.day(siteId), `${siteId}-${tick}`)
  const [counter, setCounter] = useState(1)
  const [called, setCalled] = useState<string>()
  const [open, setOpen] = useState<string>()
  const [next, setNext] = useState<Record<string, string | null>>({})
  const [actionError, setActionError] = useState<string>()
  const reload = () => setTick((n) => n + 1)

  async function act(f: () => Promise<unknown>) {
    setActionError(undefined)
    try {
      await f()
      reload()
    } catch (e) {
      setActionError(errorMessage(e, t))
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <InputNumber
          min={1}
          max={999}
          value={counter}
          onChange={(v) => setCounter(v ?? 1)}
          addonBefore={t('health.sprout.desk')}
        />
        <Button
          type="primary"
          data-testid="day-call-next"
          onClick={() =>
            act(async () => {
              const c = await sproutApi.callNext(siteId, counter)
              setCalled(c.ticket)
            })
          }
        >
          {t('health.sprout.callNext')}
        </Button>
        {called && (
          <Tag color="blue" data-testid="day-called">
            {t('health.sprout.called', { ticket: called })}
          </Tag>
        )}
      </Space>
      {(error || actionError) && <Alert type="error" message={actionError ?? errorMessage(error, t)} />}
      {data && <Typography.Text type="secondary">{data.date}</Typography.Text>}
      {data && data.bookings.length === 0 && <Empty description={t('health.sprout.noBookings')} />}
      {data?.bookings.map((b) => (
        <Card key={b.appointmentId} size="small" data-testid="day-booking">
          <Space wrap>
            <Typography.Text strong>{b.start.slice(11, 16)}</Typography.Text>
            <Typography.Text data-testid="day-name">{b.name}</Typography.Text>
            <Typography.Text type="secondary">{b.passportNumber}</Typography.Text>
            <Tag>{t(`health.sprout.status.${b.status}`, { defaultValue: b.status })}</Tag>
            {b.ticket && <Tag color="geekblue">{b.ticket}</Tag>}
            <Tag
              color={b.screening === 'flagged' ? 'orange' : b.screening === 'clear' ? 'green' : 'default'}
              data-testid="day-screening"
            >
              {t(`health.sprout.screening.${b.screening}`)}
            </Tag>
          </Space>
          {b.flags.length > 0 && (
            <Alert
              style={{ marginTop: 8 }}
              type="warning"
              message={t('health.sprout.reviewFlags')}
              description={b.flags.map((f) => t(`health.sprout.flags.${f}`, { defaultValue: f })).join(' · ')}
            />
          )}
          <Space wrap style={{ marginTop: 8 }}>
            {b.status === 'booked' && (
              <Button
                size="small"
                data-testid="day-check-in"
                onClick={() => act(() => sproutApi.checkIn(siteId, b.appointmentId))}
              >
                {t('health.sprout.checkIn')}
              </Button>
            )}
            {b.personId &&
              ['called', 'serving', 'checked_in'].includes(b.status) &&
              open !== b.appointmentId && (
                <Button
                  size="small"
                  type="primary"
                  data-testid="day-dose"
                  onClick={() => setOpen(b.appointmentId)}
                >
                  {t('health.sprout.recordDose')}
                </Button>
              )}
          </Space>
          {open === b.appointmentId && (
            <DoseFromList
              b={b}
              siteId={siteId}
              onDone={(due) => {
                setOpen(undefined)
                setNext((n) => ({ ...n, [b.appointmentId]: due }))
                reload()
              }}
            />
          )}
          {b.appointmentId in next && (
            <Alert
              style={{ marginTop: 8 }}
              type="success"
              data-testid="day-dose-recorded"
              message={t('health.clinician.recorded')}
              description={
                next[b.appointmentId]
                  ? t('health.sprout.nextDueClinician', { date: next[b.appointmentId] })
                  : t('health.sprout.seriesDone')
              }
            />
          )}
        </Card>
      ))}
    </Space>
  )
}
