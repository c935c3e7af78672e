import { Button, Input, Space, Table, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SiteLevel } from '../../enterprise/SiteLevel.tsx'
import type { Site } from '../../enterprise/types.ts'
import { get } from '../../lib/api.ts'
import { localized } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { GuidanceEditor } from './GuidanceEditor.tsx'
import { SitesByCountry } from './SitesByCountry.tsx'

/** The sites list, HQ's view by country and level, and the guidance editor. */
export function SitesPage() {
  const { t } = useTranslation()
  return (
    <>
      <Typography.Title level={3}>{t('enterprises.staff.sitesTitle')}</Typography.Title>
      <Tabs
        items={[
          { key: 'list', label: t('enterprises.staff.sitesTitle'), children: <SitesList /> },
          { key: 'countries', label: t('console.sites.byCountry'), children: <SitesByCountry /> },
          {
            key: 'guidance',
            label: <span data-testid="tab-guidance">{t('console.guidance.title')}</span>,
            children: <GuidanceEditor />,
          },
        ]}
      />
    </>
  )
}

/** Verified enterprises' sites in my missions' countries (all countries for HQ), by country. */
function SitesList() {
  const { t } = useTranslation()
  const [country, setCountry] = useState('')
  const [pages, setPages] = useState<Site[][]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const q = /^[A-Za-z]{2}$/.test(country) ? `&country=${country.toUpperCase()}` : ''
  const first = useLoad(async () => {
    const res = await get<{ items: Site[]; nextCursor: string | null }>(`/api/v1/sites?limit=50${q}`)
    setPages([res.items])
    setCursor(res.nextCursor)
    return res
  }, q)
  const rows = pages.flat()
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Input
          placeholder={t('enterprises.staff.country')}
          maxLength={2}
          value={country}
          onChange={(e) => setCountry(e.target.value)}
          style={{ width: 120 }}
          data-testid="sites-country"
        />
        <Button href={`/api/v1/sites/export${q.replace('&', '?')}`} data-testid="sites-export">
          {t('console.sites.export')}
        </Button>
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={first.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        data-testid="sites-table"
        columns={[
          { title: t('enterprises.staff.country'), dataIndex: 'country' },
          {
            title: t('enterprises.staff.site'),
            render: (_, s) => (
              <span data-testid="sites-row-name">
                {s.name} <Tag>{t(`enterprises.kinds.${s.kind}`)}</Tag>
                <br />
                <small>{localized({ 'zh-CN': s.enterprise.nameZh, en: s.enterprise.name })}</small>
              </span>
            ),
          },
          { title: t('enterprises.sites.level'), render: (_, s) => <SiteLevel advisory={s.advisory} /> },
          {
            title: t('enterprises.staff.people'),
            render: (_, s) => s.staff.chinese + s.staff.local + s.staff.other,
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
          { title: t('enterprises.staff.score'), render: (_, s) => s.assessmentScore ?? '—' },
          {
            title: t('console.sites.training'),
            render: (_, s) => (s.training.coverage === null ? '—' : `${s.training.coverage}%`),
          },
        ]}
      />
      {cursor && (
        <Button
          style={{ marginTop: 12 }}
          onClick={async () => {
            const res = await get<{ items: Site[]; nextCursor: string | null }>(
              `/api/v1/sites?limit=50${q}&cursor=${cursor}`,
            )
            setPages((p) => [...p, res.items])
            setCursor(res.nextCursor)
          }}
        >
          {t('enterprises.staff.more')}
        </Button>
      )}
    </>
  )
}
