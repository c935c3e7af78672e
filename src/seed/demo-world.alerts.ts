import type { AppContext } from '../context.ts'
import {
  answerSafetyCheck,
  createAlertBody,
  createFromJson,
  fanOut,
  sendAlert,
} from '../modules/alerts/index.ts'
import { AppError } from '../platform/errors/app-error.ts'
import type { Principal } from '../platform/http/access.ts'

type Ring = readonly (readonly [number, number])[]

export interface DemoAlert {
  readonly event: { 'zh-CN': string; en: string }
  readonly headline: { 'zh-CN': string; en: string }
  readonly description: { 'zh-CN': string; en: string }
  readonly instruction: { 'zh-CN': string; en: string }
  readonly areaDesc: string
  /** [lon, lat] positions, closed. */
  readonly ring: Ring
  readonly severity: 'Moderate' | 'Severe'
}

const capTime = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, '+00:00')

/** A draft in both languages over the ring, effective now and for `hours`. */
export async function draftDemoAlert(ctx: AppContext, by: Principal, a: DemoAlert, now: Date, hours: number) {
  const polygon = a.ring.map(([lon, lat]) => `${lat},${lon}`).join(' ')
  const info = (lang: 'zh-CN' | 'en') => ({
    language: lang,
    category: ['Met'],
    event: a.event[lang],
    urgency: 'Expected',
    severity: a.severity,
    certainty: 'Likely',
    effective: capTime(now.getTime()),
    expires: capTime(now.getTime() + hours * 3_600_000),
    senderName: lang === 'en' ? 'Consular protection centre (demo data)' : '领事保护中心（演示数据）',
    headline: a.headline[lang],
    description: a.description[lang],
    instruction: a.instruction[lang],
    area: [{ areaDesc: a.areaDesc, polygon: [polygon] }],
  })
  const body = createAlertBody.parse({
    status: 'Actual',
    msgType: 'Alert',
    scope: 'Public',
    info: [info('zh-CN'), info('en')],
  })
  return (await createFromJson(ctx, by, body)).alert
}

/** Sends the alert and writes its recipients and messages at once (the queued fan-out then finds it sent). */
export async function sendDemoAlert(ctx: AppContext, by: Principal, alertId: string): Promise<void> {
  await sendAlert(ctx, by, alertId, '127.0.0.1')
  await fanOut(ctx, alertId)
}

/**
 * Answers for the people given, in turn: most safe, some not in the area, one in need of help (which
 * opens a P1 help request for the hotline). Someone the alert did not reach is skipped.
 */
export async function answerDemoAlert(
  ctx: AppContext,
  alertId: string,
  people: readonly string[],
  options: { needHelp: boolean },
): Promise<number> {
  let answered = 0
  for (const [i, userId] of people.entries()) {
    const answer = i === 2 && options.needHelp ? 'need_help' : i % 7 === 5 ? 'not_in_area' : 'safe'
    try {
      await answerSafetyCheck(ctx, { userId, alertId, answer, via: i % 3 === 0 ? 'link' : 'app' })
      answered++
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'alert.not_recipient')) throw err
    }
  }
  return answered
}
