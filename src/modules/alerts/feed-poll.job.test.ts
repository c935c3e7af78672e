import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readInterop } from '../../../test/helpers/interop.ts'
import { startTestRuntime, type TestRuntime } from '../../../test/helpers/test-runtime.ts'
import { pollFeeds } from './feed-poll.job.ts'

let server: http.Server
let base = ''
let rt: TestRuntime

const ROUTES: Record<string, () => [number, string, Buffer | string]> = {
  '/usgs.geojson': () => [200, 'application/geo+json', readInterop('feeds', 'usgs_significant_week.geojson')],
  '/gdacs.xml': () => [200, 'application/rss+xml', readInterop('feeds', 'gdacs_rss_2019-12-30.xml')],
  '/a2.xml': () => [
    200,
    'application/cap+xml',
    readInterop('cap', 'oasiscap_v1dot2_appendix_A2_thunderstorm_polygon.xml'),
  ],
  '/a3.xml': () => [
    200,
    'application/cap+xml',
    readInterop('cap', 'oasiscap_v1dot2_appendix_A3_earthquake_update_circle.xml'),
  ],
  '/bad.xml': () => [
    200,
    'application/cap+xml',
    readInterop('cap', 'googlecaplib_INVALID_missing_scope.xml'),
  ],
  '/index.atom': () => [
    200,
    'application/atom+xml',
    `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><id>1</id><link rel="alternate" type="application/cap+xml" href="/a3.xml"/></entry>
      <entry><id>2</id><link rel="alternate" type="application/cap+xml" href="/bad.xml"/></entry></feed>`,
  ],
  '/down': () => [503, 'text/plain', 'down for maintenance'],
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const route = ROUTES[req.url ?? '']
    const [status, type, body] = route ? route() : [404, 'text/plain', 'no']
    res.writeHead(status, { 'content-type': type }).end(body)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const feeds = [
    `usgs=${base}/usgs.geojson`,
    `gdacs=${base}/gdacs.xml`,
    `cap=${base}/a2.xml`,
    `cap=${base}/index.atom`,
    `cap=${base}/down`,
  ]
  rt = await startTestRuntime({ env: { ALERT_FEEDS: feeds.join(','), ALERT_FEED_MIN_MAGNITUDE: '0' } })
})
afterAll(async () => {
  await rt?.close()
  server?.close()
})

describe('polling the configured hazard feeds', () => {
  it('turns each feed into draft alerts, records how each poll went, and holds them on the next poll', async () => {
    await pollFeeds(rt.ctx)
    const polls = await rt.ctx.db.selectFrom('alert_feed_polls').selectAll().orderBy('url').execute()
    const by = (path: string) => polls.find((p) => p.url === `${base}${path}`)
    expect(by('/usgs.geojson')).toMatchObject({ kind: 'usgs', created: 4, last_error: null })
    expect(by('/gdacs.xml')?.created).toBeGreaterThanOrEqual(1)
    expect(by('/a2.xml')).toMatchObject({ created: 1, skipped: 0 })
    expect(by('/index.atom')).toMatchObject({ created: 1, skipped: 1 })
    expect(by('/down')).toMatchObject({ last_error: 'HTTP 503', last_ok_at: null })
    const drafts = await rt.ctx.db.selectFrom('alerts').select(['origin', 'status']).execute()
    expect(drafts.every((a) => a.status === 'draft' || a.status === 'expired')).toBe(true)
    expect(new Set(drafts.map((a) => a.origin))).toEqual(new Set(['usgs', 'gdacs', 'cap']))

    await pollFeeds(rt.ctx)
    const again = await rt.ctx.db
      .selectFrom('alert_feed_polls')
      .selectAll()
      .where('url', '=', `${base}/a2.xml`)
      .executeTakeFirst()
    expect(again).toMatchObject({ created: 0, held: 1 })
    expect((await rt.ctx.db.selectFrom('alerts').select('id').execute()).length).toBe(drafts.length)
  })
})
