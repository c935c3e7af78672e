import type { advisoryDetail } from '@server/advisories/advisories.schema.ts'
import { Card, Collapse, Descriptions, Empty, List, Skeleton, Space, Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { z } from 'zod'
import { EmailAlertsForm } from '../account/EmailAlertsForm.tsx'
import { EmergencyNumbers } from '../citizen/EmergencyNumbers.tsx'
import { ApiError, get } from '../lib/api.ts'
import { formatDate } from '../lib/dates.ts'
import { currentLocale, localized } from '../lib/i18n.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'
import { NotFound } from '../pages/NotFound.tsx'
import { ADVICE_SECTIONS, type AdviceSection } from './advice.ts'
import { CountryAlerts } from './CountryAlerts.tsx'
import { FollowButton } from './FollowButton.tsx'
import { LevelTag } from './LevelTag.tsx'
import { Markdown } from './Markdown.tsx'

type AdvisoryDetail = z.infer<typeof advisoryDetail>

/** What the current version changed, in the reader's language. */
function ChangeText({
  change,
  level,
}: {
  change: NonNullable<AdvisoryDetail['change']>
  level: number | null
}) {
  const { t } = useTranslation()
  if (change.previousLevel === null) return <>{t('advice.firstVersion', { level })}</>
  const parts = change.changed.filter((p) => p !== 'level').map((p) => t(`advice.part.${p}`))
  return (
    <>
      {change.changed.includes('level')
        ? t('advice.levelChange', { from: change.previousLevel, to: level })
        : t('advice.levelSame', { level })}{' '}
      {parts.length > 0
        ? t('advice.changedParts', { parts: parts.join(currentLocale() === 'en' ? ', ' : '、') })
        : !change.changed.includes('level') && t('advice.nothingChanged')}
    </>
  )
}

export function AdvisoryCountryPage() {
  const { t } = useTranslation()
  const code = (useParams().code ?? '').toUpperCase()
  const { data, error, loading, reload } = useLoad(
    () => get<AdvisoryDetail>(`/api/v1/advisories/${code}`),
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
  const a = data
  const locale = currentLocale()
  const advice: Partial<Record<AdviceSection, string>> = a.advice[locale] ?? {}
  const sections = ADVICE_SECTIONS.filter((s) => advice[s]?.trim())
  const date = (iso: string) => formatDate(iso)

  return (
    <div className="page">
      <Link to="/advisories">← {t('advisories.title')}</Link>
      <Typography.Title level={1} data-testid="country-title">
        {localized(a.name)}
      </Typography.Title>
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <LevelTag level={a.level} testId="country-level" />
        <Typography.Text type="secondary" data-testid="last-reviewed">
          {a.lastReviewed
            ? t('advice.lastReviewed', { date: date(a.lastReviewed) })
            : t('advice.neverReviewed')}
        </Typography.Text>
        <FollowButton country={a.country} />
      </Space>
      <Card className={`level-card level-${a.level ?? 'none'}`}>
        <Typography.Paragraph style={{ fontSize: 16, marginBottom: 0 }} data-testid="country-summary">
          {localized(a.summary)}
        </Typography.Paragraph>
        {a.change && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="what-changed">
            <strong>{t('advice.whatChanged')}:</strong> <ChangeText change={a.change} level={a.level} />
          </Typography.Paragraph>
        )}
      </Card>
      <EmergencyNumbers country={a.country} />
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
      {a.peers && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginTop: 12 }}
          title={t('advice.peersTitle')}
          data-testid="peers"
        >
          <Descriptions.Item label={t('advice.peerUs')}>
            {t('advice.peerLevel', { level: a.peers.us.level, name: localized(a.peers.us.name) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('advice.peerAu')}>
            {t('advice.peerLevel', {
              level: a.peers.smartraveller.level,
              name: localized(a.peers.smartraveller.name),
            })}
          </Descriptions.Item>
        </Descriptions>
      )}
      {a.peers && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('advice.peersNote')}
        </Typography.Paragraph>
      )}
      <Typography.Title level={4}>{t('advisories.advice')}</Typography.Title>
      {sections.length === 0 ? (
        <Empty description={t('advisories.noAdvice')} />
      ) : (
        <Collapse
          defaultActiveKey={[sections[0] ?? '']}
          items={sections.map((s) => ({
            key: s,
            label: t(`advisories.section.${s}`),
            children: <Markdown text={advice[s] ?? ''} />,
          }))}
        />
      )}
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
