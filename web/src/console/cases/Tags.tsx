import type { CaseStatus } from '@server/cases/case/case-status.ts'
import type { Priority } from '@server/cases/case/case-types.ts'
import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'

// Keyed by string: a contact's priority and a caller's open cases come typed as plain strings.
const PRIORITY_COLOR: Record<string, string> = {
  P1: 'red',
  P2: 'orange',
  P3: 'gold',
  P4: 'default',
} satisfies Record<Priority, string>

export function PriorityTag({ priority }: { priority: string }) {
  return (
    <Tag color={PRIORITY_COLOR[priority] ?? 'default'} data-testid="case-priority">
      {priority}
    </Tag>
  )
}

const STATUS_COLOR: Record<string, string> = {
  new: 'blue',
  triaged: 'cyan',
  in_progress: 'geekblue',
  waiting_citizen: 'purple',
  waiting_authority: 'purple',
  resolved: 'green',
  closed: 'default',
} satisfies Record<CaseStatus, string>

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation()
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid="case-status">
      {t(`cases.status.${status}`)}
    </Tag>
  )
}
