import type { MyAlert } from '@server/alerts/alert-me.schema.ts'
import { Empty, List, Skeleton, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { AnswerTag, SeverityTag } from '../../alerts/labels.tsx'
import { get } from '../../lib/api.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { awaitsAnswer } from './awaitsAnswer.ts'

/** The alerts that reached me, newest first; those still asking whether I am safe stand out. */
export function MyAlertsPage() {
  const { t } = useTranslation()
  const lang = currentLocale()
  const { data, error, loading, reload } = useLoad(() => get<{ items: MyAlert[] }>('/api/v1/me/alerts'))
  const items = data?.items ?? []
  return (
    <div className="page narrow-page">
      <Typography.Title level={1} style={{ marginTop: 0 }}>
        {t('myAlerts.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('myAlerts.intro')}</Typography.Paragraph>
      {error ? (
        <LoadError error={error} retry={reload} />
      ) : loading ? (
        <Skeleton active />
      ) : !items.length ? (
        <Empty description={t('myAlerts.empty')} data-testid="my-alerts-empty">
          <Link to="/me/trips">{t('myAlerts.emptyHint')}</Link>
        </Empty>
      ) : (
        <List
          data-testid="my-alerts"
          dataSource={items}
          renderItem={(a) => (
            <List.Item key={a.id} className={awaitsAnswer(a) ? 'my-alert-item awaiting' : 'my-alert-item'}>
              <Link to={`/alerts/${a.id}`} className="my-alert-link" data-testid="my-alert-item">
                <div>
                  <SeverityTag severity={a.severity} />
                  {a.msgType === 'Cancel' && <Tag color="purple">{t('myAlerts.cancellation')}</Tag>}
                  {a.msgType === 'Update' && <Tag color="blue">{t('myAlerts.update')}</Tag>}
                  {a.status === 'cancelled' && <Tag>{t('myAlerts.cancelledTag')}</Tag>}
                </div>
                <Typography.Text strong className="my-alert-headline">
                  {a.headline[lang]}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {formatDateTime(a.sent)}
                  {a.areaDesc[lang] && ` · ${a.areaDesc[lang]}`}
                </Typography.Text>
                {a.safetyCheck && a.msgType !== 'Cancel' && (
                  <div>
                    {awaitsAnswer(a) ? (
                      <Tag color="red" data-testid="awaiting-answer">
                        {t('myAlerts.pleaseAnswer')}
                      </Tag>
                    ) : (
                      <AnswerTag answer={a.answer} />
                    )}
                  </div>
                )}
              </Link>
            </List.Item>
          )}
        />
      )}
    </div>
  )
}
