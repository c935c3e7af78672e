import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { span } from './clock.ts'

/** A target counting down ("due in 12 min"), red once it has passed ("overdue by 3 min"). */
export function Due({ due, now, testId }: { due: string; now: number; testId?: string }) {
  const { t } = useTranslation()
  const left = new Date(due).getTime() - now
  return (
    <Tag color={left < 0 ? 'red' : left < 15 * 60_000 ? 'orange' : 'blue'} data-testid={testId}>
      {left < 0 ? t('desk.overdueBy', { time: span(left) }) : t('desk.dueIn', { time: span(left) })}
    </Tag>
  )
}
