import type { Contact, contactList } from '@server/cases/hotline/contact.schema.ts'
import { Card, Empty, List } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { get } from '../../lib/api.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { HelpQueueItem } from './HelpQueueItem.tsx'

type ContactList = z.infer<typeof contactList>

const POLL_MS = 5_000

/** The SOS queue: help requests from the app, newest first, refreshed every few seconds; each a P1. */
export function HelpFeed({ onPick }: { onPick: (c: Contact) => void }) {
  const { t } = useTranslation()
  const { data, reload } = useLoad(() => get<ContactList>('/api/v1/contacts?channel=app&limit=20'))
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(reload, POLL_MS)
    return () => clearInterval(timer)
  }, [reload])
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000)
    return () => clearInterval(timer)
  }, [])
  const items = data?.contacts ?? []
  return (
    <Card size="small" title={t('sosQueue.title')} data-testid="help-feed">
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
