import { beforeAll, describe, expect, it } from 'vitest'
import { alertBody, createAlert, sendAndWait } from '../../../test/helpers/alerts.ts'
import { travellerTo } from '../../../test/helpers/crises.ts'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { expectProblem } from '../../../test/helpers/http.ts'
import { interopFiles, readInterop } from '../../../test/helpers/interop.ts'
import { parseCapXml } from './cap/cap.xml.ts'

const { runtime, staff, call } = withDemoRuntime({ work: true })

function postCap(body: string | Buffer, type = 'application/cap+xml', cookie = staff.duty) {
  return runtime().app.inject({
    method: 'POST',
    url: '/api/v1/alerts/cap',
    headers: { cookie, 'content-type': type },
    payload: body,
  })
}

const VALID = interopFiles('cap').filter((f) => f.endsWith('.xml') && !f.includes('INVALID'))
const INVALID = interopFiles('cap').filter((f) => f.includes('INVALID'))

describe('POST /api/v1/alerts/cap with the real alerts of the interop corpus', () => {
  it.each(VALID)(
    'stores %s as a draft (or expired), and the same message again as the one held',
    async (file) => {
      const first = await postCap(readInterop('cap', file))
      expect(first.statusCode, first.body).toBe(201)
      const alert = first.json()
      expect(['draft', 'expired']).toContain(alert.status)
      expect(alert.origin).toBe('cap')
      expect(alert.safetyCheck).toBe(alert.msgType !== 'Cancel')
      if (alert.expiresAt && Date.parse(alert.expiresAt) < Date.now()) expect(alert.status).toBe('expired')
      const again = await postCap(readInterop('cap', file), 'application/xml')
      expect(again.statusCode, again.body).toBe(200)
      expect(again.json().id).toBe(alert.id)
    },
  )

  it.each(INVALID)('refuses %s with the reason', async (file) => {
    const res = await postCap(readInterop('cap', file))
    expect(res.statusCode).toBeGreaterThanOrEqual(400)
    expect(res.statusCode).toBeLessThan(500)
    expect(res.headers['content-type']).toMatch(/problem\+json/)
    expect(res.json().code).toMatch(/^cap\./)
  })

  it('keeps the geocodes of the Canadian alert and places its polygons in Canada', async () => {
    const file = VALID.find((f) => f.includes('canada')) as string
    const alert = (await postCap(readInterop('cap', file), 'application/xml')).json()
    expect(alert.countries).toContain('CA')
    expect(alert.references.length).toBe(2)
  })

  it('refuses hostile XML without resolving it, a JSON body, and garbage', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY x SYSTEM "file:///etc/passwd">]><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&x;</identifier></alert>`
    const refused = await postCap(xxe)
    expectProblem(refused, 400, 'cap.dtd_refused')
    expect(refused.body).not.toContain('root:')
    expectProblem(await postCap('not xml at all'), 400, 'cap.not_xml')
    const json = await call('POST', '/api/v1/alerts/cap', staff.duty, { identifier: 'x' })
    expect(json.statusCode).toBe(415)
    expectProblem(await postCap('<x/>', 'application/cap+xml', staff.operator), 403, 'auth.forbidden')
  })
})

describe('CAP XML and feeds in the OpenAPI document', () => {
  it('gives the CAP and feed routes a request body with its content types and schema', async () => {
    const doc = (await runtime().app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    const cap = doc.paths['/api/v1/alerts/cap'].post.requestBody
    expect(Object.keys(cap.content)).toEqual(['application/cap+xml', 'application/xml', 'text/xml'])
    expect(cap.content['application/cap+xml'].schema).toMatchObject({ type: 'string' })
    const feeds = doc.paths['/api/v1/alerts/feeds/{kind}'].post.requestBody
    expect(feeds.content['application/json'].schema).toMatchObject({
      type: 'object',
      required: ['type', 'features'],
    })
    expect(feeds.content['application/rss+xml'].schema).toMatchObject({ type: 'string' })
  })
})

describe('an Update whose references are empty', () => {
  it('is refused with cap.bad_references, as the docs promise', async () => {
    const xml = readInterop('cap', 'oasiscap_v1dot2_appendix_A3_earthquake_update_circle.xml')
      .toString('utf8')
      .replace(/<references>[^<]*<\/references>/, '<references/>')
    expect(xml).toContain('<references/>')
    const res = await postCap(xml)
    expectProblem(res, 422, 'cap.bad_references')
  })
})

describe('hazard feeds', () => {
  it('turns a USGS feed into drafts, skipping blasts and bad items, and holds them on the next poll', async () => {
    const body = readInterop('feeds', 'usgs_significant_week.geojson').toString('utf8')
    const res = await runtime().app.inject({
      method: 'POST',
      url: '/api/v1/alerts/feeds/usgs',
      headers: { cookie: staff.duty, 'content-type': 'application/json' },
      payload: body,
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().created.length).toBe(4)
    const again = await runtime().app.inject({
      method: 'POST',
      url: '/api/v1/alerts/feeds/usgs',
      headers: { cookie: staff.duty, 'content-type': 'application/json' },
      payload: body,
    })
    expect(again.json()).toMatchObject({ created: [], held: res.json().created })
  })

  it('turns the GDACS RSS into four drafts', async () => {
    const res = await runtime().app.inject({
      method: 'POST',
      url: '/api/v1/alerts/feeds/gdacs',
      headers: { cookie: staff.duty, 'content-type': 'application/rss+xml' },
      payload: readInterop('feeds', 'gdacs_rss_2019-12-30.xml'),
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().created.length + res.json().skipped.length).toBe(4)
    expect(res.json().created.length).toBeGreaterThanOrEqual(1)
  })
})

describe('feeds out', () => {
  let sentId: string
  let draftId: string
  beforeAll(async () => {
    await travellerTo(runtime().app, { lat: 35.68, lon: 139.76, country: 'JP' })
    sentId = (await createAlert(runtime().app, staff.duty)).id
    await sendAndWait(runtime().app, staff.duty, sentId)
    draftId = (await createAlert(runtime().app, staff.duty, alertBody({ info: { headline: 'Draft only' } })))
      .id
  })

  it('serves a sent public alert as CAP XML that reads back as the same alert, and hides drafts', async () => {
    const res = await runtime().app.inject({ method: 'GET', url: `/api/v1/alerts/${sentId}.cap` })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toContain('application/cap+xml')
    const cap = parseCapXml(res.body)
    const detail = (await call('GET', `/api/v1/alerts/${sentId}`, staff.duty)).json()
    expect(cap.identifier).toBe(detail.identifier)
    expect(cap.info.map((i) => i.language)).toEqual(['zh-CN', 'en'])
    expectProblem(
      await runtime().app.inject({ method: 'GET', url: `/api/v1/alerts/${draftId}.cap` }),
      404,
      'alert.not_found',
    )
    const staffRead = await call('GET', `/api/v1/alerts/${draftId}.cap`, staff.duty)
    expect(staffRead.statusCode).toBe(200)
  })

  it('takes an alert without expires out of the in-force list when its default window ends', async () => {
    const id = (await createAlert(runtime().app, staff.duty, alertBody({ info: { headline: 'Two days' } })))
      .id
    await sendAndWait(runtime().app, staff.duty, id)
    const inForce = async () =>
      (
        (await runtime().app.inject({ method: 'GET', url: '/api/v1/public/alerts?country=JP' })).json()
          .items as {
          id: string
        }[]
      ).map((a) => a.id)
    expect(await inForce()).toContain(id)
    // Took effect three days ago, no expires: in force for two days, so no longer.
    await runtime()
      .ctx.db.updateTable('alerts')
      .set({ effective_at: new Date(Date.now() - 3 * 86_400_000) })
      .where('id', '=', id)
      .execute()
    expect(await inForce()).not.toContain(id)
    expect(await inForce()).toContain(sentId)
  })

  it('dates an empty Atom feed at a fixed time, not 1970', async () => {
    const empty = await runtime().app.inject({ method: 'GET', url: '/api/v1/feeds/alerts/AQ.atom?lang=en' })
    expect(empty.statusCode).toBe(200)
    expect(empty.body).not.toContain('<entry>')
    expect(empty.body).toContain('<updated>2026-01-01T00:00:00Z</updated>')
    expect(empty.body).not.toContain('1970')
  })

  it('lists public alerts as Atom, globally and per country, and in force for the country page', async () => {
    const global = await runtime().app.inject({ method: 'GET', url: '/api/v1/feeds/alerts.atom?lang=en' })
    expect(global.statusCode).toBe(200)
    expect(global.body).toContain(`/api/v1/alerts/${sentId}.cap`)
    expect(global.body).not.toContain(draftId)
    const japan = await runtime().app.inject({ method: 'GET', url: '/api/v1/feeds/alerts/JP.atom' })
    expect(japan.body).toContain('东京发生强烈地震')
    const france = await runtime().app.inject({ method: 'GET', url: '/api/v1/feeds/alerts/FR.atom' })
    expect(france.body).not.toContain(sentId)
    const inForce = (
      await runtime().app.inject({ method: 'GET', url: '/api/v1/public/alerts?country=JP' })
    ).json()
    expect(inForce.items.map((a: { id: string }) => a.id)).toContain(sentId)
  })
})
