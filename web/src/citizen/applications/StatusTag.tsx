import type { ApplicationStatus } from '@server/applications/applications.enums.ts'
import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'

const COLOURS: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  accepted: 'geekblue',
  returned: 'orange',
  refused: 'red',
  withdrawn: 'default',
  approved: 'green',
  in_production: 'cyan',
  ready: 'lime',
  collected: 'success',
  posted: 'success',
}

export function StatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation()
  return (
    <Tag color={COLOURS[status]} data-testid="application-status" data-status={status}>
      {t(`applications.statuses.${status}`)}
    </Tag>
  )
}
