import { afterAll, describe, expect, it } from 'vitest'
import { citizenWithPassport, solvedAltcha } from '../../../test/helpers/appointments.ts'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { startMailbox } from '../../../test/helpers/smtp.ts'
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
    const me = await citizenWithPassport(app, 'zh-CN')
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
