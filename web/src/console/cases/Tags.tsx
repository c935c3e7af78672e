import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { PRIORITY_COLOR, type Priority, type Status } from './types.ts'

export function PriorityTag({ priority }: { priority: Priority }) {
  return (
    <Tag color={PRIORITY_COLOR[priority]} data-testid="case-priority">
      {priority}
    </Tag>
  )
}

const STATUS_COLOR: Record<Status, string> = {
  new: 'blue',
  triaged: 'cyan',
  in_progress: 'geekblue',
  waiting_citizen: 'purple',
  waiting_authority: 'purple',
  resolved: 'green',
  closed: 'default',
}

export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation()
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="case-status">
      {t(`cases.status.${status}`)}
    </Tag>
  )
}
