import { describe, expect, it } from 'vitest'
import { withDemoRuntime } from '../../../test/helpers/demo-runtime.ts'
import { dayFromToday, expectProblem, registerCitizen } from '../../../test/helpers/http.ts'

const { runtime, staff, call } = withDemoRuntime()
const day = dayFromToday

const box = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
})
const tokyoBay = box(139.5, 35.3, 140.2, 35.9)
const draft = {
  name: { 'zh-CN': '东京湾', en: 'Tokyo Bay' },
  level: 3,
  summary: {
    'zh-CN': '东京湾沿岸发生洪水，暂勿前往。',
    en: 'Flooding around Tokyo Bay: do not travel for now.',
  },
  advice: { en: { safety: 'Stay on high ground.' } },
  area: tokyoBay,
}
const regionUrl = '/api/v1/advisories/JP/regions/tokyo-bay'

async function inboxOf(cookie: string) {
  return (await call('GET', '/api/v1/me/inbox', cookie)).json() as Array<{
    kind: string
    country: string | null
    about: { type: string; id: string } | null
    title: string
    body: string
  }>
}

describe('region advisories: drafting', () => {
  it('lets only officers of the country and staff.duty officers draft, and refuses bad regions with stable codes', async () => {
    const citizen = await registerCitizen(runtime().app)
    expectProblem(await call('PUT', regionUrl, undefined, draft), 401, 'auth.unauthenticated')
    expectProblem(await call('PUT', regionUrl, citizen.cookie, draft), 403, 'auth.forbidden')
    expectProblem(await call('PUT', regionUrl, staff.officerParis, draft), 403, 'advisory.out_of_scope')
    expectProblem(await call('GET', `${regionUrl}/draft`, staff.officerParis), 403, 'advisory.out_of_scope')
    expectProblem(
      await call('PUT', '/api/v1/advisories/QQ/regions/x', staff.duty, draft),
      404,
      'reference.unknown_country',
    )

    const bad: Array<[string, object, string]> = [
      [regionUrl, { ...draft, level: 4 }, 'validation.failed'],
      [regionUrl, { ...draft, name: { en: 'Tokyo Bay' } }, 'validation.failed'],
      [regionUrl, { ...draft, area: { type: 'Point', coordinates: [139.7, 35.6] } }, 'validation.failed'],
      [
        regionUrl,
        { ...draft, area: { type: 'Polygon', coordinates: [tokyoBay.coordinates[0]?.slice(0, 4)] } },
        'validation.failed',
      ],
      ['/api/v1/advisories/JP/regions/tokyo_bay', draft, 'validation.failed'],
      ['/api/v1/advisories/JP/regions/TH-90', draft, 'advisory.region_code_mismatch'],
      [regionUrl, { ...draft, area: undefined }, 'advisory.region_area_required'],
      [regionUrl, { ...draft, area: box(2, 48.5, 2.7, 49) }, 'advisory.region_outside_country'],
      [
        regionUrl,
        {
          ...draft,
          area: {
            type: 'Polygon',
            coordinates: [
              [
                [139.5, 35.3],
                [140.2, 35.9],
                [140.2, 35.3],
                [139.5, 35.9],
                [139.5, 35.3],
              ],
            ],
          },
        },
        'advisory.region_invalid_area',
      ],
    ]
    for (const [url, body, code] of bad)
      expectProblem(await call('PUT', url, staff.officerTokyo, body), 400, code)
    expectProblem(await call('GET', `${regionUrl}/draft`, staff.officerTokyo), 404, 'advisory.no_draft')

    const saved = await call('PUT', regionUrl, staff.officerTokyo, draft)
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json()).toMatchObject({
      country: 'JP',
      id: 'tokyo-bay',
      code: null,
      name: draft.name,
      level: 3,
      area: { type: 'MultiPolygon' },
    })
    const again = await call('PUT', '/api/v1/advisories/jp/regions/Tokyo-Bay', staff.officerTokyo, {
      ...draft,
      level: 2,
    })
    expect(again.json()).toMatchObject({ id: 'tokyo-bay', level: 2 })
    const drafts = await runtime()
      .ctx.db.selectFrom('advisory_region_versions')
      .select('id')
      .where('region_key', '=', 'tokyo-bay')
      .execute()
    expect(drafts).toHaveLength(1)
    expect((await call('PUT', regionUrl, staff.officerTokyo, draft)).json().level).toBe(3)

    expectProblem(await call('POST', `${regionUrl}/publish`, staff.officerTokyo), 403, 'auth.forbidden')
    expectProblem(await call('DELETE', regionUrl, staff.officerTokyo), 403, 'auth.forbidden')
    expectProblem(
      await call('POST', '/api/v1/advisories/JP/regions/nowhere/publish', staff.duty),
      404,
      'advisory.no_draft',
    )
    expectProblem(await call('GET', regionUrl), 404, 'advisory.region_not_found')
    expect((await call('GET', '/api/v1/advisories/JP')).json().regions).toEqual([])
  })
})

