import { Alert, Button, Card, Form, Result, Select, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { appointmentsApi, dayLabel, localDate, localTime } from '../../appointments/api.ts'
import { ProofStatus } from '../../appointments/ProofStatus.tsx'
import { AddToCalendar, BookingCard, useServiceName } from '../../appointments/parts.tsx'
import { useProofOfWork } from '../../appointments/proof-of-work.ts'
import type { Appointment, Slot } from '../../appointments/types.ts'
import { useMissionServices, useMissions } from '../../appointments/useMissionServices.ts'
import { WeekSlots } from '../../appointments/WeekSlots.tsx'
import { ApiError } from '../../lib/api.ts'
import { currentLocale, localized } from '../../lib/i18n.ts'
import { LinkButton } from '../../lib/LinkButton.tsx'
import { bookingProblem } from './BookingProblem.tsx'

/** Book a visit: mission, service, location, a free slot this week or later, proof of work, confirm. */
export function BookPage() {
  const { t } = useTranslation()
  const lang = currentLocale()
  const serviceName = useServiceName()
  const [params] = useSearchParams()
  const applicationId = params.get('applicationId') ?? undefined
  const missions = useMissions()
  const [mission, setMission] = useState<string | undefined>(params.get('mission') ?? undefined)
  const [service, setService] = useState<string | undefined>(params.get('service') ?? undefined)
  // No route lists a mission's locations yet: the main counter hall, unless the link names one.
  const location = params.get('location') ?? undefined
  const services = useMissionServices(mission, { location })
  const [slot, setSlot] = useState<Slot>()
  const [nonce, setNonce] = useState(0)
  const [error, setError] = useState<React.ReactNode>()
  const [busy, setBusy] = useState(false)
  const [booked, setBooked] = useState<Appointment>()
  const proof = useProofOfWork()
  const missionName = (code: string) => {
    const found = missions.data?.find((x) => x.code === code)
    return found ? localized(found.name) : code
  }

  // Start the work as soon as a slot is picked, so that confirming is instant.
  useEffect(() => {
    if (slot) proof.prove().catch(() => undefined)
  }, [slot, proof.prove])

  const confirm = async () => {
    if (!mission || !service || !slot) return
    setError(undefined)
    setBusy(true)
    try {
      const altcha = await proof.spend()
      const made = await appointmentsApi.book({
        mission,
        service,
        start: slot.start,
        ...(location ? { location } : {}),
        ...(applicationId ? { applicationId } : {}),
        altcha,
      })
      setBooked(made)
    } catch (e) {
      // A challenge is spent by each try: start the next one's work at once.
      proof.prove().catch(() => undefined)
      if (e instanceof ApiError && e.code === 'appointment.slot_full') {
        setSlot(undefined)
        setNonce((n) => n + 1)
      }
      setError(bookingProblem(e, t))
    } finally {
      setBusy(false)
    }
  }

  if (booked)
    return (
      <div className="page narrow-page" data-testid="booked">
        <Result
          status="success"
          title={t('appointments.bookedTitle')}
          subTitle={t('appointments.bookedHint')}
          style={{ padding: '16px 0' }}
        />
        <Card size="small">
          <BookingCard
            appointment={booked}
            missionName={missionName(booked.mission)}
            actions={
              <>
                <AddToCalendar appointment={booked} where={missionName(booked.mission)} />
                <LinkButton to="/me/appointments" type="primary" data-testid="to-my-appointments">
                  {t('appointments.mine')}
                </LinkButton>
              </>
            }
          />
        </Card>
      </div>
    )

  return (
    <div className="page narrow-page" data-testid="book-page">
      <Link to="/me/appointments">← {t('appointments.mine')}</Link>
      <Typography.Title level={1} style={{ marginTop: 8 }}>
        {t('appointments.bookTitle')}
      </Typography.Title>
      {applicationId && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('appointments.forApplication')} />
      )}
      <Form layout="vertical">
        <Form.Item label={t('appointments.mission')}>
          <Select
            showSearch
            optionFilterProp="label"
            aria-label={t('appointments.pickMission')}
            data-testid="book-mission"
            value={mission}
            loading={missions.loading}
            placeholder={t('appointments.pickMission')}
            onChange={(v) => {
              setMission(v)
              setService(undefined)
              setSlot(undefined)
            }}
            options={(missions.data ?? []).map((x) => ({ value: x.code, label: x.name[lang] }))}
          />
        </Form.Item>
        <Form.Item label={t('appointments.service')}>
          <Select
            aria-label={t('appointments.pickService')}
            data-testid="book-service"
            value={service}
            disabled={!mission}
            loading={services.loading}
            placeholder={t('appointments.pickService')}
            onChange={(v) => {
              setService(v)
              setSlot(undefined)
            }}
            options={(services.data ?? []).map((s) => ({ value: s, label: serviceName(s) }))}
          />
        </Form.Item>
      </Form>
      {mission && service ? (
        <Card size="small" title={t('appointments.pickSlot')}>
          <WeekSlots
            mission={mission}
            service={service}
            location={location}
            selected={slot?.start}
            onSelect={setSlot}
            nonce={nonce}
          />
        </Card>
      ) : (
        <Typography.Paragraph type="secondary">{t('appointments.pickFirst')}</Typography.Paragraph>
      )}
      {error && !slot && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} data-testid="book-error" />
      )}
      {slot && mission && service && (
        <Card size="small" style={{ marginTop: 12 }} data-testid="book-summary">
          <Typography.Text strong>
            {serviceName(service)} · {dayLabel(localDate(slot.start), lang, 'long')} {localTime(slot.start)}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary">{missionName(mission)}</Typography.Text>
          <ProofStatus state={proof.state} retry={() => proof.prove().catch(() => undefined)} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('appointments.identityNote')}
          </Typography.Paragraph>
          {error && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              title={error}
              data-testid="book-error"
            />
          )}
          <Space>
            <Button type="primary" onClick={confirm} loading={busy} data-testid="book-confirm">
              {t('appointments.confirm')}
            </Button>
          </Space>
        </Card>
      )}
    </div>
  )
}
