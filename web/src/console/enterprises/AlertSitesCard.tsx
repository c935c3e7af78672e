import { Card, Space, Statistic, Table, Tag } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { AlertSite } from '../../enterprise/types.ts'
import { get } from '../../lib/api.ts'
import { localized } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'

/** The alert board's enterprise sites: each one reached, its headcount, or "not reported" (refreshed every 15 s). */
export function AlertSitesCard({ alertId }: { alertId: string }) {
  const { t } = useTranslation()
  const sites = useLoad(() => get<AlertSite[]>(`/api/v1/alerts/${alertId}/sites`), alertId)
  useEffect(() => {
    const timer = setInterval(sites.reload, 15_000)
    return () => clearInterval(timer)
  }, [sites.reload])
  const list = sites.data ?? []
  const reported = list.filter((s) => s.headcount)
  const sum = (k: 'safe' | 'injured' | 'missing') => reported.reduce((n, s) => n + (s.headcount?.[k] ?? 0), 0)
  return (
    <Card size="small" title={t('enterprises.staff.boardTitle')} data-testid="alert-sites">
      <Space wrap size={24} style={{ marginBottom: 12 }}>
        <Statistic title={t('enterprises.staff.reached')} value={list.length} />
        <Statistic title={t('enterprises.staff.reported')} value={reported.length} />
        <Statistic title={t('enterprises.alerts.safe')} value={sum('safe')} />
        <Statistic title={t('enterprises.alerts.injured')} value={sum('injured')} />
        <Statistic
          title={t('enterprises.alerts.missing')}
          value={sum('missing')}
          valueStyle={sum('missing') ? { color: '#b71c1c' } : undefined}
          data-testid="alert-sites-missing"
        />
      </Space>
      <Table
        size="small"
        rowKey="id"
        loading={sites.loading && !sites.data}
        dataSource={list}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('enterprises.staff.boardNone') }}
        columns={[
          {
            title: t('enterprises.staff.site'),
            render: (_, s) => (
              <span data-testid="alert-site-name">
                {s.name}
                <br />
                <small>{localized({ 'zh-CN': s.enterprise.nameZh, en: s.enterprise.name })}</small>
              </span>
            ),
          },
          { title: t('enterprises.staff.people'), dataIndex: 'staff' },
          {
            title: t('enterprises.alerts.headcountTitle'),
            render: (_, s) =>
              s.headcount ? (
                <Space wrap data-testid="alert-site-headcount">
                  <Tag>
                    {t('enterprises.alerts.total')} {s.headcount.total}
                  </Tag>
                  <Tag color="green">
                    {t('enterprises.alerts.safe')} {s.headcount.safe}
                  </Tag>
                  <Tag color="orange">
                    {t('enterprises.alerts.injured')} {s.headcount.injured}
                  </Tag>
                  <Tag color={s.headcount.missing ? 'red' : undefined}>
                    {t('enterprises.alerts.missing')} {s.headcount.missing}
                  </Tag>
                </Space>
              ) : (
                <Tag color="gold" data-testid="alert-site-not-reported">
                  {t('enterprises.alerts.notReported')}
                </Tag>
              ),
          },
          {
            title: t('enterprises.staff.officer'),
            render: (_, s) => (
              <small>
                {s.securityOfficer.name}
                <br />
                {s.securityOfficer.phone}
              </small>
            ),
          },
        ]}
      />
    </Card>
  )
}
