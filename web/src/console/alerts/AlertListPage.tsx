import { ALERT_STATUS } from '@server/alerts/alert.enums.ts'
import type { AlertSummary } from '@server/alerts/alert.schema.ts'
import { Button, Select, Space, Table, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { SeverityTag } from '../../alerts/labels.tsx'
import { get } from '../../lib/api.ts'
import { useAuth } from '../../lib/auth.tsx'
import { countryOptions } from '../../lib/countries.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { mayCompose, reachTotal } from './alert.ts'
import { useCountryIndex } from './places.ts'
import { StatusTag, when } from './StatusTag.tsx'

const PAGE = 50

/** Alerts in the reader's scope, newest first, by status and country. */
export function AlertListPage() {
  const { t } = useTranslation()
  const { me } = useAuth()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const status = params.get('status') ?? ''
  const country = params.get('country') ?? undefined
  const index = useCountryIndex()
  const [pages, setPages] = useState<string[]>([])
  const before = pages.at(-1)
  const query = new URLSearchParams({ limit: String(PAGE) })
  if (status) query.set('status', status)
  if (country) query.set('country', country)
  if (before) query.set('before', before)
  const { data, error, loading, reload } = useLoad(
    () => get<{ items: AlertSummary[]; next: string | null }>(`/api/v1/alerts?${query}`),
    query.toString(),
  )
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setPages([])
    setParams(next, { replace: true })
  }

  return (
    <>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="alerts-title">
          {t('alertsConsole.list.title')}
        </Typography.Title>
        {me && mayCompose(me.roles) && (
          <Button
            type="primary"
            danger
            onClick={() => navigate('/console/alerts/new')}
            data-testid="new-alert"
          >
            {t('alertsConsole.list.new')}
          </Button>
        )}
      </Space>
      <Tabs
        activeKey={status}
        onChange={(k) => setFilter('status', k)}
        data-testid="alerts-status"
        items={['', ...ALERT_STATUS].map((s) => ({
          key: s,
          label: (
            <span data-testid={`status-tab-${s || 'all'}`}>{t(`alertsConsole.status.${s || 'all'}`)}</span>
          ),
        }))}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'search' }}
          placeholder={t('alertsConsole.list.country')}
          style={{ width: 240 }}
          value={country}
          onChange={(c?: string) => setFilter('country', c)}
          options={countryOptions(index.countries)}
          data-testid="alerts-country"
        />
      </Space>
      {error ? (
        <LoadError error={error} retry={reload} />
      ) : (
        <Table
          data-testid="alerts-table"
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: status ? t('alertsConsole.list.emptyStatus') : t('alertsConsole.list.empty') }}
          columns={[
            {
              title: t('alertsConsole.list.headline'),
              render: (_, a) => (
                <div style={{ minWidth: 200, maxWidth: 420 }}>
                  {a.msgType !== 'Alert' && <Tag>{t(`alertsConsole.msgType.${a.msgType}`)}</Tag>}
                  <Link to={`/console/alerts/${a.id}`} data-testid="alert-link">
                    {a.titles[currentLocale()].headline}
                  </Link>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {a.titles[currentLocale()].event}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              title: t('alertsConsole.list.severity'),
              dataIndex: 'severity',
              render: (s: string) => <SeverityTag severity={s} />,
            },
            {
              title: t('alertsConsole.list.status'),
              render: (_, a) => <StatusTag status={a.status} />,
            },
            {
              title: t('alertsConsole.list.origin'),
              dataIndex: 'origin',
              responsive: ['lg'],
              render: (o: string) => t(`alertsConsole.origin.${o}`, { defaultValue: o }),
            },
            {
              title: t('alertsConsole.list.countries'),
              dataIndex: 'countries',
              responsive: ['md'],
              render: (cs: string[]) => cs.map((c) => index.nameOf(c)).join(', ') || '—',
            },
            {
              title: t('alertsConsole.list.reach'),
              align: 'right',
              render: (_, a) =>
                a.recipients !== null ? (
                  <span title={t('alertsConsole.list.recipients')}>{a.recipients}</span>
                ) : (
                  <Typography.Text type="secondary" title={t('alertsConsole.list.estimated')}>
                    ≈{reachTotal(a.reach)}
                  </Typography.Text>
                ),
            },
            {
              title: t('alertsConsole.list.sent'),
              responsive: ['sm'],
              render: (_, a) => (a.sentAt ? when(a.sentAt) : '—'),
            },
          ]}
        />
      )}
      <Space style={{ marginTop: 12 }}>
        {pages.length > 0 && (
          <Button onClick={() => setPages(pages.slice(0, -1))}>{t('alertsConsole.list.newer')}</Button>
        )}
        {data?.next && (
          <Button onClick={() => setPages([...pages, data.next as string])} data-testid="alerts-older">
            {t('alertsConsole.list.older')}
          </Button>
        )}
      </Space>
    </>
  )
}
