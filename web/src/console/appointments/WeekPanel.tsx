import { Button, Empty, Select, Space, Table, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { addDays, appointmentsApi, dayLabel, localDate, localTime, today } from '../../appointments/api.ts'
import { useServiceName } from '../../appointments/parts.tsx'
import type { Slot } from '../../appointments/types.ts'
import { useMissionServices } from '../../appointments/useMissionServices.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'

const GONE = new Set(['cancelled', 'lapsed'])

/** Monday to Sunday at a glance: bookings over capacity in each slot of one service. */
export function WeekPanel({ mission, location }: { mission: string; location?: string }) {
  const { t } = useTranslation()
  const lang = currentLocale()
  const serviceName = useServiceName()
  const services = useMissionServices(mission, { location, staff: true })
  const [picked, setPicked] = useState<string>()
  const service = picked ?? services.data?.[0]
  const [from, setFrom] = useState(() => {
    const d = new Date(`${today()}T12:00:00Z`)
    return addDays(today(), -((d.getUTCDay() + 6) % 7))
  })
  const days = useMemo(() => Array.from({ length: 7 }, (_, i) => addDays(from, i)), [from])
  // The slots give the plan and capacity; the bookings come from each day's list (past and
  // too-soon slots show `available: 0` to citizens, which is not the same as booked).
  const slots = useLoad(async () => {
    if (!service) return { plan: [] as Slot[], booked: new Map<string, number>() }
    const [plan, ...lists] = await Promise.all([
      appointmentsApi.slots(mission, service, from, addDays(from, 6), location),
      ...days.map((d) => appointmentsApi.day(mission, d, location)),
    ])
    const booked = new Map<string, number>()
    for (const a of lists.flat())
      if (a.service === service && !GONE.has(a.status)) booked.set(a.start, (booked.get(a.start) ?? 0) + 1)
    return { plan: plan as Slot[], booked }
  }, `${mission}|${service}|${from}|${location}`)
  const rows = useMemo(() => {
    const byTime = new Map<string, Record<string, Slot>>()
    for (const s of slots.data?.plan ?? []) {
      const time = localTime(s.start)
      byTime.set(time, { ...(byTime.get(time) ?? {}), [localDate(s.start)]: s })
    }
    return [...byTime.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([time, cells]) => ({ time, cells }))
  }, [slots.data])
  const bookedAt = (s: Slot) => slots.data?.booked.get(s.start) ?? 0
  const total = (slots.data?.plan ?? []).reduce(
    (acc, s) => ({ booked: acc.booked + bookedAt(s), capacity: acc.capacity + s.capacity }),
    { booked: 0, capacity: 0 },
  )

  return (
    <div data-testid="week-panel">
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          style={{ minWidth: 240 }}
          value={service}
          onChange={setPicked}
          data-testid="week-service"
          options={(services.data ?? []).map((s) => ({ value: s, label: serviceName(s) }))}
        />
        <Button onClick={() => setFrom(addDays(from, -7))}>‹</Button>
        <Typography.Text>
          {dayLabel(from, lang)} – {dayLabel(addDays(from, 6), lang)}
        </Typography.Text>
        <Button onClick={() => setFrom(addDays(from, 7))}>›</Button>
        <Typography.Text type="secondary" data-testid="week-total">
          {t('appointments.console.weekTotal', total)}
        </Typography.Text>
      </Space>
      {slots.error ? (
        <LoadError error={slots.error} retry={slots.reload} />
      ) : (
        <Table
          size="small"
          bordered
          rowKey="time"
          loading={slots.loading}
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: <Empty description={t('appointments.console.weekEmpty')} /> }}
          columns={[
            { title: '', dataIndex: 'time', width: 70, fixed: 'left' },
            ...days.map((d) => ({
              title: dayLabel(d, lang),
              key: d,
              align: 'center' as const,
              render: (_: unknown, row: { cells: Record<string, Slot> }) => {
                const s = row.cells[d]
                if (!s) return <span className="week-closed">·</span>
                const booked = bookedAt(s)
                return (
                  <span
                    className={booked >= s.capacity ? 'week-full' : booked ? 'week-some' : 'week-free'}
                    data-testid="week-cell"
                    data-start={s.start}
                  >
                    {booked}/{s.capacity}
                  </span>
                )
              },
            })),
          ]}
        />
      )}
    </div>
  )
}
