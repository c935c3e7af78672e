import { beforeAll, describe, expect, it } from 'vitest'
import { alertBody, createAlert, sendAndWait, TOKYO_CAP_POLYGON } from '../../../test/helpers/alerts.ts'
import { travellerTo } from '../../../test/helpers/crises.ts'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { expectProblem, registerCitizen, type Session } from '../../../test/helpers/http.ts'

const { runtime, staff, call } = withDemoRuntime({ work: true })
const TOKYO = { lat: 35.68, lon: 139.76, country: 'JP' }
const OSAKA = { lat: 34.69, lon: 135.5, country: 'JP' }
const PARIS = { lat: 48.86, lon: 2.35, country: 'FR' }

let inside: Session
let osaka: Session
let follower: Session
let paris: Session
beforeAll(async () => {
  inside = await travellerTo(runtime().app, TOKYO)
  osaka = await travellerTo(runtime().app, OSAKA)
  paris = await travellerTo(runtime().app, PARIS)
  follower = await registerCitizen(runtime().app)
  expect(
    (await call('POST', '/api/v1/me/subscriptions', follower.cookie, { country: 'JP' })).statusCode,
  ).toBe(201)
})

describe('POST /api/v1/alerts', () => {
  it('drafts an alert with its reach: people inside the polygon, and subscribers of the country', async () => {
    const res = await call('POST', '/api/v1/alerts', staff.duty, alertBody())
    expect(res.statusCode, res.body).toBe(201)
    const alert = res.json()
    expect(alert.reach, JSON.stringify(alert)).toBeTruthy()
    expect(alert).toMatchObject({
      status: 'draft',
      countries: ['JP'],
      severity: 'Moderate',
      safetyCheck: true,
    })
    expect(alert.reach.people, JSON.stringify(alert.reach)).toBeGreaterThanOrEqual(1)
    expect(alert.reach.subscribers, JSON.stringify(alert.reach)).toBeGreaterThanOrEqual(1)
    expect(alert.area).toMatchObject({ type: 'Polygon' })
    expect(alert.sender).toBe('lingshi@consular.mfa')
    expect(alert.titles).toEqual({
      'zh-CN': { event: '地震', headline: '东京发生强烈地震' },
      en: { event: 'Earthquake', headline: 'Strong earthquake in Tokyo' },
    })
  })

  it('returns the alert already held for the same sender, identifier and sent', async () => {
    const body = alertBody({
      identifier: 'jma-2026-001',
      sender: 'jma.go.jp',
      sent: '2026-11-25T10:00:00+09:00',
    })
    const first = await call('POST', '/api/v1/alerts', staff.duty, body)
    expect(first.statusCode, first.body).toBe(201)
    const again = await call('POST', '/api/v1/alerts', staff.duty, {
      ...body,
      sent: '2026-11-25T01:00:00+00:00',
    })
    expect(again.statusCode, again.body).toBe(200)
    expect(again.json().id).toBe(first.json().id)
  })

  it('refuses a polygon that does not close, a circle with no radius, and a bad severity', async () => {
    const open = alertBody({ area: { areaDesc: 'x', polygon: ['35,139 35,140 36,140 36,139'] } })
    expectProblem(await call('POST', '/api/v1/alerts', staff.duty, open), 400, 'cap.bad_polygon')
    const circle = alertBody({ area: { areaDesc: 'x', circle: ['35.6,139.7'] } })
    expectProblem(await call('POST', '/api/v1/alerts', staff.duty, circle), 400, 'cap.bad_circle')
    const severity = alertBody({ info: { severity: 'Apocalyptic' } })
    const bad = await call('POST', '/api/v1/alerts', staff.duty, severity)
    expect(bad.statusCode).toBe(400)
    expect((await call('GET', '/api/v1/alerts?limit=200', staff.duty)).statusCode).toBe(200)
  })

  it('refuses unknown fields and wrong types, at the top and inside the CAP', async () => {
    const post = (body: object) => call('POST', '/api/v1/alerts', staff.duty, body)
    expectProblem(await post({ ...alertBody(), urgent: true }), 400, 'validation.failed')
    expectProblem(await post(alertBody({ info: { colour: 'red' } })), 400, 'validation.failed')
    const area = { areaDesc: 'Tokyo', polygon: [TOKYO_CAP_POLYGON], radius: 5 }
    expectProblem(await post(alertBody({ area })), 400, 'validation.failed')
    expectProblem(await post({ ...alertBody(), safetyCheck: 'yes' }), 400, 'validation.failed')
    expectProblem(
      await post({ ...alertBody(), references: [{ sender: 'a', identifier: 'b' }] }),
      400,
      'validation.failed',
    )
  })

  it('takes a circle of radius 0 as a point, and an ISO 3166 geocode as the whole country', async () => {
    const point = await createAlert(
      runtime().app,
      staff.duty,
      alertBody({ area: { areaDesc: 'Shinjuku', circle: ['35.69,139.70 0'] } }),
    )
    expect(point.status).toBe('draft')
    const country = await createAlert(
      runtime().app,
      staff.duty,
      alertBody({ area: { areaDesc: 'Japan', geocode: [{ valueName: 'ISO 3166-1 alpha-2', value: 'JP' }] } }),
    )
    expect(country.reach.people).toBeGreaterThanOrEqual(2)
    const region = await call(
      'POST',
      '/api/v1/alerts',
      staff.duty,
      alertBody({ area: { areaDesc: 'Hokkaido', geocode: [{ valueName: 'ISO3166-2', value: 'JP-01' }] } }),
    )
    expect(region.statusCode, region.body).toBe(201)
    expect(region.json()).toMatchObject({ unplaced: ['Hokkaido', 'ISO 3166-2 JP-01'], reach: { people: 0 } })
  })

  it('reads a polygon over the antimeridian the short way: Fiji reaches Suva, not Bolivia', async () => {
    const suva = await travellerTo(runtime().app, { lat: -18.14, lon: 178.44, country: 'FJ' })
    const laPaz = await travellerTo(runtime().app, { lat: -16.5, lon: -68.15, country: 'BO' })
    const fiji = '-15.5,176.8 -15.5,-179.5 -19.5,-179.5 -19.5,176.8 -15.5,176.8'
    const alert = await createAlert(
      runtime().app,
      staff.duty,
      alertBody({ area: { areaDesc: 'Fiji', polygon: [fiji] } }),
    )
    const detail = (await call('GET', `/api/v1/alerts/${alert.id}`, staff.duty)).json()
    expect(detail.countries).toEqual(['FJ'])
    expect(detail.area.type).toBe('MultiPolygon')
    expect(alert.reach.people).toBeGreaterThanOrEqual(1)
    await sendAndWait(runtime().app, staff.duty, alert.id)
    const mine = async (s: Session) =>
      ((await call('GET', '/api/v1/me/alerts', s.cookie)).json().items as { id: string }[]).map((a) => a.id)
    expect(await mine(suva)).toContain(alert.id)
    expect(await mine(laPaz)).not.toContain(alert.id)
  })

  it('lets an officer draft only within the missions’ countries', async () => {
    expectProblem(
      await call('POST', '/api/v1/alerts', staff.officerParis, alertBody()),
      403,
      'alert.outside_jurisdiction',
    )
    expectProblem(await call('POST', '/api/v1/alerts', inside.cookie, alertBody()), 403, 'auth.forbidden')
    expectProblem(await call('POST', '/api/v1/alerts', undefined, alertBody()), 401, 'auth.unauthenticated')
    const mine = await createAlert(runtime().app, staff.officerTokyo)
    expectProblem(await call('GET', `/api/v1/alerts/${mine.id}`, staff.officerParis), 404, 'alert.not_found')
  })

  it('stores an alert already past its expiry as expired and never sends it', async () => {
    const old = await createAlert(
      runtime().app,
      staff.duty,
      alertBody({ info: { expires: '2020-01-01T00:00:00+00:00' }, sent: '2019-12-31T00:00:00+00:00' }),
    )
    expect(old.status).toBe('expired')
    expectProblem(await call('POST', `/api/v1/alerts/${old.id}/send`, staff.duty), 409, 'alert.expired')
  })
})

