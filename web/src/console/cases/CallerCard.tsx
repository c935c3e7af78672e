import type { contactList } from '@server/cases/hotline/contact.schema.ts'
import { CONSOLE_PATHS } from '@server/console/console.paths.ts'
import { Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { z } from 'zod'
import { useCountries } from '../../lib/countries.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { Phone } from '../desk/Phone.tsx'
import { PriorityTag, StatusTag } from './Tags.tsx'

type ContactList = z.infer<typeof contactList>

/** Who is calling: the registered person with that number, where they are, open cases, past contacts. */
export function CallerCard({ result }: { result: ContactList }) {
  const { t } = useTranslation()
  const { nameOf } = useCountries()
  const p = result.person
  return (
    <Card size="small" title={t('hotline.caller')} data-testid="caller-card">
      {p ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('hotline.name')}>
            <Link to={CONSOLE_PATHS.personRecord(p.id)} data-testid="caller-name">
              {[p.nameLatin, p.nameZh].filter(Boolean).join(' · ') || p.name}
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('hotline.phone')}>
            <Phone number={p.phone} />
          </Descriptions.Item>
          <Descriptions.Item label={t('hotline.whereNow')}>
            <span data-testid="caller-where">
              {p.whereNow
                ? `${nameOf(p.whereNow.country)} (${t(`hotline.source.${p.whereNow.source}`)})`
                : t('hotline.unknownPlace')}
            </span>
          </Descriptions.Item>
          {!!p.openCases?.length && (
            <Descriptions.Item label={t('hotline.openCases')}>
              <Space direction="vertical" size={2}>
                {p.openCases.map((c) => (
                  <Link key={c.id} to={`/console/cases/${c.id}`}>
                    {c.reference} · {t(`cases.type.${c.type}`)} <PriorityTag priority={c.priority} />{' '}
                    <StatusTag status={c.status} />
                  </Link>
                ))}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      ) : (
        <Typography.Paragraph type="secondary" data-testid="caller-unknown">
          {t('hotline.notRegistered')}
        </Typography.Paragraph>
      )}
      <Typography.Title level={5}>{t('hotline.history')}</Typography.Title>
      {result.contacts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.noContacts')} />
      ) : (
        <List
          size="small"
          dataSource={result.contacts}
          renderItem={(c) => (
            <List.Item key={c.id}>
              <Space direction="vertical" size={0}>
                <Space wrap>
                  <Tag>{t(`hotline.channel.${c.channel}`)}</Tag>
                  {c.priority && <PriorityTag priority={c.priority} />}
                  <Typography.Text type="secondary">
                    {new Date(c.receivedAt).toLocaleString(currentLocale(), {
                      dateStyle: 'short',
                      timeStyle: 'short',
                    })}
                  </Typography.Text>
                </Space>
                <span>{c.summary}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
