import { describe, expect, it } from 'vitest'
import { interopFiles, readInterop } from '../../../../test/helpers/interop.ts'
import { AppError } from '../../../platform/errors/app-error.ts'
import type { CapAlert } from '../cap/cap.model.ts'
import { toCapXml } from '../cap/cap.write.ts'
import { parseCapXml } from '../cap/cap.xml.ts'
import { capXmlSchemaProblems } from '../cap/cap.xsd.ts'
import { earthquakeRadiusKm } from './earthquake.ts'
import { parseUsgsFeed } from './usgs.ts'

/** The verdicts of /work/shared/interop/README.md: alerts kept, in all and at magnitude 2.5 or more. */
const FEEDS: Record<string, { alerts: number; skipped: number; atLeast25: number }> = {
  'usgs_all_day_2016-11-03.geojson': { alerts: 143, skipped: 8, atLeast25: 16 },
  'usgs_all_hour_2017-12-03.geojson': { alerts: 8, skipped: 0, atLeast25: 1 },
  'usgs_clientfixture_earthquakes-1_synthetic.json': { alerts: 3, skipped: 0, atLeast25: 1 },
  'usgs_clientfixture_earthquakes-2_empty.json': { alerts: 0, skipped: 0, atLeast25: 0 },
  'usgs_significant_week.geojson': { alerts: 4, skipped: 0, atLeast25: 4 },
}

const param = (alert: CapAlert | undefined, name: string) =>
  alert?.info[0]?.parameter.find((p) => p.valueName === name)?.value

const byEvent = (alerts: CapAlert[], id: string) => alerts.find((a) => a.incidents === id)

const feature = (id: string | undefined, coordinates: unknown, extra: Record<string, unknown> = {}) => ({
  type: 'Feature',
  ...(id === undefined ? {} : { id }),
  geometry: { type: 'Point', coordinates },
  properties: { mag: 4.2, place: 'Somewhere', time: 1_700_000_000_000, updated: 1_700_000_100_000, ...extra },
})