describe('sending and answering', () => {
  let alertId: string
  beforeAll(async () => {
    alertId = (await createAlert(runtime().app, staff.duty)).id
    await sendAndWait(runtime().app, staff.duty, alertId)
  })

  it('reaches the people inside and the subscribers, each once, and nobody else', async () => {
    const stats = (await call('GET', `/api/v1/alerts/${alertId}/stats`, staff.duty)).json()
    expect(stats.recipients).toBeGreaterThanOrEqual(2)
    expect(stats.delivered).toBe(stats.recipients)
    expect(stats).toMatchObject({ failed: 0, answers: { safe: 0, need_help: 0, not_in_area: 0 } })
    expect(stats.unanswered).toBe(stats.recipients)
    const mine = (await call('GET', '/api/v1/me/alerts', inside.cookie)).json().items
    expect(mine).toContainEqual(
      expect.objectContaining({
        id: alertId,
        inArea: true,
        answer: null,
        headline: expect.objectContaining({ 'zh-CN': '东京发生强烈地震' }),
      }),
    )
    const theirs = (await call('GET', '/api/v1/me/alerts', follower.cookie)).json().items
    expect(theirs).toContainEqual(expect.objectContaining({ id: alertId, inArea: false }))
    for (const s of [osaka, paris]) {
      const items = (await call('GET', '/api/v1/me/alerts', s.cookie)).json().items as { id: string }[]
      expect(items.map((i) => i.id)).not.toContain(alertId)
    }
    const inbox = (await call('GET', '/api/v1/me/inbox', inside.cookie)).json()
    expect(JSON.stringify(inbox)).toContain('东京发生强烈地震')
    expectProblem(await call('POST', `/api/v1/alerts/${alertId}/send`, staff.duty), 409, 'alert.already_sent')
  })

  it('records answers, opens a P1 help request for need_help, and counts them', async () => {
    const safe = await call('POST', `/api/v1/me/alerts/${alertId}/answer`, inside.cookie, { answer: 'safe' })
    expect(safe.statusCode, safe.body).toBe(200)
    const help = await call('POST', `/api/v1/me/alerts/${alertId}/answer`, follower.cookie, {
      answer: 'need_help',
    })
    expect(help.statusCode, help.body).toBe(200)
    expect(help.json().contactId).toEqual(expect.any(String))
    const again = await call('POST', `/api/v1/me/alerts/${alertId}/answer`, follower.cookie, {
      answer: 'need_help',
    })
    expect(again.json().contactId).toBe(help.json().contactId)
    expectProblem(
      await call('POST', `/api/v1/me/alerts/${alertId}/answer`, osaka.cookie, { answer: 'safe' }),
      404,
      'alert.not_recipient',
    )
    const bad = await call('POST', `/api/v1/me/alerts/${alertId}/answer`, inside.cookie, { answer: 'maybe' })
    expect(bad.statusCode).toBe(400)
    expectProblem(
      await call('POST', `/api/v1/me/alerts/${alertId}/answer`, inside.cookie, { answer: 'safe', note: 'x' }),
      400,
      'validation.failed',
    )
    const stats = (await call('GET', `/api/v1/alerts/${alertId}/stats`, staff.duty)).json()
    expect(stats.answers).toEqual({ safe: 1, need_help: 1, not_in_area: 0 })
    expect(stats.unanswered).toBe(stats.recipients - 2)
    const contacts = await call('GET', '/api/v1/contacts?open=true', staff.operator)
    expect(contacts.body).toContain(help.json().contactId)
  })

  it('lists the unanswered for the hotline, as JSON and CSV, and audits the read', async () => {
    const list = await call('GET', `/api/v1/alerts/${alertId}/recipients?answer=unanswered`, staff.operator)
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().items.every((r: { answer: string | null }) => r.answer === null)).toBe(true)
    const csv = await call('GET', `/api/v1/alerts/${alertId}/recipients.csv?answer=safe`, staff.operator)
    expect(csv.statusCode).toBe(200)
    expect(csv.body.split('\n')[1]).toContain('陈静')
    const audit = await call('GET', `/api/v1/audit?subjectType=alert&subjectId=${alertId}`, staff.admin)
    expect(audit.body).toContain('alert.recipients_read')
    const map = (await call('GET', `/api/v1/alerts/${alertId}/map`, staff.duty)).json()
    expect(map.cells.reduce((n: number, c: { safe: number }) => n + c.safe, 0)).toBe(1)
  })
})

