import ical from 'ical-generator'
import { sql, type Transaction } from 'kysely'
import type { AppContext } from '../../context.ts'
import type { Database } from '../../database.ts'
import { notify } from '../notifications/index.ts'
import type { AppointmentService } from './appointments.enums.ts'
import type { AppointmentRow } from './appointments.table.ts'
import { managePath } from './manage-link.ts'
import { isoInZone } from './zoned-time.ts'

/** The services' names in both languages, as messages and the calendar file show them. */
export const SERVICE_NAMES: Record<AppointmentService, { 'zh-CN': string; en: string }> = {
  passport_renewal: { 'zh-CN': '护照换发', en: 'Passport renewal' },
  passport_replacement: { 'zh-CN': '护照补发', en: 'Passport replacement' },
  passport_first: { 'zh-CN': '首次申领护照', en: 'First passport' },
  travel_document: { 'zh-CN': '旅行证', en: 'Travel document' },
  vaccination: { 'zh-CN': '疫苗接种', en: 'Vaccination' },
}

const name = (a: AppointmentRow) => SERVICE_NAMES[a.service as AppointmentService]
/** "2026-12-08 09:00 (UTC+09:00)" in the mission's time zone. */
const when = (a: AppointmentRow, timezone: string) => {
  const iso = isoInZone(a.starts_at, timezone)
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} (UTC${iso.slice(19)})`
}

function icsFor(a: AppointmentRow, link: string): string {
  const cal = ical({ name: 'Lingshi 领事', prodId: { company: 'lingshi', product: 'appointments' } })
  const n = name(a)
  cal.createEvent({
    id: `${a.id}@lingshi`,
    start: a.starts_at,
    end: a.ends_at,
    summary: `${n['zh-CN']} ${n.en} — ${a.mission_code}`,
    description: `预约号 Booking code: ${a.code}\n${a.holder_name}\n${link}`,
    location: `${a.mission_code} (${a.location})`,
    url: link,
  })
  return cal.toString()
}

const recipient = (userId: string) => sql<{ user_id: string }>`select ${userId}::uuid as user_id`

/** The confirmation: inbox and e-mail in the person's language, the .ics, the manage link. */
export async function sendConfirmation(
  ctx: AppContext,
  trx: Transaction<Database>,
  a: AppointmentRow,
  timezone: string,
): Promise<void> {
  const path = managePath(ctx.signer, a.id)
  const link = new URL(path, ctx.config.linkBase).toString()
  const n = name(a)
  const at = when(a, timezone)
  await notify(
    ctx,
    trx,
    {
      kind: 'appointment.booked',
      about: { type: 'appointment', id: a.id },
      title: { 'zh-CN': `预约成功：${n['zh-CN']} ${at}`, en: `Appointment booked: ${n.en}, ${at}` },
      body: {
        'zh-CN': `您已预约 ${a.mission_code} 的${n['zh-CN']}，时间 ${at}，预约号 ${a.code}。请携带护照（${a.holder_name}）按时到场。取消或改期（无需登录）：`,
        en: `Your ${n.en} appointment at ${a.mission_code} is on ${at}, booking code ${a.code}. Bring the passport of ${a.holder_name}. To cancel or move it (no sign-in needed):`,
      },
      link: path,
      attachments: [
        {
          filename: `appointment-${a.code}.ics`,
          contentType: 'text/calendar',
          content: icsFor(a, link),
        },
      ],
    },
    recipient(a.user_id),
  )
}

export async function sendCancellation(
  ctx: AppContext,
  trx: Transaction<Database>,
  a: AppointmentRow,
  timezone: string,
): Promise<void> {
  const n = name(a)
  const at = when(a, timezone)
  await notify(
    ctx,
    trx,
    {
      kind: 'appointment.cancelled',
      about: { type: 'appointment', id: a.id },
      title: { 'zh-CN': `预约已取消：${n['zh-CN']} ${at}`, en: `Appointment cancelled: ${n.en}, ${at}` },
      body: {
        'zh-CN': `预约号 ${a.code} 已取消。`,
        en: `Booking ${a.code} is cancelled.`,
      },
    },
    recipient(a.user_id),
  )
}

/** A place freed for the first on the waitlist: held for them, one tap to confirm. */
export async function sendHoldOffer(
  ctx: AppContext,
  trx: Transaction<Database>,
  a: AppointmentRow,
  timezone: string,
): Promise<void> {
  const n = name(a)
  const at = when(a, timezone)
  const until = a.hold_expires_at ? isoInZone(a.hold_expires_at, timezone).slice(11, 16) : ''
  await notify(
    ctx,
    trx,
    {
      kind: 'appointment.held',
      about: { type: 'appointment', id: a.id },
      title: { 'zh-CN': `有空位：${n['zh-CN']} ${at}`, en: `A place is free: ${n.en}, ${at}` },
      body: {
        'zh-CN': `您候补的${n['zh-CN']}有空位（${at}），为您保留至 ${until}。点按链接一键确认：`,
        en: `A place for ${n.en} is free on ${at} and held for you until ${until}. Tap the link to confirm:`,
      },
      link: `${managePath(ctx.signer, a.id)}&confirm=1`,
    },
    recipient(a.user_id),
  )
}

/** The day before: inbox and e-mail in the person's language, with the code and the manage link. */
export async function sendReminder(
  ctx: AppContext,
  trx: Transaction<Database>,
  a: AppointmentRow,
  timezone: string,
): Promise<void> {
  const path = managePath(ctx.signer, a.id)
  const n = name(a)
  const at = when(a, timezone)
  await notify(
    ctx,
    trx,
    {
      kind: 'appointment.reminder',
      about: { type: 'appointment', id: a.id },
      title: { 'zh-CN': `预约提醒：${n['zh-CN']} ${at}`, en: `Reminder: ${n.en}, ${at}` },
      body: {
        'zh-CN': `提醒您：${a.mission_code} 的${n['zh-CN']}预约在 ${at}，预约号 ${a.code}。请携带护照（${a.holder_name}）按时到场。无法前来请取消，把位置让给候补的人（无需登录）：`,
        en: `A reminder: your ${n.en} appointment at ${a.mission_code} is on ${at}, booking code ${a.code}. Bring the passport of ${a.holder_name}. If you cannot come, please cancel so that the next in line gets the place (no sign-in needed):`,
      },
      link: path,
    },
    recipient(a.user_id),
  )
}
