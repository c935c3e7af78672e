import type { Overview as OverviewData } from '@server/console/console.schema.ts'
import { Card, Col, Empty, List, Progress, Row, Space, Statistic, Tag, Typography } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { get } from '../lib/api.ts'
import { useAuth } from '../lib/auth.tsx'
import { currentLocale, localized } from '../lib/i18n.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'
import { span, useNow } from './desk/clock.ts'
import { Due } from './desk/Due.tsx'
import type { Section } from './nav.ts'

const DESK_ROLES = ['operator', 'officer', 'duty_officer']
const REFRESH_MS = 30_000

/** The start page: the numbers of the caller's role (each opens its list), what waits, alerts in progress. */
export function Overview({ sections }: { sections: Section[] }) {
  const { t } = useTranslation()
  const { me } = useAuth()
  const desk = !!me?.roles.some((r) => DESK_ROLES.includes(r))
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="console-title">
        {t('console.overview')}
      </Typography.Title>
      {me && (
        <Typography.Paragraph type="secondary" data-testid="console-roles">
          {me.roles.map((r) => (
            <Tag key={r}>{t(`roles.${r}`)}</Tag>
          ))}
          {me.missions.length > 0
            ? me.missions.map((m) => localized(m.name)).join(' · ')
            : me.roles.includes('duty_officer') || me.roles.includes('admin')
              ? t('console.allMissions')
              : null}
        </Typography.Paragraph>
      )}
      {desk ? <DeskOverview /> : <SectionLinks sections={sections} />}
    </>
  )
}

/** Staff without a desk (administrators, clinicians): where their work is. */
function SectionLinks({ sections }: { sections: Section[] }) {
  const { t } = useTranslation()
  return (
    <Row gutter={[16, 16]}>
      {sections.map((s) => (
        <Col xs={24} sm={12} lg={8} key={s}>
          <Link to={`/console/${s}`}>
            <Card hoverable size="small">
              {t(`console.nav.${s}`)}
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  )
}

function DeskOverview() {
  const { t } = useTranslation()
  const { data, error, reload } = useLoad(() => get<OverviewData>('/api/v1/console/overview'))
  const now = useNow()
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS)
    return () => clearInterval(timer)
  }, [reload])
  if (error) return <LoadError error={error} retry={reload} />
  if (!data) return <Card loading />
  const showWaiting = data.cards.some((c) => c.key === 'sos_open' || c.key === 'p1_open')
  const showAlerts = data.cards.some((c) => c.key === 'alerts_sending')
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[12, 12]} data-testid="overview-cards">
        {data.cards.map((c) => (
          <Col xs={12} sm={8} xl={4} key={c.key}>
            <Link to={c.href} data-testid={`overview-card-${c.key}`}>
              <Card hoverable size="small" style={{ height: '100%' }}>
                <Statistic
                  title={t(`desk.card.${c.key}`)}
                  value={c.count}
                  valueStyle={c.count > 0 && ALARM.has(c.key) ? { color: '#cf1322' } : undefined}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        {showWaiting && (
          <Col xs={24} lg={12}>
            <Card size="small" title={t('desk.waiting')} data-testid="overview-waiting">
              {data.waiting.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk.waitingEmpty')} />
              ) : (
                <List
                  size="small"
                  dataSource={data.waiting}
                  renderItem={(w) => (
                    <List.Item key={w.id} data-testid="waiting-item">
                      <Space wrap size={4}>
                        <Link to={w.href}>
                          {w.kind === 'sos' ? (
                            <Tag color="red">{t('desk.sos')}</Tag>
                          ) : (
                            <Tag color="red">P1</Tag>
                          )}
                          {w.reference}
                        </Link>
                        <Typography.Text strong data-testid="waiting-time">
                          {t('desk.waitingFor', { time: span(now - new Date(w.since).getTime()) })}
                        </Typography.Text>
                        {w.kind === 'sos' && (
                          <Tag color={w.acknowledged ? 'default' : 'orange'}>
                            {t(w.acknowledged ? 'desk.seen' : 'desk.notSeen')}
                          </Tag>
                        )}
                        {w.due && <Due due={w.due} now={now} />}
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Col>
        )}
        {showAlerts && (
          <Col xs={24} lg={12}>
            <Card size="small" title={t('desk.alertsTitle')} data-testid="overview-alerts">
              {data.alerts.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk.alertsEmpty')} />
              ) : (
                <List
                  size="small"
                  dataSource={data.alerts}
                  renderItem={(a) => <AlertRow key={a.id} a={a} />}
                />
              )}
            </Card>
          </Col>
        )}
      </Row>
    </Space>
  )
}

/** Numbers that are bad news when above zero. */
const ALARM = new Set(['sos_open', 'p1_open', 'sla_missed', 'visits_overdue'])

function AlertRow({ a }: { a: OverviewData['alerts'][number] }) {
  const { t } = useTranslation()
  const rate = a.recipients > 0 ? a.answered / a.recipients : 0
  const pct = new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(
    rate,
  )
  return (
    <List.Item data-testid="alert-progress">
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Link to={a.href}>{a.headline}</Link>
        {a.status === 'sending' ? (
          <Tag color="processing">{t('desk.sending')}</Tag>
        ) : a.safetyCheck ? (
          <>
            <Progress percent={Math.round(rate * 100)} size="small" showInfo={false} />
            <Space wrap size={4}>
              <span>{t('desk.answered', { answered: a.answered, recipients: a.recipients, rate: pct })}</span>
              {a.needHelp > 0 && <Tag color="red">{t('desk.needHelp', { count: a.needHelp })}</Tag>}
            </Space>
          </>
        ) : (
          <Typography.Text type="secondary">{t('desk.noSafetyCheck')}</Typography.Text>
        )}
        <Typography.Text type="secondary">
          {t('desk.endsAt', {
            time: new Date(a.endsAt).toLocaleString(currentLocale(), {
              dateStyle: 'short',
              timeStyle: 'short',
            }),
          })}
        </Typography.Text>
      </Space>
    </List.Item>
  )
}
