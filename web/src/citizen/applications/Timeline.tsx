import { Timeline as AntTimeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../lib/dates.ts'
import type { Application } from './types.ts'

/** Every step of an application, oldest first, with the reason given for a return or refusal. */
export function Timeline({ entries }: { entries: Application['timeline'] }) {
  const { t } = useTranslation()
  return (
    <AntTimeline
      data-testid="application-timeline"
      items={entries.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: e.internal ? 'gray' : e.to === 'returned' || e.to === 'refused' ? 'orange' : 'blue',
        children: (
          <div data-testid="timeline-entry">
            <Typography.Text strong>
              {e.to ? t(`applications.statuses.${e.to}`) : t(`applications.events.${e.kind}`)}
            </Typography.Text>
            {e.internal && <Typography.Text type="secondary"> · {t('review.internal')}</Typography.Text>}
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.at)}
            </Typography.Text>
            {e.reason && <div>{e.reason}</div>}
          </div>
        ),
      }))}
    />
  )
}
