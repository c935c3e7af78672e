import type { Contact, contactList } from '@server/cases/hotline/contact.schema.ts'
import { CONSOLE_PATHS } from '@server/console/console.paths.ts'
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { z } from 'zod'
import { get } from '../../lib/api.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { Phone } from '../desk/Phone.tsx'
import { PriorityTag } from './Tags.tsx'

type ContactList = z.infer<typeof contactList>

const when = (iso: string) =>
  new Date(iso).toLocaleString(currentLocale(), { dateStyle: 'short', timeStyle: 'short' })

/** Contacts not on a case yet (the start page's "contacts without a case"), newest first, as cards. */
export function OpenContacts({ since, onPick }: { since: string | null; onPick: (c: Contact) => void }) {
  const { t } = useTranslation()
  const query = new URLSearchParams({ open: 'true', limit: '200' })
  if (since && !Number.isNaN(Date.parse(since))) query.set('since', new Date(since).toISOString())
  const { data, loading } = useLoad(() => get<ContactList>(`/api/v1/contacts?${query}`), query.toString())
  const items = data?.contacts ?? []
  return (
    <Card
      size="small"
      title={t('desk.hotline.openContacts')}
      data-testid="open-contacts"
      extra={since ? t('desk.hotline.openContactsSince', { time: when(since) }) : null}
    >
      {!loading && items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk.hotline.noOpenContacts')} />
      ) : (
        <List
          size="small"
          loading={loading}
          dataSource={items}
          renderItem={(c) => (
            <List.Item key={c.id} data-testid="open-contact">
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Tag>{t(`hotline.channel.${c.channel}`)}</Tag>
                  {c.priority && <PriorityTag priority={c.priority} />}
                  <Typography.Text type="secondary">{when(c.receivedAt)}</Typography.Text>
                </Space>
                <Space wrap size={6}>
                  {c.person ? (
                    <Link to={CONSOLE_PATHS.personRecord(c.person.id)}>
                      {[c.person.nameLatin, c.person.nameZh].filter(Boolean).join(' · ') || c.person.name}
                    </Link>
                  ) : (
                    c.caller.name && <span>{c.caller.name}</span>
                  )}
                  <Phone number={c.caller.phone ?? c.person?.phone} />
                </Space>
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                  {c.summary}
                </Typography.Paragraph>
                {(c.caller.phone ?? c.person?.phone) && (
                  <Button size="small" onClick={() => onPick(c)}>
                    {t('hotline.find')}
                  </Button>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
