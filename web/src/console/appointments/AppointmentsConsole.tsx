import { Select, Space, Tabs, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useMissions } from '../../appointments/useMissionServices.ts'
import { useAuth } from '../../lib/auth.tsx'
import { currentLocale } from '../../lib/i18n.ts'
import { CalendarEditor } from './CalendarEditor.tsx'
import { CounterPanel } from './CounterPanel.tsx'
import { DayPanel } from './DayPanel.tsx'
import { FiguresPanel } from './FiguresPanel.tsx'
import { WeekPanel } from './WeekPanel.tsx'

const TABS = ['day', 'counter', 'week', 'calendar', 'figures'] as const
type Tab = (typeof TABS)[number]

/** The mission's appointments: the day at the counter, a counter's calls, the week, the hours. */
export function AppointmentsConsole() {
  const { t } = useTranslation()
  const lang = currentLocale()
  const { me } = useAuth()
  const all = useMissions()
  const [params, setParams] = useSearchParams()
  // Officers work for their missions; an administrator may pick any.
  const own = me?.missions ?? []
  const choices = own.length ? own : (all.data ?? []).map((m) => ({ code: m.code, name: m.name }))
  const mission = params.get('mission') ?? choices[0]?.code
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'day'
  const [location] = useState<string>()
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params)
    next.set(key, value)
    setParams(next, { replace: true })
  }

  return (
    <div data-testid="appointments-console">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('appointments.console.title')}
        </Typography.Title>
        <Space>
          {choices.length > 1 && (
            <Select
              style={{ minWidth: 220 }}
              value={mission}
              data-testid="console-mission"
              onChange={(v) => set('mission', v)}
              options={choices.map((m) => ({ value: m.code, label: m.name[lang] }))}
            />
          )}
          {mission && (
            <a href={`/display/${mission}`} target="_blank" rel="noreferrer" data-testid="open-display">
              {t('appointments.console.openDisplay')}
            </a>
          )}
        </Space>
      </Space>
      {!mission ? (
        <Typography.Paragraph type="secondary">{t('appointments.console.noMission')}</Typography.Paragraph>
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => set('tab', k)}
          items={[
            {
              key: 'day',
              label: <span data-testid="tab-day">{t('appointments.console.day')}</span>,
              children: <DayPanel mission={mission} location={location} />,
            },
            {
              key: 'counter',
              label: <span data-testid="tab-counter">{t('appointments.console.counter')}</span>,
              children: <CounterPanel mission={mission} />,
            },
            {
              key: 'week',
              label: <span data-testid="tab-week">{t('appointments.console.week')}</span>,
              children: <WeekPanel mission={mission} location={location} />,
            },
            {
              key: 'calendar',
              label: <span data-testid="tab-calendar">{t('appointments.console.calendar')}</span>,
              children: <CalendarEditor mission={mission} location={location} />,
            },
            {
              key: 'figures',
              label: <span data-testid="tab-figures">{t('appointments.console.figures')}</span>,
              children: <FiguresPanel mission={mission} location={location} />,
            },
          ]}
          destroyOnHidden
        />
      )}
    </div>
  )
}
