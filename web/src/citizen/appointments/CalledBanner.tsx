import { Alert } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Appointment } from '../../appointments/types.ts'
import { useQueue } from '../../appointments/useQueue.ts'

/**
 * While one of mine waits at the mission: its ticket, and "your number is called, counter 3"
 * as soon as the mission's public queue calls it (server-sent events), or its status says so.
 */
export function CalledBanner({
  appointment: a,
  onCalled,
}: {
  appointment: Appointment
  onCalled: () => void
}) {
  const { t } = useTranslation()
  const { called } = useQueue(a.mission)
  const mine = a.ticket ? called.find((c) => c.ticket === a.ticket) : undefined
  const counter = mine?.counter ?? a.counter ?? undefined
  const isCalled = a.status === 'called' || !!mine
  useEffect(() => {
    if (mine && a.status !== 'called') onCalled()
  }, [mine, a.status, onCalled])
  if (isCalled && a.ticket)
    return (
      <Alert
        type="error"
        showIcon
        className="called-banner"
        data-testid="called-banner"
        title={t('appointments.calledNow', { ticket: a.ticket, counter: counter ?? '?' })}
      />
    )
  if (a.ticket)
    return (
      <Alert
        type="info"
        showIcon
        data-testid="ticket-banner"
        title={t('appointments.yourTicket', { ticket: a.ticket })}
      />
    )
  return null
}
