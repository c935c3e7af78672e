import { Card, Col, Grid, Result, Row, Skeleton, Space, Tag, Typography } from 'antd'
import type { Geometry } from 'geojson'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { AreaShape } from '../../alerts/AreaShape.tsx'
import { GeoMap } from '../../alerts/GeoMap.tsx'
import { asGeometry } from '../../alerts/geo.ts'
import { SeverityTag } from '../../alerts/labels.tsx'
import { MissionMarkers, useMissions } from '../../alerts/missions.tsx'
import { ApiError, get } from '../../lib/api.ts'
import { useAuth } from '../../lib/auth.tsx'
import { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { AlertSitesCard } from '../enterprises/AlertSitesCard.tsx'
import { type AlertDetail, mayCompose } from './alert.ts'
import { CapCard, ThreadCard } from './CapCard.tsx'
import { fromCap } from './capBody.ts'
import { AnswerCells, CellLegend, LiveNumbers } from './LiveBoard.tsx'
import { countryView, useCountryIndex } from './places.ts'
import { RecipientsTable } from './RecipientsTable.tsx'
import { StatusPanel } from './StatusPanel.tsx'
import { StatusTag, when } from './StatusTag.tsx'
import { useLive } from './useLive.ts'

/** One alert: its state and what can be done with it, its area, its CAP, and once sent the live board. */
export function AlertDetailPage() {
  const { t } = useTranslation()
  const { me } = useAuth()
  const id = useParams().id ?? ''
  const index = useCountryIndex()
  const narrow = Grid.useBreakpoint().md === false
  const missions = useMissions()
  const { data: alert, error, loading, reload } = useLoad(() => get<AlertDetail>(`/api/v1/alerts/${id}`), id)
  const sentOut = alert?.status === 'sent' || alert?.status === 'cancelled'
  const live = useLive(id, !!sentOut)

  useEffect(() => {
    if (alert?.status !== 'sending') return
    const timer = setTimeout(reload, 1500)
    return () => clearTimeout(timer)
  }, [alert, reload])

  const area = useMemo(() => (alert ? asGeometry(alert.area) : null), [alert])
  const geocoded = useMemo(() => (alert ? fromCap(alert.cap).area.countries : []), [alert])
  const [countryFit, setCountryFit] = useState<Geometry | null>(null)
  useEffect(() => {
    const numeric = !area && geocoded[0] ? index.numericOf(geocoded[0]) : undefined
    if (numeric) void countryView(numeric).then(setCountryFit)
  }, [area, geocoded, index])
  const selected = useMemo(
    () => new Set(geocoded.map((c) => index.numericOf(c)).filter((n): n is string => !!n)),
    [geocoded, index],
  )

  if (error instanceof ApiError && error.status === 404)
    return (
      <Result
        status="404"
        title={t('alertsConsole.detail.notFound')}
        extra={<Link to="/console/alerts">{t('alertsConsole.list.title')}</Link>}
        data-testid="alert-not-found"
      />
    )
  if (error) return <LoadError error={error} retry={reload} />
  if (loading && !alert) return <Skeleton active />
  if (!alert) return null

  const roles = me?.roles ?? []
  const countries = alert.countries.map((c) => index.nameOf(c)).join(', ')
  const headline = alert.titles[currentLocale()].headline
  const fit = area ?? countryFit
  return (
    <>
      <Link to="/console/alerts">← {t('alertsConsole.list.title')}</Link>
      <Typography.Title level={3} style={{ margin: '8px 0' }} data-testid="alert-headline">
        {alert.msgType !== 'Alert' && <Tag>{t(`alertsConsole.msgType.${alert.msgType}`)}</Tag>}
        {headline}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <StatusTag status={alert.status} />
        <SeverityTag severity={alert.severity} />
        <Typography.Text type="secondary">
          {alert.sentAt
            ? t('alertsConsole.detail.sentAt', { at: when(alert.sentAt) })
            : t('alertsConsole.detail.createdAt', { at: when(alert.createdAt) })}
        </Typography.Text>
        {alert.originalId && alert.originalId !== alert.id && (
          <Link to={`/console/alerts/${alert.originalId}`}>{t('alertsConsole.detail.original')}</Link>
        )}
      </Space>
      <div style={{ marginBottom: 16 }}>
        <StatusPanel
          alert={alert}
          duty={roles.includes('duty_officer')}
          composer={mayCompose(roles)}
          countries={countries}
          onChanged={reload}
        />
      </div>
      {sentOut && (
        <div style={{ marginBottom: 16 }}>
          <LiveNumbers live={live} safetyCheck={alert.safetyCheck} />
        </div>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('alertsConsole.detail.area')}>
            <GeoMap
              detail="50m"
              interactive
              height={narrow ? 760 : 540}
              ariaLabel={t('alertsConsole.detail.area')}
              testId="alert-map"
              fit={fit}
              fitKey={fit ? `${alert.id}-${fit.type}` : 'world'}
              fitPadding={0.15}
              fitMinKm={120}
              selected={selected}
              names={index.names}
            >
              {(geo) => (
                <>
                  {area && <AreaShape geometry={area} geo={geo} />}
                  {sentOut && live.cells && <AnswerCells geo={geo} cells={live.cells} />}
                  <MissionMarkers geo={geo} missions={missions} />
                </>
              )}
            </GeoMap>
            {sentOut && alert.safetyCheck && <CellLegend />}
            {!area && !geocoded.length && (
              <Typography.Text type="secondary">{t('alertsConsole.detail.noArea')}</Typography.Text>
            )}
          </Card>
          {sentOut && (
            <div style={{ marginTop: 16 }}>
              <RecipientsTable alertId={alert.id} nameOf={index.nameOf} />
            </div>
          )}
          {sentOut && (
            <div style={{ marginTop: 16 }}>
              <AlertSitesCard alertId={alert.id} />
            </div>
          )}
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" style={{ width: '100%' }} size={16}>
            <CapCard alert={alert} countries={countries} />
            <ThreadCard alert={alert} />
          </Space>
        </Col>
      </Row>
    </>
  )
}
