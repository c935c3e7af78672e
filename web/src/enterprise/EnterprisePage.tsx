import { Button, Card, List, Space, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { get } from '../lib/api.ts'
import { localized } from '../lib/i18n.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'
import { AssessmentForm } from './AssessmentForm.tsx'
import { GuidanceTab } from './GuidanceTab.tsx'
import { IncidentForm } from './IncidentForm.tsx'
import { RosterTab } from './RosterTab.tsx'
import { SiteForm } from './SiteForm.tsx'
import { SiteLevel } from './SiteLevel.tsx'
import type { Enterprise, Site } from './types.ts'

/** One enterprise: its sites (with their advisory levels), the self-assessment, incident reports. */
export function EnterprisePage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const enterprise = useLoad(() => get<Enterprise>(`/api/v1/enterprises/${id}`), id)
  const sites = useLoad(() => get<Site[]>(`/api/v1/enterprises/${id}/sites`), id)
  const [editing, setEditing] = useState<Site | 'new'>()
  if (enterprise.error) return <LoadError error={enterprise.error} retry={enterprise.reload} />
  const e = enterprise.data
  return (
    <div className="page" style={{ maxWidth: 960, margin: '0 auto', padding: 12 }}>
      <div>
        <Link to="/enterprise">← {t('enterprises.tab')}</Link>
      </div>
      {e && (
        <Space wrap align="center" style={{ margin: '8px 0' }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="enterprise-name">
            {localized({ 'zh-CN': e.nameZh, en: e.name })}
          </Typography.Title>
          <Tag color={e.status === 'verified' ? 'green' : 'gold'} data-testid="enterprise-status">
            {t(`enterprises.status.${e.status}`)}
          </Tag>
          <Typography.Text type="secondary">{e.creditCode}</Typography.Text>
        </Space>
      )}
      <Tabs
        items={[
          {
            key: 'sites',
            label: <span data-testid="tab-sites">{t('enterprises.tabs.sites')}</span>,
            children: editing ? (
              <Card size="small" title={editing === 'new' ? t('enterprises.sites.add') : editing.name}>
                <SiteForm
                  enterpriseId={id}
                  site={editing === 'new' ? undefined : editing}
                  onSaved={() => {
                    setEditing(undefined)
                    sites.reload()
                  }}
                />
                <Button
                  style={{ marginTop: 8 }}
                  onClick={() => setEditing(undefined)}
                  data-testid="site-cancel"
                >
                  {t('enterprises.sites.cancel')}
                </Button>
              </Card>
            ) : (
              <>
                <List
                  loading={sites.loading}
                  dataSource={sites.data ?? []}
                  locale={{ emptyText: t('enterprises.sites.none') }}
                  data-testid="site-list"
                  renderItem={(s) => (
                    <List.Item
                      data-testid="site-row"
                      actions={[
                        <Button key="e" size="small" onClick={() => setEditing(s)}>
                          {t('enterprises.sites.edit')}
                        </Button>,
                      ]}
                    >
                      <List.Item.Meta
                        title={
                          <Space wrap>
                            <span>{s.name}</span>
                            <Tag>{t(`enterprises.kinds.${s.kind}`)}</Tag>
                            <Tag>{s.country}</Tag>
                          </Space>
                        }
                        description={
                          <Space wrap>
                            <SiteLevel advisory={s.advisory} />
                            <span>
                              {t('enterprises.sites.people', {
                                n: s.staff.chinese + s.staff.local + s.staff.other,
                              })}
                            </span>
                            <span>
                              {t('enterprises.sites.officer')}: {s.securityOfficer.name}
                            </span>
                          </Space>
                        }
                      />
                    </List.Item>
                  )}
                />
                <Button type="primary" onClick={() => setEditing('new')} data-testid="site-add">
                  {t('enterprises.sites.add')}
                </Button>
              </>
            ),
          },
          {
            key: 'assessment',
            label: <span data-testid="tab-assessment">{t('enterprises.tabs.assessment')}</span>,
            children: <AssessmentForm enterpriseId={id} />,
          },
          {
            key: 'staff',
            label: <span data-testid="tab-staff">{t('enterprises.tabs.staff')}</span>,
            children: <RosterTab enterpriseId={id} sites={sites.data ?? []} />,
          },
          {
            key: 'guidance',
            label: <span data-testid="tab-guidance">{t('enterprises.tabs.guidance')}</span>,
            children: <GuidanceTab enterpriseId={id} />,
          },
          {
            key: 'incident',
            label: <span data-testid="tab-incident">{t('enterprises.tabs.incident')}</span>,
            children: <IncidentForm enterpriseId={id} sites={sites.data ?? []} />,
          },
        ]}
      />
    </div>
  )
}
