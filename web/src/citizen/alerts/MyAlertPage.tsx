import type { AnswerResult, MyAlert } from '@server/alerts/alert-me.schema.ts'
import { Alert, App, Card, Result, Skeleton, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useParams } from 'react-router'
import { AreaShape } from '../../alerts/AreaShape.tsx'
import { GeoMap } from '../../alerts/GeoMap.tsx'
import { asGeometry } from '../../alerts/geo.ts'
import { type Answer, SEVERITY_COLOR } from '../../alerts/labels.tsx'
import { MissionMarkers, useMissions } from '../../alerts/missions.tsx'
import { ApiError, get, post } from '../../lib/api.ts'
import { useAuth } from '../../lib/auth.tsx'
import { formatDateTime } from '../../lib/dates.ts'
import { errorMessage } from '../../lib/errors.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { isStaff } from '../../lib/types.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { EmergencyNumbers } from '../EmergencyNumbers.tsx'
import { AnswerButtons } from './AnswerButtons.tsx'

const when = (iso: string) => formatDateTime(iso)

/** One alert that reached me: what happened, what to do, where, and "are you safe?". */
export function MyAlertPage() {
  const { t } = useTranslation()
  const { me } = useAuth()
  const { message } = App.useApp()
  const id = useParams().id ?? ''
  const { data, error, loading, reload } = useLoad(() => get<MyAlert>(`/api/v1/me/alerts/${id}`), id)
  const [mine, setMine] = useState<AnswerResult>()
  const [busy, setBusy] = useState<Answer | null>(null)
  const area = useMemo(() => (data ? asGeometry(data.area) : null), [data])
  const missions = useMissions()

  if (me && isStaff(me) && !me.roles.includes('citizen'))
    return <Navigate to={`/console/alerts/${id}`} replace />
  if (error instanceof ApiError && error.status === 404)
    return (
      <div className="page narrow-page">
        <Result
          status="404"
          title={t('myAlerts.notFound')}
          extra={<Link to="/me/alerts">{t('myAlerts.title')}</Link>}
          data-testid="my-alert-not-found"
        />
      </div>
    )
  if (error)
    return (
      <div className="page narrow-page">
        <LoadError error={error} retry={reload} />
      </div>
    )
  if (loading || !data)
    return (
      <div className="page narrow-page">
        <Skeleton active />
      </div>
    )

  const lang = currentLocale()
  const answer = mine?.answer ?? data.answer
  const answeredAt = mine?.answeredAt ?? data.answeredAt
  const color = SEVERITY_COLOR[data.severity] ?? SEVERITY_COLOR.Unknown
  const submit = async (a: Answer) => {
    setBusy(a)
    try {
      setMine(await post<AnswerResult>(`/api/v1/me/alerts/${id}/answer`, { answer: a }))
    } catch (e) {
      message.error(errorMessage(e, t))
    } finally {
      setBusy(null)
    }
  }
  const expired = !!data.expiresAt && new Date(data.expiresAt).getTime() < Date.now()
  return (
    <div className="page narrow-page my-alert" data-testid="my-alert">
      <Link to="/me/alerts">← {t('myAlerts.title')}</Link>
      <div className="severity-strip" style={{ background: color }} data-testid="my-alert-severity">
        <span>{t(`alerts.severity.${data.severity}`, { defaultValue: data.severity })}</span>
        <span>{data.event[lang]}</span>
      </div>
      {data.msgType === 'Cancel' && <Tag color="purple">{t('myAlerts.cancellation')}</Tag>}
      {data.msgType === 'Update' && <Tag color="blue">{t('myAlerts.update')}</Tag>}
      <Typography.Title level={1} style={{ marginTop: 8 }} data-testid="my-alert-headline">
        {data.headline[lang]}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('myAlerts.sent', { at: when(data.sent) })}
        {data.expiresAt &&
          ` · ${t(expired ? 'myAlerts.expired' : 'myAlerts.until', { at: when(data.expiresAt) })}`}
      </Typography.Text>
      {data.status === 'cancelled' && (
        <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('myAlerts.cancelled')} />
      )}
      {data.safetyCheck && data.msgType !== 'Cancel' && (
        <Card size="small" className="ask-card" style={{ marginTop: 16 }} data-testid="safety-check">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {answer === 'need_help'
              ? t('alerts.answer.helpComing')
              : answer
                ? t('myAlerts.answered')
                : t('myAlerts.ask')}
          </Typography.Title>
          {answer === 'need_help' && (
            <Typography.Paragraph data-testid="help-coming">
              {t('alerts.answer.helpComingText')}
            </Typography.Paragraph>
          )}
          {answer && answeredAt && (
            <Typography.Paragraph type="secondary" data-testid="my-answer">
              {t('myAlerts.yourAnswer', {
                answer: t(`alerts.answer.${answer}`),
                at: when(answeredAt),
              })}
            </Typography.Paragraph>
          )}
          {!answer && (
            <Typography.Paragraph type="secondary">
              {data.inArea ? t('myAlerts.askInArea') : t('myAlerts.askSubscriber')}
            </Typography.Paragraph>
          )}
          <AnswerButtons current={answer} busy={busy} onAnswer={submit} />
        </Card>
      )}
      {data.description[lang] && (
        <section className="alert-text">
          <Typography.Title level={5}>{t('myAlerts.what')}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {data.description[lang]}
          </Typography.Paragraph>
        </section>
      )}
      {data.instruction[lang] && (
        <section className="alert-text instruction" data-testid="my-alert-instruction">
          <Typography.Title level={5}>{t('myAlerts.todo')}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {data.instruction[lang]}
          </Typography.Paragraph>
        </section>
      )}
      <section className="alert-text">
        <Typography.Title level={5}>{t('myAlerts.where')}</Typography.Title>
        <Typography.Paragraph>{data.areaDesc[lang] || '—'}</Typography.Paragraph>
        {area && (
          <GeoMap
            detail="110m"
            ariaLabel={t('myAlerts.map')}
            height={480}
            fit={area}
            fitKey={data.id}
            fitPadding={0.2}
            fitMinKm={500}
            testId="my-alert-map"
          >
            {(geo) => (
              <>
                <AreaShape geometry={area} geo={geo} />
                <MissionMarkers geo={geo} missions={missions} />
              </>
            )}
          </GeoMap>
        )}
      </section>
      {data.countries.length === 0 ? (
        <EmergencyNumbers />
      ) : (
        data.countries.slice(0, 3).map((c) => <EmergencyNumbers key={c} country={c} maxMissions={2} />)
      )}
      {data.web && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          <a href={data.web} target="_blank" rel="noreferrer">
            {t('myAlerts.more')}
          </a>
        </Typography.Paragraph>
      )}
    </div>
  )
}