describe('approval, updates and cancellations', () => {
  it('holds an officer’s severe alert for a duty officer’s approval', async () => {
    const alert = await createAlert(
      runtime().app,
      staff.officerTokyo,
      alertBody({ info: { severity: 'Severe' } }),
    )
    const submitted = await call('POST', `/api/v1/alerts/${alert.id}/send`, staff.officerTokyo)
    expect(submitted.json()).toMatchObject({ status: 'pending_approval', approval: { required: true } })
    expectProblem(
      await call('POST', `/api/v1/alerts/${alert.id}/send`, staff.officerTokyo),
      403,
      'alert.approval_required',
    )
    await sendAndWait(runtime().app, staff.duty, alert.id)
    const detail = (await call('GET', `/api/v1/alerts/${alert.id}`, staff.duty)).json()
    expect(detail.approval.approvedBy).toEqual(expect.any(String))
  })

  it('threads an Update and a Cancel to the original, even one that arrives before it; a Cancel reaches the same people', async () => {
    const original = { identifier: 'jma-quake-7', sender: 'jma.go.jp', sent: '2026-11-25T09:00:00+09:00' }
    const ref = [{ sender: original.sender, identifier: original.identifier, sent: original.sent }]
    const early = await createAlert(
      runtime().app,
      staff.duty,
      alertBody({
        identifier: 'jma-quake-7-u',
        sender: 'jma.go.jp',
        sent: '2026-11-25T09:30:00+09:00',
        msgType: 'Update',
        references: ref,
      }),
    )
    const first = await createAlert(runtime().app, staff.duty, alertBody(original))
    const update = (await call('GET', `/api/v1/alerts/${early.id}`, staff.duty)).json()
    expect(update.originalId).toBe(first.id)
    await sendAndWait(runtime().app, staff.duty, first.id)
    const cancel = await createAlert(runtime().app, staff.duty, {
      identifier: 'jma-quake-7-c',
      sender: 'jma.go.jp',
      sent: '2026-11-25T11:00:00+09:00',
      status: 'Actual',
      msgType: 'Cancel',
      scope: 'Public',
      references: ref,
    })
    await sendAndWait(runtime().app, staff.duty, cancel.id)
    const after = (await call('GET', `/api/v1/alerts/${first.id}`, staff.duty)).json()
    expect(after.status).toBe('cancelled')
    expect(after.thread.map((t: { id: string }) => t.id)).toEqual([first.id, early.id, cancel.id])
    const stats = (await call('GET', `/api/v1/alerts/${cancel.id}/stats`, staff.duty)).json()
    const original_ = (await call('GET', `/api/v1/alerts/${first.id}/stats`, staff.duty)).json()
    expect(stats.recipients).toBe(original_.recipients)
    expect(stats.unanswered).toBe(0)
  })
})
