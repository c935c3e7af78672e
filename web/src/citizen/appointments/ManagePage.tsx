import { Alert, Button, Card, Popconfirm, Result, Skeleton, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams, useSearchParams } from 'react-router'
import { appointmentsApi, dayLabel, localDate, localTime } from '../../appointments/api.ts'
import { ProofStatus } from '../../appointments/ProofStatus.tsx'
import { AddToCalendar, BookingCard } from '../../appointments/parts.tsx'
import { useProofOfWork } from '../../appointments/proof-of-work.ts'
import type { Appointment, Slot } from '../../appointments/types.ts'
import { useMissions } from '../../appointments/useMissionServices.ts'
import { WeekSlots } from '../../appointments/WeekSlots.tsx'
import { ApiError } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import { currentLocale, localized } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'

/** The e-mail's manage link: see, cancel or move one booking, signed by the link, no sign-in. */
export function ManagePage() {
  const { t } = useTranslation()
  const lang = currentLocale()
  const { id = '' } = useParams()
  const [params] = useSearchParams()
  const sig = params.get('sig') ?? ''
  const booking = useLoad(() => appointmentsApi.managed(id, sig), `${id}|${sig}`)
  const missions = useMissions()
  const [fresh, setFresh] = useState<Appointment>()
  const [moving, setMoving] = useState(false)
  const [slot, setSlot] = useState<Slot>()
  const [nonce, setNonce] = useState(0)
  const [message, setMessage] = useState<string>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [cancelled, setCancelled] = useState(false)
  const proof = useProofOfWork()
  const a = fresh ?? booking.data
  const missionName = (code: string) => {
    const found = missions.data?.find((x) => x.code === code)
    return found ? localized(found.name) : code
  }

  if (
    !id ||
    !sig ||
    (booking.error instanceof ApiError && [400, 403, 404, 410].includes(booking.error.status))
  )
    return (
      <div className="page narrow-page">
        <Result status="warning" title={t('appointments.manage.invalid')} data-testid="manage-invalid" />
      </div>
    )
  if (booking.error) return <LoadError error={booking.error} retry={booking.reload} />
  if (!a) return <Skeleton active />

  const move = async () => {
    if (!slot) return
    setError(undefined)
    setBusy(true)
    try {
      const altcha = await proof.spend()
      const moved = await appointmentsApi.moveManaged(id, sig, { start: slot.start, altcha })
      setFresh(moved)
      setMoving(false)
      setSlot(undefined)
      setMessage(t('appointments.manage.moved'))
    } catch (e) {
      if (e instanceof ApiError && e.code === 'appointment.slot_full') {
        setSlot(undefined)
        setNonce((n) => n + 1)
      }
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }
  const confirmHold = async () => {
    setError(undefined)
    try {
      setFresh(await appointmentsApi.confirmManaged(id, sig))
      setMessage(t('appointments.manage.confirmed'))
    } catch (e) {
      setError(errorMessage(e, t))
    }
  }
  const cancel = async () => {
    setError(undefined)
    try {
      await appointmentsApi.cancelManaged(id, sig)
      setCancelled(true)
      setFresh({ ...a, status: 'cancelled' })
    } catch (e) {
      setError(errorMessage(e, t))
    }
  }
  const open = (a.status === 'booked' || a.status === 'held') && !cancelled

  return (
    <div className="page narrow-page" data-testid="manage-page">
      <Typography.Title level={1} style={{ marginTop: 0 }}>
        {t('appointments.manage.title')}
      </Typography.Title>
      {message && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={message}
          data-testid="manage-message"
        />
      )}
      {cancelled && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('appointments.manage.cancelled')} />
      )}
      {a.status === 'held' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="manage-held"
          title={t('appointments.heldForYou', { until: a.holdExpiresAt ? localTime(a.holdExpiresAt) : '' })}
          action={
            <Button type="primary" onClick={confirmHold} data-testid="manage-confirm-hold">
              {t('appointments.confirmHold')}
            </Button>
          }
        />
      )}
      <Card size="small">
        <BookingCard
          appointment={a}
          missionName={missionName(a.mission)}
          actions={
            open && (
              <>
                <AddToCalendar appointment={a} where={missionName(a.mission)} />
                <Button onClick={() => setMoving(!moving)} data-testid="manage-move">
                  {t('appointments.manage.move')}
                </Button>
                <Popconfirm
                  title={t('appointments.cancelSure')}
                  okText={t('appointments.cancelYes')}
                  cancelText={t('appointments.cancelNo')}
                  onConfirm={cancel}
                >
                  <Button danger data-testid="manage-cancel">
                    {t('appointments.cancel')}
                  </Button>
                </Popconfirm>
              </>
            )
          }
        />
      </Card>
      {moving && open && (
        <Card size="small" style={{ marginTop: 12 }} title={t('appointments.manage.pickNew')}>
          <WeekSlots
            mission={a.mission}
            service={a.service}
            location={a.location ?? undefined}
            selected={slot?.start}
            onSelect={(s) => {
              setSlot(s)
              if (s) proof.prove().catch(() => undefined)
            }}
            nonce={nonce}
          />
          {slot && (
            <div style={{ marginTop: 8 }} data-testid="move-summary">
              <Typography.Text strong>
                {dayLabel(localDate(slot.start), lang, 'long')} {localTime(slot.start)}
              </Typography.Text>
              <ProofStatus state={proof.state} retry={() => proof.prove().catch(() => undefined)} />
              <Space>
                <Button type="primary" loading={busy} onClick={move} data-testid="move-confirm">
                  {t('appointments.manage.moveHere')}
                </Button>
              </Space>
            </div>
          )}
        </Card>
      )}
      {error && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} data-testid="manage-error" />
      )}
    </div>
  )
}
