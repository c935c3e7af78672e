import { APPOINTMENT_SERVICES, type AppointmentService } from '@server/appointments/appointments.enums.ts'
import {
  Alert,
  Button,
  Card,
  Col,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { appointmentsApi } from '../../appointments/api.ts'
import { useServiceName } from '../../appointments/parts.tsx'
import type { CalendarBody, CalendarService, Weekday, WeeklyHours } from '../../appointments/types.ts'
import { ApiError } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'

const DAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7]

function blank(): CalendarBody {
  return {
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    services: [],
    weekly: [1, 2, 3, 4, 5].map((day) => ({ day: day as Weekday, opens: '09:00', closes: '12:00' })),
    closedDates: [],
    horizonDays: 60,
    minNoticeHours: 24,
    bufferMinutes: 0,
  }
}

/** The mission's calendar: time zone, weekly hours, closed dates, services, horizon and notice. */
export function CalendarEditor({ mission, location }: { mission: string; location?: string }) {
  const { t } = useTranslation()
  const serviceName = useServiceName()
  const loaded = useLoad(async () => {
    try {
      return { calendar: await appointmentsApi.calendar(mission, location), fresh: false }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'appointment.no_calendar')
        return { calendar: blank(), fresh: true }
      throw e
    }
  }, `${mission}|${location}`)
  const [draft, setDraft] = useState<CalendarBody>()
  const [closedInput, setClosedInput] = useState('')
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const zones = useMemo(() => {
    try {
      return (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? []
    } catch {
      return []
    }
  }, [])

  useEffect(() => {
    if (loaded.data) setDraft(structuredClone(loaded.data.calendar))
  }, [loaded.data])

  if (loaded.error) return <LoadError error={loaded.error} retry={loaded.reload} />
  if (!draft) return <Skeleton active />
  const c = draft
  const change = (patch: Partial<CalendarBody>) => {
    setSaved(false)
    setDraft({ ...c, ...patch })
  }
  const setRange = (index: number, patch: Partial<WeeklyHours>) =>
    change({ weekly: c.weekly.map((w, i) => (i === index ? { ...w, ...patch } : w)) })
  const setService = (index: number, patch: Partial<CalendarService>) =>
    change({ services: c.services.map((s, i) => (i === index ? { ...s, ...patch } : s)) })
  const unused = APPOINTMENT_SERVICES.filter((code) => !c.services.some((s) => s.service === code))

  const save = async () => {
    setError(undefined)
    setBusy(true)
    try {
      const weekly = [...c.weekly].sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens))
      const body: CalendarBody = {
        timezone: c.timezone,
        services: c.services,
        weekly,
        closedDates: [...c.closedDates].sort(),
        horizonDays: c.horizonDays,
        minNoticeHours: c.minNoticeHours,
        bufferMinutes: c.bufferMinutes ?? 0,
      }
      await appointmentsApi.saveCalendar(mission, body, location)
      setSaved(true)
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div data-testid="calendar-editor">
      {loaded.data?.fresh && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('appointments.calendar.none')} />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('appointments.calendar.hours')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space>
                <Typography.Text>{t('appointments.calendar.timezone')}</Typography.Text>
                <Select
                  showSearch
                  style={{ minWidth: 240 }}
                  value={c.timezone}
                  onChange={(timezone) => change({ timezone })}
                  data-testid="calendar-timezone"
                  options={(zones.length ? zones : [c.timezone]).map((z) => ({ value: z, label: z }))}
                />
              </Space>
              <table className="hours-table" data-testid="calendar-weekly">
                <tbody>
                  {DAYS.map((day) => {
                    const ranges = c.weekly.map((w, i) => ({ w, i })).filter(({ w }) => w.day === day)
                    return (
                      <tr key={day} data-testid={`hours-${day}`}>
                        <th>{t(`appointments.calendar.days.${day}`)}</th>
                        <td>
                          {ranges.length === 0 && <Tag>{t('appointments.calendar.closed')}</Tag>}
                          {ranges.map(({ w, i }) => (
                            <Space.Compact key={i} style={{ marginRight: 8, marginBottom: 4 }}>
                              <Input
                                type="time"
                                value={w.opens}
                                onChange={(e) => setRange(i, { opens: e.target.value })}
                                data-testid={`opens-${day}`}
                                style={{ width: 132 }}
                              />
                              <Input
                                type="time"
                                value={w.closes}
                                onChange={(e) => setRange(i, { closes: e.target.value })}
                                data-testid={`closes-${day}`}
                                style={{ width: 132 }}
                              />
                              <Button
                                onClick={() => change({ weekly: c.weekly.filter((_, j) => j !== i) })}
                                aria-label={t('appointments.calendar.remove')}
                                data-testid={`remove-hours-${day}`}
                              >
                                ×
                              </Button>
                            </Space.Compact>
                          ))}
                          <Button
                            size="small"
                            type="link"
                            data-testid={`add-hours-${day}`}
                            onClick={() =>
                              change({
                                weekly: [
                                  ...c.weekly,
                                  ranges.length
                                    ? { day, opens: '14:00', closes: '17:00' }
                                    : { day, opens: '09:00', closes: '12:00' },
                                ],
                              })
                            }
                          >
                            + {t('appointments.calendar.addHours')}
                          </Button>
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </Space>
          </Card>
          <Card size="small" title={t('appointments.calendar.closedDates')} style={{ marginTop: 16 }}>
            <Space.Compact>
              <Input
                type="date"
                value={closedInput}
                onChange={(e) => setClosedInput(e.target.value)}
                data-testid="closed-date"
              />
              <Button
                data-testid="add-closed"
                disabled={!closedInput}
                onClick={() => {
                  if (!c.closedDates.includes(closedInput))
                    change({ closedDates: [...c.closedDates, closedInput] })
                  setClosedInput('')
                }}
              >
                {t('appointments.calendar.add')}
              </Button>
            </Space.Compact>
            <div style={{ marginTop: 8 }}>
              {c.closedDates.length === 0 && (
                <Typography.Text type="secondary">{t('appointments.calendar.noClosed')}</Typography.Text>
              )}
              {[...c.closedDates].sort().map((d) => (
                <Tag
                  key={d}
                  closable
                  onClose={() => change({ closedDates: c.closedDates.filter((x) => x !== d) })}
                >
                  {d}
                </Tag>
              ))}
            </div>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
              {t('appointments.calendar.holidaysNote')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('appointments.calendar.services')}>
            <Table<CalendarService & { index: number }>
              size="small"
              pagination={false}
              rowKey="index"
              data-testid="calendar-services"
              dataSource={c.services.map((s, index) => ({ ...s, index }))}
              locale={{ emptyText: t('appointments.calendar.noServices') }}
              columns={[
                { title: t('appointments.service'), render: (_, s) => serviceName(s.service) },
                {
                  title: t('appointments.calendar.slotMinutes'),
                  render: (_, s) => (
                    <InputNumber
                      min={5}
                      max={240}
                      step={5}
                      value={s.slotMinutes}
                      onChange={(v) => setService(s.index, { slotMinutes: Number(v) || 15 })}
                      data-testid={`slot-minutes-${s.service}`}
                    />
                  ),
                },
                {
                  title: t('appointments.calendar.capacity'),
                  render: (_, s) => (
                    <InputNumber
                      min={1}
                      max={99}
                      value={s.capacity}
                      onChange={(v) => setService(s.index, { capacity: Number(v) || 1 })}
                      data-testid={`capacity-${s.service}`}
                    />
                  ),
                },
                {
                  title: '',
                  render: (_, s) => (
                    <Button
                      size="small"
                      onClick={() => change({ services: c.services.filter((_, j) => j !== s.index) })}
                    >
                      ×
                    </Button>
                  ),
                },
              ]}
            />
            <Select
              style={{ minWidth: 240, marginTop: 8 }}
              placeholder={t('appointments.calendar.addService')}
              value={null}
              data-testid="add-service"
              onChange={(service: AppointmentService) =>
                change({ services: [...c.services, { service, slotMinutes: 15, capacity: 1 }] })
              }
              options={unused.map((s) => ({ value: s, label: serviceName(s) }))}
            />
          </Card>
          <Card size="small" title={t('appointments.calendar.rules')} style={{ marginTop: 16 }}>
            <Space direction="vertical">
              <Space>
                <Typography.Text style={{ display: 'inline-block', width: 180 }}>
                  {t('appointments.calendar.horizonDays')}
                </Typography.Text>
                <InputNumber
                  min={1}
                  max={365}
                  value={c.horizonDays}
                  onChange={(v) => change({ horizonDays: Number(v) || 1 })}
                  data-testid="horizon-days"
                />
              </Space>
              <Space>
                <Typography.Text style={{ display: 'inline-block', width: 180 }}>
                  {t('appointments.calendar.minNoticeHours')}
                </Typography.Text>
                <InputNumber
                  min={0}
                  max={720}
                  value={c.minNoticeHours}
                  onChange={(v) => change({ minNoticeHours: Number(v) ?? 0 })}
                  data-testid="min-notice"
                />
              </Space>
            </Space>
          </Card>
        </Col>
      </Row>
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" onClick={save} loading={busy} data-testid="calendar-save">
          {t('common.save')}
        </Button>
        {saved && (
          <Typography.Text type="success" data-testid="calendar-saved">
            {t('appointments.calendar.saved')}
          </Typography.Text>
        )}
      </Space>
      {error && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} data-testid="calendar-error" />
      )}
    </div>
  )
}
