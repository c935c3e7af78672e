import type { Contact } from '@server/cases/hotline/contact.schema.ts'
import type { HelpStatus } from '@server/cases/hotline/help.enums.ts'
import { OPEN_HELP_STATUSES } from '@server/cases/hotline/help.enums.ts'
import { App, Button, List, Space, Tag, Typography } from 'antd'
import type { TFunction } from 'i18next'
import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { post } from '../../lib/api.ts'
import { useAuth } from '../../lib/auth.tsx'
import { errorMessage } from '../../lib/errors.ts'
import { currentLocale } from '../../lib/i18n.ts'

const STATUS_COLOR: Record<HelpStatus, string> = {
  received: 'red',
  acknowledged: 'orange',
  case_opened: 'blue',
  closed: 'default',
  cancelled: 'default',
}

/** 1:05, 12:30, 2:03:04: how long a request has waited, counted to the second. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, '0')
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

/** How long it waited for an operator: still counting, until seen, or until its sender called it off. */
function waited(h: Contact['help'], received: number, now: number, t: TFunction): string {
  const since = (iso: string) => duration(new Date(iso).getTime() - received)
  if (!h) return ''
  if (h.acknowledgedAt) return t('sosQueue.seenAfter', { time: since(h.acknowledgedAt) })
  if (h.status === 'received') return t('sosQueue.waiting', { time: duration(now - received) })
  if (h.cancelledAt) return t('sosQueue.cancelledAfter', { time: since(h.cancelledAt) })
  return ''
}

const clock = (iso: string) =>
  new Date(iso).toLocaleTimeString(currentLocale(), { hour: '2-digit', minute: '2-digit' })

/**
 * One SOS in the queue: who, how long it has waited (until an operator saw it), its status, and
 * what to do: acknowledge, take it, call back, open its case. A cancelled one says so and why.
 */
export function HelpQueueItem({
  c,
  now,
  onPick,
  onChanged,
}: {
  c: Contact
  now: number
  onPick: (c: Contact) => void
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { me } = useAuth()
  const h = c.help
  const received = new Date(c.receivedAt).getTime()
  const act = (what: 'acknowledge' | 'claim') => async (e: MouseEvent) => {
    e.stopPropagation()
    try {
      await post<Contact>(`/api/v1/contacts/${c.id}/${what}`)
      onChanged()
    } catch (err) {
      message.error(errorMessage(err, t))
    }
  }
  const open = h ? OPEN_HELP_STATUSES.includes(h.status) : false
  return (
    <List.Item
      key={c.id}
      onClick={() => onPick(c)}
      style={{ cursor: 'pointer', opacity: h?.status === 'cancelled' ? 0.75 : 1 }}
      data-testid="help-item"
      data-status={h?.status}
    >
      <Space direction="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <Tag color="red">{c.priority ?? 'P1'}</Tag>
          {h && (
            <Tag color={STATUS_COLOR[h.status]} data-testid="help-item-status">
              {t(`sosQueue.status.${h.status}`)}
              {h.status === 'cancelled' && h.cancelReason
                ? ` · ${t(`sosQueue.cancelReason.${h.cancelReason}`)}`
                : ''}
            </Tag>
          )}
          <Typography.Text strong>
            {c.person?.nameZh ?? c.person?.nameLatin ?? c.caller.name ?? c.caller.phone}
          </Typography.Text>
          {h && <Typography.Text code>{h.reference}</Typography.Text>}
        </Space>
        <Typography.Text type="secondary" data-testid="help-item-waited">
          {[clock(c.receivedAt), waited(h, received, now, t)].filter(Boolean).join(' · ')}
        </Typography.Text>
        <Typography.Text>{c.summary}</Typography.Text>
        {c.location && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.country ?? ''} {c.location.lat.toFixed(4)}, {c.location.lon.toFixed(4)}
            {h?.locationUpdatedAt
              ? ` · ${t('sosQueue.locationUpdated', { time: clock(h.locationUpdatedAt) })}`
              : ''}
          </Typography.Text>
        )}
        <Space wrap size={4} onClick={(e) => e.stopPropagation()}>
          {h?.status === 'received' && (
            <Button size="small" type="primary" danger onClick={act('acknowledge')} data-testid="help-ack">
              {t('sosQueue.acknowledge')}
            </Button>
          )}
          {open && !h?.claimedBy && (
            <Button size="small" onClick={act('claim')} data-testid="help-claim">
              {t('sosQueue.claim')}
            </Button>
          )}
          {h?.claimedBy && (
            <Tag data-testid="help-claimed">
              {h.claimedBy.id === me?.id
                ? t('sosQueue.claimedByMe')
                : t('sosQueue.claimedBy', { name: h.claimedBy.name })}
            </Tag>
          )}
          {h?.callbackPhone && open && (
            <Button size="small" href={`tel:${h.callbackPhone}`} data-testid="help-callback">
              {t('sosQueue.callback')} {h.callbackPhone}
            </Button>
          )}
          {c.caseId && (
            <Link to={`/console/cases/${c.caseId}`} data-testid="help-case-link">
              {t('sosQueue.case', { reference: h?.caseReference ?? '' })}
            </Link>
          )}
        </Space>
      </Space>
    </List.Item>
  )
}
