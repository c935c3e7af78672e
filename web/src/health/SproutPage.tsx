import { PRODUCTS, type Product } from '@server/health/health.enums.ts'
import { Alert, Button, Card, Empty, Select, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { solveAltcha } from '../appointments/proof-of-work.ts'
import type { Slot } from '../appointments/types.ts'
import { get } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'
import { localized } from '../lib/i18n.ts'
import { useLoad } from '../lib/useLoad.ts'
import { AdverseEventForm } from './AdverseEventForm.tsx'
import { ScreeningForm } from './ScreeningForm.tsx'
import { type MyProgramme, sproutApi } from './sprout-api.ts'

const productName = (p: string) => PRODUCTS[p as Product]?.name ?? p
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** Book a slot of the programme's site: the free vaccination slots of the next week, then a challenge. */
function BookForm({ p, onBooked }: { p: MyProgramme; onBooked: () => void }) {
  const { t } = useTranslation()
  const [siteId, setSiteId] = useState(p.sites[0]?.id)
  const [slots, setSlots] = useState<Slot[]>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const site = p.sites.find((s) => s.id === siteId)

  async function load() {
    if (!site?.mission) return
    setError(undefined)
    const from = new Date().toISOString().slice(0, 10)
    try {
      const all = await get<Slot[]>(
        `/api/v1/missions/${site.mission}/slots?service=vaccination&from=${from}&to=${addDays(from, 14)}`,
      )
      setSlots(all.filter((s) => s.available > 0 && Date.parse(s.start) > Date.now() + 300_000).slice(0, 12))
    } catch (e) {
      setError(errorMessage(e, t))
    }
  }

  async function book(start: string) {
    if (!siteId) return
    setBusy(true)
    setError(undefined)
    try {
      const altcha = await solveAltcha(await get('/api/v1/appointments/challenge'))
      await sproutApi.book(p.id, { siteId, start, altcha })
      onBooked()
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select
        style={{ width: '100%' }}
        value={siteId}
        onChange={(v) => {
          setSiteId(v)
          setSlots(undefined)
        }}
        data-testid="sprout-site"
        options={p.sites.map((s) => ({ value: s.id, label: localized(s.name) }))}
      />
      <Button onClick={load} data-testid="sprout-slots">
        {t('health.sprout.findSlots')}
      </Button>
      {slots && slots.length === 0 && <Alert type="info" message={t('health.sprout.noSlots')} />}
      {slots && slots.length > 0 && (
        <Space wrap>
          {slots.map((s) => (
            <Button key={s.start} loading={busy} onClick={() => book(s.start)} data-testid="sprout-slot">
              {s.start.slice(5, 10)} {s.start.slice(11, 16)}
            </Button>
          ))}
        </Space>
      )}
      {error && <Alert type="error" message={error} data-testid="sprout-error" />}
    </Space>
  )
}

function ProgrammeCard({ p, reload }: { p: MyProgramme; reload: () => void }) {
  const { t } = useTranslation()
  const [step, setStep] = useState<'screening' | 'book'>()
  return (
    <Card
      data-testid="sprout-programme"
      title={<span style={{ whiteSpace: 'normal' }}>{localized(p.name)}</span>}
      size="small"
    >
      <Typography.Paragraph type="secondary">
        {p.startsOn} – {p.endsOn} · {p.products.map(productName).join(', ')}
      </Typography.Paragraph>
      {!p.eligible && (
        <Alert
          type="info"
          message={t('health.sprout.familyOnly', {
            names: p.family
              .filter((f) => f.eligible)
              .map((f) => f.name)
              .join(', '),
          })}
        />
      )}
      {p.eligible && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            {p.screening ? (
              <Tag color={p.screening.flagged ? 'orange' : 'green'} data-testid="sprout-screening-state">
                {p.screening.flagged ? t('health.sprout.flagged') : t('health.sprout.clear')}
              </Tag>
            ) : (
              <Tag data-testid="sprout-screening-state">{t('health.sprout.notScreened')}</Tag>
            )}
            {p.booking && (
              <Tag color="blue" data-testid="sprout-booked">
                {t('health.sprout.booked', { dose: p.booking.doseNumber })}
              </Tag>
            )}
          </Space>
          {p.screening?.flagged && <Alert type="warning" message={t('health.sprout.flaggedHelp')} />}
          <Space wrap>
            <Button onClick={() => setStep('screening')} data-testid="sprout-screen">
              {p.screening ? t('health.sprout.screenAgain') : t('health.sprout.screen')}
            </Button>
            {p.screening && !p.booking && (
              <Button type="primary" onClick={() => setStep('book')} data-testid="sprout-book">
                {t('health.sprout.book')}
              </Button>
            )}
          </Space>
          {step === 'screening' && (
            <ScreeningForm
              programmeId={p.id}
              onDone={() => {
                setStep(undefined)
                reload()
              }}
            />
          )}
          {step === 'book' && (
            <BookForm
              p={p}
              onBooked={() => {
                setStep(undefined)
                reload()
              }}
            />
          )}
        </Space>
      )}
    </Card>
  )
}

/** Spring Sprout for the citizen: the programmes open to me, screening, booking, my doses, reports. */
export function SproutPage() {
  const { t } = useTranslation()
  const [tick, setTick] = useState(0)
  const { data, error } = useLoad(
    () => Promise.all([sproutApi.myProgrammes(), sproutApi.myDoses()]),
    String(tick),
  )
  const [reporting, setReporting] = useState<string>()
  const reload = () => setTick((n) => n + 1)
  return (
    <div className="page narrow-page">
      <Typography.Title level={3}>{t('health.sprout.title')}</Typography.Title>
      {error !== undefined && <Alert type="error" message={errorMessage(error, t)} />}
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {data && data[0].length === 0 && <Empty description={t('health.sprout.none')} />}
        {data?.[0].map((p) => (
          <ProgrammeCard key={p.id} p={p} reload={reload} />
        ))}
        <Typography.Title level={4}>{t('health.sprout.myDoses')}</Typography.Title>
        {data && data[1].length === 0 && <Empty description={t('health.sprout.noDoses')} />}
        {data?.[1].map((d) => (
          <Card key={d.id} size="small" data-testid="sprout-dose">
            <Typography.Text strong>{productName(d.product)}</Typography.Text>
            <div>
              {t('health.sprout.doseOf', { n: d.doseNumber, m: d.seriesDoses })} · {d.date} ·{' '}
              {t('health.sprout.lot')} {d.lot}
            </div>
            {d.nextDoseDue && (
              <div data-testid="sprout-next-due">{t('health.sprout.nextDue', { date: d.nextDoseDue })}</div>
            )}
            {reporting === d.id ? (
              <AdverseEventForm doseId={d.id} onDone={() => setReporting(undefined)} />
            ) : (
              <Button
                size="small"
                style={{ marginTop: 8 }}
                onClick={() => setReporting(d.id)}
                data-testid="sprout-report"
              >
                {t('health.sprout.report')}
              </Button>
            )}
          </Card>
        ))}
      </Space>
    </div>
  )
}
