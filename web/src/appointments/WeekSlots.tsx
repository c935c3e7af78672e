import { Button, Empty, Skeleton, Space, Tabs, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { currentLocale } from '../lib/i18n.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'
import { addDays, appointmentsApi, dayLabel, localDate, localTime, today } from './api.ts'
import type { Slot } from './types.ts'

/** "12/7" or "7 Dec": the week's range fits a phone's width. */
const shortDay = (day: string, lang: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString(lang, { month: 'numeric', day: 'numeric', timeZone: 'UTC' })

/**
 * A week of slots for a service: days as tabs, slots as buttons, full ones disabled.
 * `selected` is the chosen slot's `start`.
 */
export function WeekSlots({
  mission,
  service,
  location,
  selected,
  onSelect,
  nonce = 0,
}: {
  mission: string
  service: string
  location?: string
  selected?: string
  onSelect: (slot: Slot | undefined) => void
  /** Bump to reload (after a 409 slot_full). */
  nonce?: number
}) {
  const { t } = useTranslation()
  const lang = currentLocale()
  const [from, setFrom] = useState(today)
  const to = addDays(from, 6)
  const slots = useLoad(
    () => appointmentsApi.slots(mission, service, from, to, location),
    `${mission}|${service}|${location}|${from}|${nonce}`,
  )
  const days = useMemo(() => Array.from({ length: 7 }, (_, i) => addDays(from, i)), [from])
  const byDay = useMemo(() => {
    const map = new Map<string, Slot[]>()
    for (const s of slots.data ?? []) map.set(localDate(s.start), [...(map.get(localDate(s.start)) ?? []), s])
    return map
  }, [slots.data])
  const firstOpen = days.find((d) => byDay.get(d)?.some((s) => s.available > 0))
  const [day, setDay] = useState<string>()
  const shown = day && days.includes(day) ? day : (firstOpen ?? days[0] ?? from)
  const move = (n: number) => {
    setFrom(addDays(from, n))
    setDay(undefined)
    onSelect(undefined)
  }

  return (
    <div data-testid="week-slots">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Button size="small" onClick={() => move(-7)} disabled={from <= today()} data-testid="week-prev">
          ‹ {t('appointments.prevWeek')}
        </Button>
        <Typography.Text type="secondary" data-testid="week-range">
          {shortDay(from, lang)} – {shortDay(to, lang)}
        </Typography.Text>
        <Button size="small" onClick={() => move(7)} data-testid="week-next">
          {t('appointments.nextWeek')} ›
        </Button>
      </Space>
      {slots.error ? (
        <div style={{ marginTop: 12 }}>
          <LoadError error={slots.error} retry={slots.reload} />
        </div>
      ) : slots.loading && !slots.data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <Tabs
          activeKey={shown}
          onChange={setDay}
          size="small"
          items={days.map((d) => {
            const list = byDay.get(d) ?? []
            const free = list.reduce((n, s) => n + (s.available > 0 ? 1 : 0), 0)
            return {
              key: d,
              label: (
                <span data-testid={`day-${d}`} className={free ? undefined : 'day-none'}>
                  {dayLabel(d, lang)}
                </span>
              ),
              children: list.length ? (
                <div className="slot-grid" data-testid="slot-grid" data-day={d} data-shown={d === shown}>
                  {list.map((s) => (
                    <Button
                      key={s.start}
                      type={selected === s.start ? 'primary' : 'default'}
                      disabled={s.available <= 0}
                      onClick={() => onSelect(s)}
                      data-testid="slot"
                      data-start={s.start}
                      data-available={s.available}
                      title={
                        s.available > 0
                          ? t('appointments.placesLeft', { count: s.available })
                          : t('appointments.full')
                      }
                    >
                      {localTime(s.start)}
                      <span className="slot-left">
                        {s.available > 0
                          ? t('appointments.left', { count: s.available })
                          : t('appointments.full')}
                      </span>
                    </Button>
                  ))}
                </div>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appointments.noSlotsDay')} />
              ),
            }
          })}
        />
      )}
    </div>
  )
}
