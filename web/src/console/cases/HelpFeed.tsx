import type { Contact, contactList } from '@server/cases/hotline/contact.schema.ts'
import { Card, Empty, List, Tag } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import type { z } from 'zod'
import { get } from '../../lib/api.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { HelpQueueItem } from './HelpQueueItem.tsx'

type ContactList = z.infer<typeof contactList>

const POLL_MS = 5_000

/** The SOS queue: help requests from the app, newest first, refreshed every few seconds; each a P1. */
export function HelpFeed({ onPick, openOnly = false }: { onPick: (c: Contact) => void; openOnly?: boolean }) {
  const { t } = useTranslation()
  const [, setParams] = useSearchParams()
  // Open only: every SOS without a case, called off ones left out (as the start page counts them).
  const url = openOnly
    ? '/api/v1/contacts?channel=app&open=true&limit=200'
    : '/api/v1/contacts?channel=app&limit=20'
  const { data, reload } = useLoad(() => get<ContactList>(url), url)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS)
    return () => clearInterval(timer)
  }, [reload])
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000)
    return () => clearInterval(timer)
  }, [])
  const all = data?.contacts ?? []
  const items = openOnly ? all.filter((c) => c.kind === 'help_request' && !c.help?.cancelledAt) : all
  return (
    <Card
      size="small"
      title={t('sosQueue.title')}
      data-testid="help-feed"
      extra={
        openOnly ? (
          <Tag closable onClose={() => setParams({}, { replace: true })} data-testid="sos-open-only">
            {t('desk.hotline.openSosOnly')}
          </Tag>
        ) : null
      }
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.noHelp')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(c) => <HelpQueueItem key={c.id} c={c} now={now} onPick={onPick} onChanged={reload} />}
        />
      )}
    </Card>
  )
}
