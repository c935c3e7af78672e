import type { advisoryDetail } from '@server/advisories/advisories.schema.ts'
import type { Mission } from '@server/reference/reference.schema.ts'
import { Card, Collapse, Descriptions, Empty, List, Skeleton, Space, Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { z } from 'zod'
import { EmailAlertsForm } from '../account/EmailAlertsForm.tsx'
import { ApiError, get } from '../lib/api.ts'
import { currentLocale, localized } from '../lib/i18n.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'
import { NotFound } from '../pages/NotFound.tsx'
import { ADVICE_SECTIONS, type AdviceSection } from './advice.ts'
import { CountryAlerts } from './CountryAlerts.tsx'
import { FollowButton } from './FollowButton.tsx'
import { LevelTag } from './LevelTag.tsx'

type AdvisoryDetail = z.infer<typeof advisoryDetail>

export function AdvisoryCountryPage() {
  const { t } = useTranslation()
  const code = (useParams().code ?? '').toUpperCase()
  const { data, error, loading, reload } = useLoad(
    () =>
      Promise.all([get<AdvisoryDetail>(`/api/v1/advisories/${code}`), get<Mission[]>('/api/v1/missions')]),
    code,
  )
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return <NotFound />
  if (error)
    return (
      <div className="page">
        <LoadError error={error} retry={reload} />
      </div>
    )
  if (loading || !data)
    return (
      <div className="page">
        <Skeleton active />
      </div>
    )
  const [a, allMissions] = data
  const locale = currentLocale()
  const advice: Partial<Record<AdviceSection, string>> = a.advice[locale] ?? {}
  const sections = ADVICE_SECTIONS.filter((s) => advice[s]?.trim())
  const missions = allMissions.filter((m) => m.country === a.country)
  const date = (iso: string) => new Date(iso).toLocaleDateString(locale)

  return (
    <div className="page">
      <Link to="/advisories">← {t('advisories.title')}</Link>
      <Typography.Title level={2} data-testid="country-title">
        {localized(a.name)}
      </Typography.Title>
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <LevelTag level={a.level} testId="country-level" />
        <Typography.Text type="secondary">
          {a.updatedAt ? t('advisories.updated', { date: date(a.updatedAt) }) : t('advisories.noChange')}
        </Typography.Text>
        <FollowButton country={a.country} />
      </Space>
      <Card className={`level-card level-${a.level}`}>
        <Typography.Paragraph style={{ fontSize: 16, marginBottom: 0 }} data-testid="country-summary">
          {localized(a.summary)}
        </Typography.Paragraph>
      </Card>
      <CountryAlerts country={a.country} />
      <EmailAlertsForm country={a.country} />
      {a.regions.length > 0 && (
        <>
          <Typography.Title level={4}>{t('advisories.regions')}</Typography.Title>
          <List
            data-testid="regions"
            dataSource={a.regions}
            renderItem={(r) => (
              <List.Item key={r.id} extra={<LevelTag level={r.level} />}>
                <List.Item.Meta title={localized(r.name)} description={localized(r.summary)} />
              </List.Item>
            )}
          />
        </>
      )}
      <Descriptions size="small" column={1} style={{ marginTop: 12 }} title={t('advisories.peers')}>
        <Descriptions.Item label={t('advisories.peerUs')}>
          {a.peers.us.level} · {a.peers.us.label}
        </Descriptions.Item>
        <Descriptions.Item label={t('advisories.peerSmartraveller')}>
          {a.peers.smartraveller.level} · {a.peers.smartraveller.label}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={4}>{t('advisories.advice')}</Typography.Title>
      {sections.length === 0 ? (
        <Empty description={t('advisories.noAdvice')} />
      ) : (
        <Collapse
          defaultActiveKey={[sections[0] ?? '']}
          items={sections.map((s) => ({
            key: s,
            label: t(`advisories.section.${s}`),
            children: (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{advice[s]}</Typography.Paragraph>
            ),
          }))}
        />
      )}
      <Typography.Title level={4}>{t('advisories.missions')}</Typography.Title>
      {missions.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('advisories.noMission')}</Typography.Paragraph>
      ) : (
        <List
          size="small"
          dataSource={missions}
          renderItem={(m) => (
            <List.Item>
              <List.Item.Meta
                title={localized(m.name)}
                description={[localized(m.city), m.address, m.phone].filter(Boolean).join(' · ')}
              />
            </List.Item>
          )}
        />
      )}
      <Typography.Paragraph type="secondary">{t('advisories.hotline')}</Typography.Paragraph>
      <Typography.Title level={4}>{t('advisories.history')}</Typography.Title>
      {a.history.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('advisories.noHistory')}</Typography.Paragraph>
      ) : (
        <Timeline
          data-testid="history"
          items={a.history.map((h) => ({
            key: h.version,
            content: (
              <>
                <div>
                  {date(h.publishedAt)} <LevelTag level={h.level} />
                </div>
                <Typography.Text type="secondary">{localized(h.summary)}</Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </div>
  )
}
