import { Alert, Button, Card, Empty, Popconfirm, Skeleton, Space, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ACTIVE, appointmentsApi } from '../../appointments/api.ts'
import { AddToCalendar, BookingCard } from '../../appointments/parts.tsx'
import { useMissions } from '../../appointments/useMissionServices.ts'
import { errorMessage } from '../../lib/errors.ts'
import { localized } from '../../lib/i18n.ts'
import { LinkButton } from '../../lib/LinkButton.tsx'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { CalledBanner } from './CalledBanner.tsx'
import { WaitlistCard } from './WaitlistCard.tsx'

const AT_THE_MISSION = new Set(['checked_in', 'called', 'serving'])

/** My bookings (upcoming first, then past), each with its code and QR; the waitlist below. */
export function MyAppointmentsPage() {
  const { t } = useTranslation()
  const mine = useLoad(() => appointmentsApi.mine())
  const missions = useMissions()
  const [error, setError] = useState<string>()
  const missionName = (code: string) => {
    const found = missions.data?.find((x) => x.code === code)
    return found ? localized(found.name) : code
  }
  const list = [...(mine.data ?? [])].sort((a, b) => {
    const active = Number(ACTIVE.has(b.status)) - Number(ACTIVE.has(a.status))
    return active || a.start.localeCompare(b.start)
  })
  const waitingThere = list.some((a) => AT_THE_MISSION.has(a.status))
  const reload = mine.reload
  const onCalled = useCallback(() => reload(), [reload])

  // At the mission, the page keeps itself fresh (the status moves at the counter).
  useEffect(() => {
    if (!waitingThere) return
    const timer = setInterval(reload, 10_000)
    return () => clearInterval(timer)
  }, [waitingThere, reload])

  const act = async (work: () => Promise<unknown>) => {
    setError(undefined)
    try {
      await work()
      mine.reload()
    } catch (e) {
      setError(errorMessage(e, t))
    }
  }

  return (
    <div className="page narrow-page" data-testid="my-appointments">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="center">
        <Typography.Title level={1} style={{ margin: 0 }}>
          {t('appointments.mine')}
        </Typography.Title>
        <LinkButton to="/me/appointments/book" type="primary" data-testid="book-new">
          {t('appointments.book')}
        </LinkButton>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('appointments.intro')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      {mine.error ? (
        <LoadError error={mine.error} retry={mine.reload} />
      ) : mine.loading && !mine.data ? (
        <Skeleton active />
      ) : !list.length ? (
        <Empty description={t('appointments.none')} data-testid="no-appointments" />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }} size={12}>
          {list.map((a) => (
            <Card size="small" key={a.id} className={ACTIVE.has(a.status) ? undefined : 'past-booking'}>
              {AT_THE_MISSION.has(a.status) && <CalledBanner appointment={a} onCalled={onCalled} />}
              {a.status === 'held' && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 8 }}
                  title={t('appointments.heldForYou', {
                    until: a.holdExpiresAt ? a.holdExpiresAt.slice(11, 16) : '',
                  })}
                />
              )}
              <BookingCard
                appointment={a}
                missionName={missionName(a.mission)}
                actions={
                  ACTIVE.has(a.status) && (
                    <>
                      {a.status === 'held' && (
                        <Button
                          type="primary"
                          data-testid="confirm-hold"
                          onClick={() => act(() => appointmentsApi.confirmHold(a.id))}
                        >
                          {t('appointments.confirmHold')}
                        </Button>
                      )}
                      {a.status === 'booked' && (
                        <AddToCalendar appointment={a} where={missionName(a.mission)} />
                      )}
                      {(a.status === 'booked' || a.status === 'held') && (
                        <Popconfirm
                          title={t('appointments.cancelSure')}
                          okText={t('appointments.cancelYes')}
                          cancelText={t('appointments.cancelNo')}
                          onConfirm={() => act(() => appointmentsApi.cancel(a.id))}
                        >
                          <Button danger data-testid="cancel-booking">
                            {t('appointments.cancel')}
                          </Button>
                        </Popconfirm>
                      )}
                    </>
                  )
                }
              />
            </Card>
          ))}
        </Space>
      )}
      <div style={{ marginTop: 24 }}>
        <WaitlistCard />
      </div>
    </div>
  )
}
