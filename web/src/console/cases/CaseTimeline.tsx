import type { timelineEntry } from '@server/cases/case/case.schema.ts'
import { Card, Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { currentLocale } from '../../lib/i18n.ts'

type TimelineEntry = z.infer<typeof timelineEntry>

function detailText(e: TimelineEntry, t: (k: string, o?: Record<string, unknown>) => string): string {
  const d = e.details
  if (e.kind === 'status' && typeof d.to === 'string')
    return `${t(`cases.status.${String(d.from ?? '')}`, { defaultValue: String(d.from ?? '') })} → ${t(`cases.status.${d.to}`)}`
  if (e.kind === 'priority' && d.to) return `${String(d.from ?? '')} → ${String(d.to)}`
  if (e.kind.startsWith('attachment') && typeof d.name === 'string') return d.name
  return ''
}

/** The case's summary is shown above the timeline: an entry that only repeats it does not show it again. */
export function CaseTimeline({ entries, summary }: { entries: TimelineEntry[]; summary?: string }) {
  const { t } = useTranslation()
  return (
    <Card size="small" title={t('cases.timeline')}>
      <Timeline
        data-testid="case-timeline"
        items={entries.map((e) => ({
          key: e.id,
          content: (
            <>
              <Typography.Text strong>{t(`cases.event.${e.kind}`, { defaultValue: e.kind })}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {new Date(e.at).toLocaleString(currentLocale(), { dateStyle: 'short', timeStyle: 'short' })} ·{' '}
                {e.by?.name ?? t('cases.system')}
              </Typography.Text>
              <div>{detailText(e, t)}</div>
              {e.note && e.note.trim() !== summary?.trim() && (
                <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>
              )}
            </>
          ),
        }))}
      />
    </Card>
  )
}
