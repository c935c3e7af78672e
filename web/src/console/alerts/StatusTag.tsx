import type { ALERT_STATUS } from '@server/alerts/alert.schema.ts'
import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { currentLocale } from '../../lib/i18n.ts'

const COLOR: Record<string, string> = {
  draft: 'default',
  pending_approval: 'gold',
  sending: 'processing',
  sent: 'green',
  cancelled: 'purple',
  expired: 'default',
} satisfies Record<(typeof ALERT_STATUS)[number], string>

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation()
  return (
    <Tag color={COLOR[status] ?? 'default'} data-testid="alert-status">
      {t(`alertsConsole.status.${status}`, { defaultValue: status })}
    </Tag>
  )
}

export const when = (iso: string) =>
  new Date(iso).toLocaleString(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' })
