import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { citizenWithPassport, solvedAltcha } from '../../../test/helpers/appointments.ts'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { expectProblem, registerCitizen, uniqueEmail } from '../../../test/helpers/http.ts'
import { startMailbox } from '../../../test/helpers/smtp.ts'
import { sendDueReminders } from './reminder.ts'
import { addDays, localDate } from './zoned-time.ts'

const mailbox = await startMailbox()
afterAll(() => mailbox.close())
const { runtime, call } = withDemoRuntime({
  work: true,
  env: { SMTP_URL: mailbox.url, ALTCHA_MAX_NUMBER: '100' },
})

describe('the confirmation e-mail', () => {
  it("comes in the citizen's language with the .ics and the manage link", async () => {
    const app = runtime().app
    const me = await citizenWithPassport(runtime(), 'zh-CN')
    // The demo calendar: weekdays 09:00–12:00 in Tokyo, 24 hours' notice.
    const from = addDays(localDate(Date.now(), 'Asia/Tokyo'), 2)
    const slots = await call(
      'GET',
      `/api/v1/missions/JP-TYO-EMB/slots?service=passport_renewal&from=${from}&to=${addDays(from, 7)}`,
    )
    const start = slots.json().find((s: { available: number }) => s.available > 0).start
    const res = await call('POST', '/api/v1/me/appointments', me.cookie, {
      mission: 'JP-TYO-EMB',
      service: 'passport_renewal',
      start,
      altcha: await solvedAltcha(app),
    })
    expect(res.statusCode, res.body).toBe(201)
    const [mail] = await mailbox.waitFor(1, 60_000)
    expect(mail?.subject).toContain('预约成功')
    expect(mail?.text).toContain(`/appointments/manage/${res.json().id}?sig=`)
    const ics = mail?.attachments.find((a) => a.filename === `appointment-${res.json().code}.ics`)
    expect(ics?.contentType).toBe('text/calendar')
    expect(ics?.content.toString()).toContain('BEGIN:VEVENT')
  })
})

describe('a verified contact', () => {
  it('is asked for before booking; the e-mailed link proves one', async () => {
    const app = runtime().app
    const me = await registerCitizen(app)
    const profile = await call('PUT', '/api/v1/me/profile', me.cookie, {
      surname: 'Zhao',
      givenNames: 'Lei',
      passportNumber: `E${String(Date.now()).slice(-8)}`,
    })
    expect(profile.statusCode, profile.body).toBe(200)
    const from = addDays(localDate(Date.now(), 'Asia/Tokyo'), 2)
    const slots = await call(
      'GET',
      `/api/v1/missions/JP-TYO-EMB/slots?service=travel_document&from=${from}&to=${addDays(from, 7)}`,
    )
    const start = slots.json().find((s: { available: number }) => s.available > 0).start
    const booking = async () =>
      call('POST', '/api/v1/me/appointments', me.cookie, {
        mission: 'JP-TYO-EMB',
        service: 'travel_document',
        start,
        altcha: await solvedAltcha(app),
      })
    expectProblem(await booking(), 403, 'appointment.unverified')
    const address = uniqueEmail('verified')
    expect((await call('POST', '/api/v1/me/email', me.cookie, { email: address })).statusCode).toBe(202)
    const mails = await mailbox.waitFor(mailbox.messages.length + 1, 60_000)
    await expect
      .poll(() => mails.find((m) => JSON.stringify(m.to).includes(address)), { timeout: 60_000 })
      .toBeDefined()
    const mail = mails.find((m) => JSON.stringify(m.to).includes(address))
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1]
    expect(token).toBeDefined()
    const verified = await call('POST', '/api/v1/auth/email/verify', undefined, { token })
    expect(verified.statusCode, verified.body).toBe(200)
    const res = await booking()
    expect(res.statusCode, res.body).toBe(201)
  })
})

describe('the 24-hour reminder', () => {
  it("goes out once, by inbox and e-mail in the citizen's language; not for a booking made that close", async () => {
    const rt = runtime()
    const from = addDays(localDate(Date.now(), 'Asia/Tokyo'), 2)
    const slots = await call(
      'GET',
      `/api/v1/missions/JP-TYO-EMB/slots?service=passport_first&from=${from}&to=${addDays(from, 7)}`,
    )
    const start = slots.json().find((s: { available: number }) => s.available > 0).start
    const bookAs = async (locale: 'en' | 'zh-CN') => {
      const who = await citizenWithPassport(rt, locale)
      const res = await call('POST', '/api/v1/me/appointments', who.cookie, {
        mission: 'JP-TYO-EMB',
        service: 'passport_first',
        start,
        altcha: await solvedAltcha(rt.app),
      })
      expect(res.statusCode, res.body).toBe(201)
      return { ...who, id: res.json().id as string, code: res.json().code as string }
    }
    const early = await bookAs('zh-CN')
    const late = await bookAs('en')
    // A day and a half pass: both start within 20 hours; one was booked three days ahead, the other just now.
    await sql`update appointments set starts_at = now() + interval '20 hours', ends_at = now() + interval '20 hours 30 minutes'
               where id = any(${[early.id, late.id]}::uuid[])`.execute(rt.ctx.db)
    await sql`update appointments set created_at = now() - interval '3 days' where id = ${early.id}`.execute(
      rt.ctx.db,
    )
    // Two sweeps at once (the worker's own may run too): one reminder for the early booking only.
    const runs = await Promise.all([sendDueReminders(rt.ctx), sendDueReminders(rt.ctx)])
    expect(runs[0] + runs[1]).toBeLessThanOrEqual(1)
    expect(await sendDueReminders(rt.ctx)).toBe(0)
    const reminders = async (id: string) =>
      (
        await rt.ctx.db
          .selectFrom('messages')
          .select('id')
          .where('kind', '=', 'appointment.reminder')
          .where('about_id', '=', id)
          .execute()
      ).length
    expect(await reminders(early.id)).toBe(1)
    expect(await reminders(late.id)).toBe(0)
    const inbox = await call('GET', '/api/v1/me/inbox', early.cookie)
    expect(JSON.stringify(inbox.json())).toContain('预约提醒')
    const lateInbox = await call('GET', '/api/v1/me/inbox', late.cookie)
    expect(JSON.stringify(lateInbox.json())).not.toContain('Reminder')
    await expect
      .poll(() => mailbox.messages.filter((m) => m.subject?.startsWith('预约提醒')).length, {
        timeout: 60_000,
      })
      .toBe(1)
    const mail = mailbox.messages.find((m) => m.subject?.startsWith('预约提醒'))
    expect(mail?.text).toContain(early.code)
    expect(mail?.text).toContain(`/appointments/manage/${early.id}?sig=`)
  })
})
