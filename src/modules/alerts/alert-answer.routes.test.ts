import { beforeAll, describe, expect, it } from 'vitest'
import { alertBody, createAlert, mailedAnswerLinks, sendAndWait } from '../../../test/helpers/alerts.ts'
import { travellerTo } from '../../../test/helpers/crises.ts'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { expectProblem, type Session } from '../../../test/helpers/http.ts'
import { LINK_GRACE_MS } from './alert.answer-link.ts'

const { runtime, staff, call } = withDemoRuntime({ work: true })
const TOKYO = { lat: 35.68, lon: 139.76, country: 'JP' }
const DAY = 86_400_000

let inside: Session
let neighbour: Session
beforeAll(async () => {
  inside = await travellerTo(runtime().app, TOKYO)
  neighbour = await travellerTo(runtime().app, TOKYO)
})

const linksTo = (userId: string, alertId: string) =>
  mailedAnswerLinks(runtime().app, staff.admin, userId, alertId)
const post = (alertId: string, body: object) =>
  call('POST', `/api/v1/alerts/${alertId}/answer-link`, undefined, body)
const view = (alertId: string, link: URL) =>
  call('GET', `/api/v1/alerts/${alertId}/answer-link${link.search}`)
/** The link e-mailed to the person for one answer, and the body its page POSTs when tapped. */
async function linkFor(session: Session, alertId: string, answer: string) {
  const link = (await linksTo(session.userId, alertId)).find((l) => l.searchParams.get('answer') === answer)
  if (!link) throw new Error(`no ${answer} link`)
  return { link, body: { user: session.userId, answer, sig: link.searchParams.get('sig') } }
}
async function sentAlert(body: object = alertBody()): Promise<string> {
  const id = (await createAlert(runtime().app, staff.duty, body)).id
  await sendAndWait(runtime().app, staff.duty, id)
  return id
}
/** Moves a sent alert back in time (it took effect, and ended, days ago). */
async function backdate(alertId: string, effectiveDaysAgo: number, expiresDaysAgo: number | null) {
  await runtime()
    .ctx.db.updateTable('alerts')
    .set({
      effective_at: new Date(Date.now() - effectiveDaysAgo * DAY),
      expires_at: expiresDaysAgo === null ? null : new Date(Date.now() - expiresDaysAgo * DAY),
    })
    .where('id', '=', alertId)
    .execute()
}
const stats = async (alertId: string) =>
  (await call('GET', `/api/v1/alerts/${alertId}/stats`, staff.duty)).json()
const myAnswer = async (session: Session, alertId: string) =>
  (
    (await call('GET', '/api/v1/me/alerts', session.cookie)).json().items as {
      id: string
      answer: string | null
    }[]
  ).find((a) => a.id === alertId)?.answer

