import type { Contact, contactList } from '@server/cases/hotline/contact.schema.ts'
import { Card, Empty, List, Space, Tag, Typography } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { get } from '../../lib/api.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'

type ContactList = z.infer<typeof contactList>

const POLL_MS = 5_000

/** Help requests from the app, newest first, refreshed every few seconds: each is a P1. */
export function HelpFeed({ onPick }: { onPick: (c: Contact) => void }) {
  const { t } = useTranslation()
  const { data, reload } = useLoad(() => get<ContactList>('/api/v1/contacts?channel=app&limit=20'))
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS)
    return () => clearInterval(timer)
  }, [reload])
  const items = data?.contacts ?? []
  return (
    <Card size="small" title={t('hotline.helpFeed')} data-testid="help-feed">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.noHelp')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => (
            <List.Item
              key={c.id}
              onClick={() => onPick(c)}
              style={{ cursor: 'pointer' }}
              data-testid="help-item"
            >
              <Space direction="vertical" size={0} style={{ width: '100%' }}>
                <Space wrap>
                  <Tag color="red">{c.priority ?? 'P1'}</Tag>
                  <Typography.Text strong>
                    {c.person?.nameZh ?? c.person?.nameLatin ?? c.caller.name ?? c.caller.phone}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {new Date(c.receivedAt).toLocaleTimeString(currentLocale(), {
                      hour: '2-digit',
                      minute: '2-digit',
                    })}
                  </Typography.Text>
                  {c.caseId && <Tag>{t('hotline.linked')}</Tag>}
                </Space>
                <Typography.Text>{c.summary}</Typography.Text>
                {c.location && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.country ?? ''} {c.location.lat.toFixed(4)}, {c.location.lon.toFixed(4)}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
