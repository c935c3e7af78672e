import type { MyAlert } from '@server/alerts/alert-me.schema.ts'
import { Badge, Button, Empty, List, Skeleton, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { get, post } from '../lib/api.ts'
import { useCountries } from '../lib/countries.ts'
import { formatDateTime } from '../lib/dates.ts'
import type { InboxItem } from '../lib/inline-shapes.ts'
import { LinkButton } from '../lib/LinkButton.tsx'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'
import { awaitsAnswer } from './alerts/awaitsAnswer.ts'

/** Messages to the person, newest first; opening one marks it read. */
export function InboxPage() {
  const { t } = useTranslation()
  const { nameOf } = useCountries()
  const { data, error, loading, reload } = useLoad(() => get<InboxItem[]>('/api/v1/me/inbox'))
  // An alert already answered (or no longer asking) is only to be read again: "view", not "answer".
  const alerts = useLoad(() => get<{ items: MyAlert[] }>('/api/v1/me/alerts').catch(() => ({ items: [] })))
  const asking = new Set(alerts.data?.items.filter((a) => awaitsAnswer(a)).map((a) => a.id))
  const asks = (m: InboxItem) => m.kind === 'alert' && !!m.about && asking.has(m.about.id)
  const markRead = async (item: InboxItem) => {
    if (item.readAt) return
    await post(`/api/v1/me/inbox/${item.id}/read`).catch(() => undefined)
    reload()
  }
  const when = formatDateTime
  return (
    <div className="page narrow-page">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={1} style={{ margin: 0 }}>
          {t('inbox.title')}
        </Typography.Title>
        <Link to="/me/alerts" data-testid="inbox-alerts">
          {t('myAlerts.fromInbox')} →
        </Link>
      </Space>
      {error ? (
        <LoadError error={error} retry={reload} />
      ) : loading ? (
        <Skeleton active />
      ) : !data?.length ? (
        <Empty description={t('inbox.empty')} data-testid="inbox-empty" />
      ) : (
        <List
          data-testid="inbox-list"
          itemLayout="vertical"
          dataSource={data}
          renderItem={(m) => (
            <List.Item
              key={m.id}
              className={m.readAt ? 'inbox-item' : 'inbox-item unread'}
              onClick={() => markRead(m)}
              data-testid="inbox-item"
              extra={
                !m.readAt && (
                  <Button size="small" type="link" onClick={() => markRead(m)}>
                    {t('inbox.markRead')}
                  </Button>
                )
              }
            >
              <List.Item.Meta
                title={
                  <span>
                    {!m.readAt && <Badge status="processing" />}{' '}
                    {m.emergency && <Tag color="red">{t('inbox.emergency')}</Tag>}
                    {m.title}
                  </span>
                }
                description={
                  <>
                    {when(m.createdAt)}
                    {m.country && (
                      <>
                        {' · '}
                        <Link to={`/advisories/${m.country}`}>{nameOf(m.country)}</Link>
                      </>
                    )}
                  </>
                }
              />
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {m.body}
              </Typography.Paragraph>
              {m.link?.startsWith('/') && (
                <LinkButton
                  to={m.link}
                  data-testid="inbox-open"
                  type={asks(m) ? 'primary' : 'default'}
                  danger={asks(m)}
                  style={{ marginTop: 8 }}
                >
                  {asks(m) ? t('myAlerts.openFromInbox') : t('myAlerts.openLink')}
                </LinkButton>
              )}
            </List.Item>
          )}
        />
      )}
    </div>
  )
}
