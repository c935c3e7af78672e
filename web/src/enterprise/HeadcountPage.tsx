import { Alert, Button, Card, Form, InputNumber, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { get, post } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'
import { localized } from '../lib/i18n.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'
import type { SiteAlert } from './types.ts'

type Counts = { total: number; safe: number; injured: number; missing: number }

function SiteHeadcount({
  alertId,
  site,
  onSent,
}: {
  alertId: string
  site: SiteAlert['sites'][number]
  onSent: () => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Counts>()
  const [error, setError] = useState<string>()
  const [sent, setSent] = useState<{ caseId: string | null }>()
  const [busy, setBusy] = useState(false)
  const h = site.headcount
  return (
    <Card size="small" title={site.name} style={{ marginBottom: 12 }} data-testid="headcount-site">
      <Form
        form={form}
        layout="vertical"
        initialValues={h ?? { total: site.staff, safe: site.staff, injured: 0, missing: 0 }}
        onFinish={async (v) => {
          setError(undefined)
          if (v.safe + v.injured + v.missing > v.total) {
            setError(t('enterprises.alerts.overTotal'))
            return
          }
          setBusy(true)
          try {
            setSent(await post(`/api/v1/alerts/${alertId}/headcounts`, { siteId: site.id, ...v }))
            onSent()
          } catch (e) {
            setError(errorMessage(e, t))
          } finally {
            setBusy(false)
          }
        }}
      >
        <Space wrap>
          {(['total', 'safe', 'injured', 'missing'] as const).map((k) => (
            <Form.Item key={k} name={k} label={t(`enterprises.alerts.${k}`)} rules={[{ required: true }]}>
              <InputNumber min={0} data-testid={`headcount-${k}`} />
            </Form.Item>
          ))}
        </Space>
        {error && (
          <Alert
            type="error"
            showIcon
            message={error}
            style={{ marginBottom: 12 }}
            data-testid="form-error"
          />
        )}
        {sent && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="headcount-sent"
            message={t('enterprises.alerts.sent')}
            description={sent.caseId ? t('enterprises.alerts.caseOpened') : undefined}
          />
        )}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="headcount-send">
          {t('enterprises.alerts.send')}
        </Button>
      </Form>
    </Card>
  )
}

/** The headcount an alert asks of each of my sites it reached: total, safe, injured, missing. */
export function HeadcountPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const alerts = useLoad(() => get<SiteAlert[]>('/api/v1/me/site-alerts'))
  if (alerts.error) return <LoadError error={alerts.error} retry={alerts.reload} />
  const alert = alerts.data?.find((a) => a.alertId === id)
  return (
    <div className="page" style={{ maxWidth: 720, margin: '0 auto', padding: 12 }}>
      <Link to="/enterprise">← {t('enterprises.tab')}</Link>
      <Typography.Title level={3}>{t('enterprises.alerts.headcountTitle')}</Typography.Title>
      {alert ? (
        <>
          <Typography.Paragraph strong data-testid="headcount-alert">
            {localized({ 'zh-CN': alert.titles['zh-CN'].headline, en: alert.titles.en.headline })}
          </Typography.Paragraph>
          {alert.sites.map((s) => (
            <SiteHeadcount key={s.id} alertId={id} site={s} onSent={() => undefined} />
          ))}
        </>
      ) : (
        !alerts.loading && <Alert type="info" message={t('enterprises.alerts.none')} />
      )}
    </div>
  )
}
