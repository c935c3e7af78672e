import { Alert, App, Button, Card, Col, Row, Space, Spin, Statistic, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { post } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import { type AlertDetail, reachTotal } from './alert.ts'
import { CancelButton } from './CancelButton.tsx'
import { SendButton } from './SendButton.tsx'
import { when } from './StatusTag.tsx'

/** Before sending: who the alert would reach now, counted again on demand. */
function ReachCard({ alert, onChanged }: { alert: AlertDetail; onChanged: (a: AlertDetail) => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  const r = alert.reach
  const recount = async () => {
    setBusy(true)
    try {
      onChanged(await post<AlertDetail>(`/api/v1/alerts/${alert.id}/reach`))
    } catch (e) {
      message.error(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card
      size="small"
      title={t('alertsConsole.reach.title')}
      data-testid="reach"
      extra={
        <Button size="small" loading={busy} onClick={recount} data-testid="recount">
          {t('alertsConsole.reach.recount')}
        </Button>
      }
    >
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Statistic title={t('alertsConsole.reach.total')} value={reachTotal(r)} data-testid="reach-total" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('alertsConsole.reach.people')} value={r.people} data-testid="reach-people" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('alertsConsole.reach.trips')} value={r.trips} data-testid="reach-trips" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('alertsConsole.reach.subscribers')}
            value={r.subscribers}
            data-testid="reach-subscribers"
          />
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {r.countedAt ? t('alertsConsole.reach.countedAt', { at: when(r.countedAt) }) : ''}{' '}
        {t('alertsConsole.reach.explain')}
      </Typography.Text>
    </Card>
  )
}

/** What can be done with the alert in its state, by whom. */
export function StatusPanel(props: {
  alert: AlertDetail
  duty: boolean
  composer: boolean
  countries: string
  onChanged: (a: AlertDetail) => void
}) {
  const { t } = useTranslation()
  const { alert, duty, composer } = props
  const send = <SendButton alert={alert} duty={duty} countries={props.countries} onSent={props.onChanged} />
  switch (alert.status) {
    case 'draft':
      return (
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          {alert.unplaced.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('alertsConsole.detail.unplaced', { areas: alert.unplaced.join('; ') })}
            />
          )}
          <ReachCard alert={alert} onChanged={props.onChanged} />
          {composer && (
            <Space wrap>
              {send}
              <Link to={`/console/alerts/new?from=${alert.id}`}>
                <Button>{t('alertsConsole.detail.editAsNew')}</Button>
              </Link>
              {!duty && alert.approval.required && (
                <Typography.Text type="secondary">{t('alertsConsole.send.waitsForDuty')}</Typography.Text>
              )}
            </Space>
          )}
        </Space>
      )
    case 'pending_approval':
      return (
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          <Alert
            type="warning"
            showIcon
            data-testid="pending-approval"
            title={duty ? t('alertsConsole.detail.pendingDuty') : t('alertsConsole.detail.pendingOfficer')}
          />
          <ReachCard alert={alert} onChanged={props.onChanged} />
          {duty && send}
        </Space>
      )
    case 'sending':
      return (
        <Alert
          type="info"
          showIcon
          icon={<Spin size="small" />}
          data-testid="sending"
          title={t('alertsConsole.detail.sending', { n: reachTotal(alert.reach) })}
        />
      )
    case 'expired':
      return <Alert type="warning" showIcon title={t('alertsConsole.detail.expired')} />
    case 'cancelled':
      return (
        <Alert type="info" showIcon title={t('alertsConsole.detail.cancelled')} data-testid="cancelled" />
      )
    default:
      return composer && alert.msgType !== 'Cancel' ? (
        <Space wrap>
          <Link to={`/console/alerts/new?from=${alert.id}&as=update`}>
            <Button data-testid="update-alert">{t('alertsConsole.detail.update')}</Button>
          </Link>
          <CancelButton alert={alert} />
        </Space>
      ) : null
  }
}
