import { Alert, Button, Card, DatePicker, Form, List, Select, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { appointmentsApi } from '../../appointments/api.ts'
import { ProofStatus } from '../../appointments/ProofStatus.tsx'
import { useServiceName } from '../../appointments/parts.tsx'
import { useProofOfWork } from '../../appointments/proof-of-work.ts'
import type { WaitlistEntry } from '../../appointments/types.ts'
import { useMissionServices, useMissions } from '../../appointments/useMissionServices.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { bookingProblem } from './BookingProblem.tsx'

/** Ask for a service at a mission within dates: the first freed place is held for me. */
export function WaitlistCard() {
  const { t } = useTranslation()
  const lang = currentLocale()
  const serviceName = useServiceName()
  const missions = useMissions()
  const [mission, setMission] = useState<string>()
  const [service, setService] = useState<string>()
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null)
  const services = useMissionServices(mission)
  const [nonce, setNonce] = useState(0)
  const listed = useLoad(() => appointmentsApi.myWaitlist().catch(() => []), String(nonce))
  const entries = (listed.data ?? []).filter((w) => w.status === 'waiting' || w.status === 'offered')
  const proof = useProofOfWork()
  const [error, setError] = useState<React.ReactNode>()
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)
  const from = range?.[0]?.format('YYYY-MM-DD')
  const to = range?.[1]?.format('YYYY-MM-DD')

  const join = async () => {
    if (!mission || !service || !from || !to) return
    setError(undefined)
    setDone(false)
    setBusy(true)
    try {
      const altcha = await proof.spend()
      await appointmentsApi.joinWaitlist({ mission, service, from, to, altcha })
      setDone(true)
      setNonce((n) => n + 1)
    } catch (e) {
      setError(bookingProblem(e, t))
    } finally {
      setBusy(false)
    }
  }

  const leave = async (id: string) => {
    setError(undefined)
    try {
      await appointmentsApi.leaveWaitlist(id)
      setNonce((n) => n + 1)
    } catch (e) {
      setError(bookingProblem(e, t))
    }
  }

  return (
    <Card size="small" title={t('appointments.waitlist.title')} data-testid="waitlist">
      <Typography.Paragraph type="secondary">{t('appointments.waitlist.intro')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('appointments.mission')}>
          <Select
            showSearch
            optionFilterProp="label"
            aria-label={t('appointments.mission')}
            data-testid="waitlist-mission"
            value={mission}
            onChange={(v) => {
              setMission(v)
              setService(undefined)
            }}
            options={(missions.data ?? []).map((x) => ({ value: x.code, label: x.name[lang] }))}
          />
        </Form.Item>
        <Form.Item label={t('appointments.service')}>
          <Select
            aria-label={t('appointments.service')}
            data-testid="waitlist-service"
            value={service}
            disabled={!mission}
            onChange={setService}
            options={(services.data ?? []).map((s) => ({ value: s, label: serviceName(s) }))}
          />
        </Form.Item>
        <Form.Item label={t('appointments.waitlist.dates')}>
          <DatePicker.RangePicker
            data-testid="waitlist-dates"
            value={range}
            onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)}
            style={{ width: '100%' }}
            inputReadOnly
          />
        </Form.Item>
        {proof.state !== 'idle' && (
          <ProofStatus state={proof.state} retry={() => proof.prove().catch(() => undefined)} />
        )}
        <Button
          disabled={!mission || !service || !from || !to}
          loading={busy}
          onClick={join}
          data-testid="waitlist-join"
        >
          {t('appointments.waitlist.join')}
        </Button>
      </Form>
      {done && <Alert type="success" style={{ marginTop: 12 }} title={t('appointments.waitlist.joined')} />}
      {error && <Alert type="error" style={{ marginTop: 12 }} title={error} data-testid="waitlist-error" />}
      {!!entries.length && (
        <List
          size="small"
          style={{ marginTop: 12 }}
          dataSource={entries}
          renderItem={(w: WaitlistEntry) => (
            <List.Item
              key={w.id}
              data-testid="waitlist-entry"
              actions={[
                <Button key="leave" size="small" onClick={() => leave(w.id)} data-testid="waitlist-leave">
                  {t('appointments.waitlist.leave')}
                </Button>,
              ]}
            >
              {serviceName(w.service)} · {w.mission} · {w.from} – {w.to}
              {w.status === 'offered' && ` · ${t('appointments.waitlist.offered')}`}
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
