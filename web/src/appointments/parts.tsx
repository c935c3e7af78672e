import './appointments.css'
import { Button, Descriptions, Space, Tag, Typography } from 'antd'
import QRCode from 'qrcode'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { currentLocale } from '../lib/i18n.ts'
import { dayLabel, localDate, localTime } from './api.ts'
import type { Appointment } from './types.ts'

const COLOURS: Record<string, string> = {
  held: 'gold',
  booked: 'blue',
  checked_in: 'cyan',
  called: 'red',
  serving: 'purple',
  done: 'green',
  missed: 'default',
  cancelled: 'default',
}

export function AppointmentStatus({ status }: { status: string }) {
  const { t } = useTranslation()
  return (
    <Tag color={COLOURS[status] ?? 'default'} data-testid="appointment-status" data-status={status}>
      {t(`appointments.statuses.${status}`, { defaultValue: status })}
    </Tag>
  )
}

export function useServiceName() {
  const { t } = useTranslation()
  return (code: string) =>
    t(`appointments.services.${code}`, {
      defaultValue: t(`applications.services.${code}`, { defaultValue: code }),
    })
}

/** A QR code of the booking code, for the counter's scanner. */
export function BookingQr({ code, size = 168 }: { code: string; size?: number }) {
  const [src, setSrc] = useState<string>()
  useEffect(() => {
    let live = true
    QRCode.toDataURL(code, { margin: 1, width: size, errorCorrectionLevel: 'M' })
      .then((url) => live && setSrc(url))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [code, size])
  return src ? (
    <img src={src} width={size} height={size} alt={code} data-testid="booking-qr" />
  ) : (
    <div style={{ width: size, height: size }} />
  )
}

const icsDate = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

/** An .ics of the booking made in the browser (the e-mail carries the server's too). */
export function icsFor(a: Appointment, title: string, where: string): string {
  const text = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Lingshi//appointments//EN',
    'BEGIN:VEVENT',
    `UID:${a.id}@lingshi`,
    `DTSTAMP:${icsDate(new Date().toISOString())}`,
    `DTSTART:${icsDate(a.start)}`,
    `DTEND:${icsDate(a.end)}`,
    `SUMMARY:${text(title)}`,
    `LOCATION:${text(where)}`,
    `DESCRIPTION:${text(a.code)}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n')
}

export function AddToCalendar({ appointment, where }: { appointment: Appointment; where: string }) {
  const { t } = useTranslation()
  const serviceName = useServiceName()
  const download = () => {
    const blob = new Blob([icsFor(appointment, serviceName(appointment.service), where)], {
      type: 'text/calendar',
    })
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = `appointment-${appointment.code}.ics`
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 1_000)
  }
  return (
    <Button onClick={download} data-testid="add-to-calendar">
      {t('appointments.addToCalendar')}
    </Button>
  )
}

/** The booking as the citizen shows it at the counter: when, what, the code and its QR. */
export function BookingCard({
  appointment: a,
  missionName,
  actions,
}: {
  appointment: Appointment
  missionName: string
  actions?: React.ReactNode
}) {
  const { t } = useTranslation()
  const lang = currentLocale()
  const serviceName = useServiceName()
  return (
    <div data-testid="booking" data-id={a.id}>
      <Space align="start" wrap size={16}>
        <BookingQr code={a.code} />
        <div>
          <Typography.Text type="secondary">{t('appointments.code')}</Typography.Text>
          <div className="booking-code" data-testid="booking-code">
            {a.code}
          </div>
          <AppointmentStatus status={a.status} />
        </div>
      </Space>
      <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('appointments.service')}>{serviceName(a.service)}</Descriptions.Item>
        <Descriptions.Item label={t('appointments.when')}>
          <span data-testid="booking-when">
            {dayLabel(localDate(a.start), lang, 'long')} {localTime(a.start)}–{localTime(a.end)}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('appointments.where')}>{missionName}</Descriptions.Item>
      </Descriptions>
      {actions && <Space wrap>{actions}</Space>}
    </div>
  )
}