describe('region advisories: publishing', () => {
  it('tells subscribers of the country and the people inside the region, not others in the country', async () => {
    const inside = await registerCitizen(runtime().app, { locale: 'en' })
    await call('POST', '/api/v1/me/trips', inside.cookie, {
      destinations: [{ country: 'JP', city: 'Tokyo', lat: 35.68, lon: 139.76 }],
      startDate: day(2),
      endDate: day(9),
    })
    const here = await registerCitizen(runtime().app, { locale: 'zh-CN' })
    await call('PUT', '/api/v1/me/location', here.cookie, { lat: 35.45, lon: 139.64 })
    const outside = await registerCitizen(runtime().app)
    await call('POST', '/api/v1/me/trips', outside.cookie, {
      destinations: [{ country: 'JP', city: 'Osaka', lat: 34.69, lon: 135.5 }],
      startDate: day(2),
      endDate: day(9),
    })
    const noPoint = await registerCitizen(runtime().app)
    await call('POST', '/api/v1/me/trips', noPoint.cookie, {
      destinations: [{ country: 'JP' }],
      startDate: day(2),
      endDate: day(9),
    })
    const subscriber = await registerCitizen(runtime().app, { locale: 'en' })
    await call('POST', '/api/v1/me/subscriptions', subscriber.cookie, { country: 'JP' })

    await call('PUT', regionUrl, staff.officerTokyo, draft)
    const published = await call('POST', `${regionUrl}/publish`, staff.duty)
    expect(published.statusCode, published.body).toBe(200)
    expect(published.json()).toMatchObject({
      id: 'tokyo-bay',
      country: 'JP',
      level: 3,
      version: 1,
      retired: false,
      peers: { us: { level: 4 } },
      history: [{ version: 1, level: 3, retired: false }],
      notified: 3,
    })

    const inInbox = await inboxOf(inside.cookie)
    expect(inInbox[0]).toMatchObject({
      kind: 'advisory.region_published',
      country: 'JP',
      about: { type: 'region', id: 'JP/tokyo-bay' },
      body: draft.summary.en,
    })
    expect(inInbox[0]?.title).toContain('Tokyo Bay')
    expect((await inboxOf(here.cookie))[0]?.title).toContain('东京湾')
    expect((await inboxOf(subscriber.cookie))[0]).toMatchObject({ kind: 'advisory.region_published' })
    expect(await inboxOf(outside.cookie)).toEqual([])
    expect(await inboxOf(noPoint.cookie)).toEqual([])

    const country = (await call('GET', '/api/v1/advisories/JP')).json()
    expect(country).toMatchObject({ level: null, peers: null, maxRegionLevel: 3 })
    expect(country.regions).toEqual([
      expect.objectContaining({ id: 'tokyo-bay', code: null, level: 3, name: draft.name, version: 1 }),
    ])
    const list = (await call('GET', '/api/v1/advisories')).json() as Array<{
      country: string
      maxRegionLevel: number | null
    }>
    expect(list.find((a) => a.country === 'JP')?.maxRegionLevel).toBe(3)
    expect(list.find((a) => a.country === 'FR')?.maxRegionLevel).toBeNull()
    const detail = (await call('GET', regionUrl)).json()
    expect(detail).toMatchObject({ advice: draft.advice, area: { type: 'MultiPolygon' } })

    const feed = await call('GET', '/api/v1/feeds/advisories.atom?lang=en')
    expect(feed.body).toContain('Japan, Tokyo Bay: level 3')
    expect(feed.body).toContain('/advisories/JP/regions/tokyo-bay')
    expectProblem(await call('POST', `${regionUrl}/publish`, staff.duty), 404, 'advisory.no_draft')
  })

  it('publishes a subdivision without an area to subscribers only, and retires it as a published change', async () => {
    const subscriber = await registerCitizen(runtime().app, { locale: 'en' })
    await call('POST', '/api/v1/me/subscriptions', subscriber.cookie, { country: 'JP' })
    const inTokyo = await registerCitizen(runtime().app)
    await call('POST', '/api/v1/me/trips', inTokyo.cookie, {
      destinations: [{ country: 'JP', lat: 35.68, lon: 139.76 }],
      startDate: day(0),
      endDate: day(3),
    })
    const url = '/api/v1/advisories/JP/regions/jp-47'
    const saved = await call('PUT', url, staff.duty, {
      name: { 'zh-CN': '冲绳县', en: 'Okinawa' },
      level: 1,
      summary: { 'zh-CN': '台风季节，注意安全。', en: 'Typhoon season: pay attention to safety.' },
    })
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json()).toMatchObject({ id: 'JP-47', code: 'JP-47', area: null })
    const subscribers = await runtime()
      .ctx.db.selectFrom('subscriptions')
      .select('user_id')
      .where('country', '=', 'JP')
      .execute()
    const published = await call('POST', `${url}/publish`, staff.duty)
    expect(published.json()).toMatchObject({ code: 'JP-47', level: 1, notified: subscribers.length })
    expect((await inboxOf(subscriber.cookie))[0]).toMatchObject({ about: { type: 'region', id: 'JP/JP-47' } })
    expect(await inboxOf(inTokyo.cookie)).toEqual([])

    const regions = (await call('GET', '/api/v1/advisories/JP')).json().regions as Array<{ id: string }>
    expect(regions.map((r) => r.id).sort()).toEqual(['JP-47', 'tokyo-bay'])

    expectProblem(await call('DELETE', url, staff.officerParis), 403, 'auth.forbidden')
    expectProblem(await call('DELETE', url), 401, 'auth.unauthenticated')
    const retired = await call('DELETE', url, staff.duty)
    expect(retired.statusCode, retired.body).toBe(200)
    expect(retired.json()).toMatchObject({
      retired: true,
      version: 2,
      notified: subscribers.length,
      history: [
        { version: 2, retired: true },
        { version: 1, retired: false },
      ],
    })
    expect((await inboxOf(subscriber.cookie))[0]).toMatchObject({
      kind: 'advisory.region_retired',
      about: { type: 'region', id: 'JP/JP-47' },
    })
    expectProblem(await call('DELETE', url, staff.duty), 404, 'advisory.region_not_found')
    expectProblem(
      await call('DELETE', '/api/v1/advisories/JP/regions/nowhere', staff.duty),
      404,
      'advisory.region_not_found',
    )
    const after = (await call('GET', '/api/v1/advisories/JP')).json()
    expect(after.regions.map((r: { id: string }) => r.id)).toEqual(['tokyo-bay'])
    expect((await call('GET', url)).json()).toMatchObject({ retired: true })
    const feed = await call('GET', '/api/v1/feeds/advisories.atom?lang=en')
    expect(feed.body).toContain('Japan, Okinawa: regional advisory lifted')
  })

  it('retires a drawn region to the people inside it, and the map level falls back', async () => {
    const inside = await registerCitizen(runtime().app)
    await call('PUT', '/api/v1/me/residence', inside.cookie, {
      country: 'JP',
      city: 'Chiba',
      lat: 35.6,
      lon: 140.1,
    })
    const retired = await call('DELETE', regionUrl, staff.duty)
    expect(retired.statusCode, retired.body).toBe(200)
    expect((await inboxOf(inside.cookie))[0]).toMatchObject({ kind: 'advisory.region_retired' })
    const list = (await call('GET', '/api/v1/advisories')).json() as Array<{
      country: string
      maxRegionLevel: number | null
    }>
    expect(list.find((a) => a.country === 'JP')?.maxRegionLevel).toBeNull()
    const audit = await runtime()
      .ctx.db.selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'region')
      .where('subject_id', '=', 'JP/tokyo-bay')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'advisory.region_drafted',
        'advisory.region_published',
        'advisory.region_retired',
      ]),
    )
  })
})