describe('parseUsgsFeed on the interop corpus', () => {
  it('has a verdict for every USGS file in the corpus', () => {
    expect(interopFiles('feeds').filter((f) => f.startsWith('usgs_'))).toEqual(Object.keys(FEEDS).sort())
  })

  for (const [file, want] of Object.entries(FEEDS)) {
    it(`reads ${file}`, () => {
      const all = parseUsgsFeed(readInterop('feeds', file))
      expect({ alerts: all.alerts.length, skipped: all.skipped.length }).toEqual({
        alerts: want.alerts,
        skipped: want.skipped,
      })
      const large = parseUsgsFeed(readInterop('feeds', file).toString('utf8'), { minMagnitude: 2.5 })
      expect(large.alerts).toHaveLength(want.atLeast25)
      for (const alert of all.alerts.slice(0, 20)) {
        const xml = toCapXml(alert)
        expect(capXmlSchemaProblems(xml)).toEqual([])
        expect(parseCapXml(xml)).toEqual(alert)
      }
    })
  }

  it('leaves out quarry blasts and explosions, saying why', () => {
    const { skipped } = parseUsgsFeed(readInterop('feeds', 'usgs_all_day_2016-11-03.geojson'))
    expect(skipped.filter((s) => s.reason.includes('"quarry blast"'))).toHaveLength(5)
    expect(skipped.filter((s) => s.reason.includes('"explosion"'))).toHaveLength(3)
  })

  it('keeps negative magnitudes and depths, and the tsunami flag', () => {
    const { alerts } = parseUsgsFeed(readInterop('feeds', 'usgs_all_day_2016-11-03.geojson'))
    const tiny = byEvent(alerts, 'nc72719920')
    expect(param(tiny, 'magnitude')).toBe('-0.38')
    expect(tiny?.info[0]?.severity).toBe('Minor')
    expect(alerts.filter((a) => Number(param(a, 'depthKm')) < 0)).toHaveLength(8)
    expect(param(byEvent(alerts, 'us100073yc'), 'tsunamiFlag')).toBe('1')
  })

  it('reads the synthetic client fixture: mag null, no status, minimal metadata', () => {
    const feed = readInterop('feeds', 'usgs_clientfixture_earthquakes-1_synthetic.json')
    const { alerts } = parseUsgsFeed(feed)
    const unknown = byEvent(alerts, '3456')
    expect(unknown?.info[0]?.severity).toBe('Unknown')
    expect(param(unknown, 'magnitude')).toBeUndefined()
    expect(parseUsgsFeed(feed, { minMagnitude: 2.5 }).alerts.map((a) => a.incidents)).toEqual(['1234'])
  })

  it('turns an event into a CAP alert a person can act on', () => {
    const { alerts } = parseUsgsFeed(readInterop('feeds', 'usgs_significant_week.geojson'))
    const fais = byEvent(alerts, 'us2000c1zn')
    expect(fais).toMatchObject({
      identifier: 'us2000c1zn-1512746163040',
      sender: 'usgs.gov',
      sent: '2017-12-08T15:16:03-00:00',
      msgType: 'Alert',
    })
    expect(fais?.info[0]).toMatchObject({
      event: 'Earthquake',
      category: ['Geo'],
      urgency: 'Past',
      severity: 'Minor',
      headline: 'M 6.4 - 50km WNW of Fais, Micronesia',
      web: 'https://earthquake.usgs.gov/earthquakes/eventpage/us2000c1zn',
      onset: '2017-12-08T09:51:10-00:00',
    })
    expect(fais?.info[0]?.area[0]).toMatchObject({
      areaDesc: '50km WNW of Fais, Micronesia',
      circle: ['10.009,140.1315 158'],
    })
    expect(param(fais, 'pagerAlert')).toBe('green')
    expect(param(fais, 'depthKm')).toBe('20.27')
  })

  it('gives the same identifiers when the same feed is read again', () => {
    const feed = readInterop('feeds', 'usgs_all_hour_2017-12-03.geojson')
    expect(parseUsgsFeed(feed).alerts.map((a) => a.identifier)).toEqual(
      parseUsgsFeed(feed).alerts.map((a) => a.identifier),
    )
  })
})

describe('parseUsgsFeed on broken items', () => {
  it('skips items with bad coordinates or no event, and keeps the rest', () => {
    const features = [
      feature('good', [139.7, 35.7, 10]),
      feature('north-of-pole', [10, 95, 5]),
      feature('words', ['east', 'north', 1]),
      feature('nulls', [null, null, null]),
      feature('short', [10]),
      { type: 'Feature', id: 'no-geometry', properties: { mag: 5, time: 1 } },
      feature(undefined, [10, 10, 1]),
      feature('no-time', [10, 10, 1], { time: null }),
      feature('deleted', [10, 10, 1], { status: 'deleted' }),
      null,
      'not even an object',
    ]
    const { alerts, skipped } = parseUsgsFeed({ type: 'FeatureCollection', features })
    expect(alerts.map((a) => a.incidents)).toEqual(['good'])
    expect(skipped.map((s) => s.id)).toEqual([
      'north-of-pole',
      'words',
      'nulls',
      'short',
      'no-geometry',
      '#6',
      'no-time',
      'deleted',
      '#9',
      '#10',
    ])
    expect(skipped[0]?.reason).toMatch(/not a longitude and latitude/)
  })

  it('throws on a body that is no USGS feed at all', () => {
    for (const body of ['not json', '{"type":"Feature"}', { features: 'x' }, null]) {
      expect(() => parseUsgsFeed(body)).toThrow(AppError)
    }
  })

  it('draws a larger circle for a larger earthquake', () => {
    expect([null, 2, 5, 6, 7, 9.5].map(earthquakeRadiusKm)).toEqual([10, 10, 32, 100, 316, 1000])
  })
})