describe('one-click answers from e-mail', () => {
  it('records the answer a link names, without sign-in, and refuses it for another person, answer or alert', async () => {
    const alertId = (await createAlert(runtime().app, staff.duty)).id
    await sendAndWait(runtime().app, staff.duty, alertId)
    const links = await linksTo(inside.userId, alertId)
    expect(links.map((l) => l.searchParams.get('answer')).sort()).toEqual([
      'need_help',
      'not_in_area',
      'safe',
    ])
    const link = links.find((l) => l.searchParams.get('answer') === 'not_in_area') as URL
    const body = {
      user: link.searchParams.get('user'),
      answer: 'not_in_area',
      sig: link.searchParams.get('sig'),
    }
    expect(link.pathname).toBe(`/alerts/${alertId}/answer`)

    expectProblem(await post(alertId, { ...body, user: neighbour.userId }), 403, 'alert.bad_link')
    expectProblem(await post(alertId, { ...body, answer: 'safe' }), 403, 'alert.bad_link')
    const other = (await createAlert(runtime().app, staff.duty)).id
    expectProblem(await post(other, body), 403, 'alert.bad_link')
    expect((await post(alertId, { ...body, sig: 'x' })).statusCode).toBe(400)

    const ok = await post(alertId, body)
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ alertId, answer: 'not_in_area' })
    const stats = (await call('GET', `/api/v1/alerts/${alertId}/stats`, staff.duty)).json()
    expect(stats.answers.not_in_area).toBe(1)
    const inbox = (await call('GET', '/api/v1/me/alerts', inside.cookie)).json().items
    expect(inbox.find((a: { id: string }) => a.id === alertId)).toMatchObject({ answer: 'not_in_area' })
  })

  it('shows the question when the link is opened and answers only when the tap posts it', async () => {
    const alertId = await sentAlert()
    const { link, body } = await linkFor(inside, alertId, 'safe')
    for (let i = 0; i < 2; i++) {
      const opened = await view(alertId, link)
      expect(opened.statusCode, opened.body).toBe(200)
      expect(opened.json()).toMatchObject({
        alertId,
        answer: 'safe',
        state: 'open',
        headline: { 'zh-CN': '东京发生强烈地震', en: 'Strong earthquake in Tokyo' },
        areaDesc: { en: '东京 Tokyo' },
      })
    }
    expect((await stats(alertId)).answers).toEqual({ safe: 0, need_help: 0, not_in_area: 0 })
    expect(await myAnswer(inside, alertId)).toBeNull()

    const forged = new URL(link)
    forged.searchParams.set('answer', 'need_help')
    expectProblem(await view(alertId, forged), 403, 'alert.bad_link')
    const extra = new URL(link)
    extra.searchParams.set('utm_source', 'mail')
    expectProblem(await view(alertId, extra), 400, 'validation.failed')
    expectProblem(await post(alertId, { ...body, note: 'x' }), 400, 'validation.failed')

    const tapped = await post(alertId, body)
    expect(tapped.statusCode, tapped.body).toBe(200)
    expect(tapped.json()).toMatchObject({ answer: 'safe', given: 'safe' })
    expect((await stats(alertId)).answers.safe).toBe(1)
  })

  it('never lets a later answer erase a need_help; the hotline sees each answer and resolves it', async () => {
    const alertId = await sentAlert()
    const help = await call('POST', `/api/v1/me/alerts/${alertId}/answer`, inside.cookie, {
      answer: 'need_help',
    })
    expect(help.statusCode, help.body).toBe(200)
    const { body } = await linkFor(inside, alertId, 'safe')
    const replayed = await post(alertId, body)
    expect(replayed.statusCode, replayed.body).toBe(200)
    expect(replayed.json()).toMatchObject({
      answer: 'need_help',
      given: 'safe',
      contactId: help.json().contactId,
    })
    const app = await call('POST', `/api/v1/me/alerts/${alertId}/answer`, inside.cookie, {
      answer: 'not_in_area',
    })
    expect(app.json()).toMatchObject({ answer: 'need_help', given: 'not_in_area' })
    expect((await stats(alertId)).answers).toEqual({ safe: 0, need_help: 1, not_in_area: 0 })
    expect(await myAnswer(inside, alertId)).toBe('need_help')

    const list = async () =>
      (
        (await call('GET', `/api/v1/alerts/${alertId}/recipients`, staff.operator)).json().items as {
          userId: string
          answer: string
          answers: { answer: string; via: string }[]
        }[]
      ).find((r) => r.userId === inside.userId)
    expect(await list()).toMatchObject({
      answer: 'need_help',
      answers: [
        { answer: 'need_help', via: 'app' },
        { answer: 'safe', via: 'link' },
        { answer: 'not_in_area', via: 'app' },
      ],
    })
    const csv = await call('GET', `/api/v1/alerts/${alertId}/recipients.csv?answer=need_help`, staff.operator)
    expect(csv.body).toMatch(/need_help \(app\); \S+ safe \(link\); \S+ not_in_area \(app\)/)

    const byPhone = `/api/v1/alerts/${alertId}/recipients/${inside.userId}/answer`
    expectProblem(await call('POST', byPhone, staff.officerParis, { answer: 'safe' }), 404, 'alert.not_found')
    expectProblem(await call('POST', byPhone, inside.cookie, { answer: 'safe' }), 403, 'auth.forbidden')
    const resolved = await call('POST', byPhone, staff.operator, { answer: 'safe' })
    expect(resolved.statusCode, resolved.body).toBe(200)
    expect(resolved.json()).toMatchObject({ answer: 'safe', given: 'safe' })
    expect(await list()).toMatchObject({
      answer: 'safe',
      answers: [{}, {}, {}, { answer: 'safe', via: 'hotline' }],
    })
    expect((await stats(alertId)).answers).toEqual({ safe: 1, need_help: 0, not_in_area: 0 })
    const audit = await call('GET', `/api/v1/audit?subjectType=alert&subjectId=${alertId}`, staff.admin)
    expect(audit.body).toContain('alert.answer_recorded')
  })

  it('takes no answer for a cancelled alert', async () => {
    const alertId = await sentAlert()
    const { link, body } = await linkFor(inside, alertId, 'safe')
    const original = (await call('GET', `/api/v1/alerts/${alertId}`, staff.duty)).json()
    const cancel = await createAlert(runtime().app, staff.duty, {
      status: 'Actual',
      msgType: 'Cancel',
      scope: 'Public',
      references: [{ sender: original.sender, identifier: original.identifier, sent: original.sent }],
    })
    await sendAndWait(runtime().app, staff.duty, cancel.id)
    expect((await call('GET', `/api/v1/alerts/${alertId}`, staff.duty)).json().status).toBe('cancelled')

    expectProblem(await post(alertId, body), 409, 'alert.cancelled')
    expectProblem(
      await call('POST', `/api/v1/me/alerts/${alertId}/answer`, neighbour.cookie, { answer: 'safe' }),
      409,
      'alert.cancelled',
    )
    expect((await view(alertId, link)).json()).toMatchObject({ state: 'cancelled' })
    expect((await stats(alertId)).answers).toEqual({ safe: 0, need_help: 0, not_in_area: 0 })
  })

  it('expires links when the alert ends (its expires, or the default window) plus the grace period', async () => {
    expect(LINK_GRACE_MS).toBe(3 * DAY)
    const withExpiry = await sentAlert()
    const ended = await linkFor(inside, withExpiry, 'safe')
    await backdate(withExpiry, 10, 4)
    expectProblem(await post(withExpiry, ended.body), 410, 'alert.link_expired')
    expect((await view(withExpiry, ended.link)).json()).toMatchObject({ state: 'expired' })
    expect(await myAnswer(inside, withExpiry)).toBeNull()

    const noExpiry = await sentAlert()
    const stale = await linkFor(inside, noExpiry, 'safe')
    // In force for two days from when it took effect, six days ago: ended four days ago.
    await backdate(noExpiry, 6, null)
    expectProblem(await post(noExpiry, stale.body), 410, 'alert.link_expired')

    const recent = await sentAlert()
    const graced = await linkFor(inside, recent, 'safe')
    // Ended a day ago: within the grace period.
    await backdate(recent, 3, null)
    expect((await view(recent, graced.link)).json()).toMatchObject({ state: 'open' })
    expect((await post(recent, graced.body)).statusCode).toBe(200)
  })
})
