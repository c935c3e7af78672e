import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { get } from '../lib/api.ts'
import { localized } from '../lib/i18n.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'
import { RegisterForm } from './RegisterForm.tsx'
import type { Enterprise, SiteAlert } from './types.ts'

/** The enterprise account's home: its enterprises, the alerts reaching its sites, and registering another. */
export function EnterprisePortal() {
  const { t } = useTranslation()
  const mine = useLoad(() => get<Enterprise[]>('/api/v1/me/enterprises'))
  const alerts = useLoad(() => get<SiteAlert[]>('/api/v1/me/site-alerts'))
  const [registering, setRegistering] = useState(false)
  const [done, setDone] = useState(false)
  if (mine.error) return <LoadError error={mine.error} retry={mine.reload} />
  return (
    <div className="page" style={{ maxWidth: 900, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={3}>{t('enterprises.portalTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('enterprises.portalIntro')}</Typography.Paragraph>
      {(alerts.data?.length ?? 0) > 0 && (
        <Card
          title={t('enterprises.alerts.title')}
          size="small"
          style={{ marginBottom: 16 }}
          data-testid="site-alerts"
        >
          <List
            dataSource={alerts.data}
            renderItem={(a) => (
              <List.Item
                actions={[
                  <Link key="r" to={`/enterprise/alerts/${a.alertId}`} data-testid="site-alert-report">
                    {t('enterprises.alerts.report')}
                  </Link>,
                ]}
              >
                <List.Item.Meta
                  title={localized({ 'zh-CN': a.titles['zh-CN'].headline, en: a.titles.en.headline })}
                  description={a.sites
                    .map((s) =>
                      s.headcount
                        ? `${s.name}: ${s.headcount.safe}/${s.headcount.total}`
                        : `${s.name}: ${t('enterprises.alerts.notReported')}`,
                    )
                    .join(' · ')}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      {done && (
        <Alert type="success" showIcon message={t('enterprises.registered')} style={{ marginBottom: 12 }} />
      )}
      <List
        loading={mine.loading}
        dataSource={mine.data ?? []}
        locale={{ emptyText: t('enterprises.none') }}
        data-testid="my-enterprises"
        renderItem={(e) => (
          <List.Item
            data-testid="my-enterprise"
            actions={[
              <Link key="o" to={`/enterprise/${e.id}`} data-testid="enterprise-open">
                {t('enterprises.open')}
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{localized({ 'zh-CN': e.nameZh, en: e.name })}</span>
                  <Tag color={e.status === 'verified' ? 'green' : 'gold'} data-testid="enterprise-status">
                    {t(`enterprises.status.${e.status}`)}
                  </Tag>
                </Space>
              }
              description={`${e.creditCode} · ${t(`enterprises.industries.${e.industry}`)} · ${t('enterprises.sitesCount', { n: e.sites })}${e.myRole ? ` · ${t(`enterprises.role.${e.myRole}`)}` : ''}`}
            />
          </List.Item>
        )}
      />
      {registering ? (
        <Card title={t('enterprises.register')} size="small" style={{ marginTop: 16 }}>
          <RegisterForm
            onDone={() => {
              setRegistering(false)
              setDone(true)
              mine.reload()
            }}
          />
        </Card>
      ) : (
        <Button
          style={{ marginTop: 16 }}
          onClick={() => setRegistering(true)}
          data-testid="enterprise-register-open"
        >
          {t('enterprises.register')}
        </Button>
      )}
    </div>
  )
}
