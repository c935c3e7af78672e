import { Badge, Button, Empty, List, Skeleton, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { get, post } from '../lib/api.ts'
import { useCountries } from '../lib/countries.ts'
import { currentLocale } from '../lib/i18n.ts'
import type { InboxItem } from '../lib/inline-shapes.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'

/** Messages to the person, newest first; opening one marks it read. */
export function InboxPage() {
  const { t } = useTranslation()
  const { nameOf } = useCountries()
  const { data, error, loading, reload } = useLoad(() => get<InboxItem[]>('/api/v1/me/inbox'))
  const markRead = async (item: InboxItem) => {
    if (item.readAt) return
    await post(`/api/v1/me/inbox/${item.id}/read`).catch(() => undefined)
    reload()
  }
  const when = (iso: string) =>
    new Date(iso).toLocaleString(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <div className="page narrow-page">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
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
                <Link to={m.link} data-testid="inbox-open">
                  <Button
                    type={m.kind === 'alert' ? 'primary' : 'default'}
                    danger={m.kind === 'alert'}
                    style={{ marginTop: 8 }}
                  >
                    {m.kind === 'alert' ? t('myAlerts.openFromInbox') : t('myAlerts.openLink')}
                  </Button>
                </Link>
              )}
            </List.Item>
          )}
        />
      )}
    </div>
  )
}
